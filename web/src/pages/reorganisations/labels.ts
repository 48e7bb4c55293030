/** A closed unit (merged, split, abolished) is named "… (cũ)" wherever it is shown. */
export function unitName(u: { name: string; active?: boolean | null }): string {
  return u.active === false ? `${u.name} (cũ)` : u.name;
}
