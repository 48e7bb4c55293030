/**
 * Units are addressed by a materialised path of labels ("1.25.300"). A scope is the path of
 * the unit at its top; a path is inside the scope when it equals it or descends from it.
 */
export function inSubtree(path: string, scopePath: string | null | undefined): boolean {
  if (!scopePath) return false;
  return path === scopePath || path.startsWith(scopePath + '.');
}

/** Strictly below the scope's top unit: its top is excluded. */
export function belowSubtree(path: string, scopePath: string | null | undefined): boolean {
  return !!scopePath && path.startsWith(scopePath + '.');
}

/**
 * The subtree a repository read is limited to. `inScope(path)` reads inside the subtree of `path`
 * (the caller's view, usually); `anyScope` reads anywhere, for a service that has already found
 * the record inside the caller's scope and reads it again (after a change, or to lock it). The
 * data layer sends it as an ltree: the empty path contains every path.
 */
export type Scope = string & { readonly __scope: true };
export const inScope = (path: string): Scope => path as Scope;
export const anyScope: Scope = '' as Scope;
