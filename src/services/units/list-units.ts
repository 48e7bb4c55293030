import { listUnits as queryUnits, namesByPath } from '../../data/units-repo.js';
import { foldVietnamese } from '../../domain/text.js';
import type { Ctx } from '../context.js';
import { presentUnitListItem } from '../unit-presenter.js';

export interface ListUnitsInput {
  parentId?: string | undefined;
  q?: string | undefined;
  kind?: string | undefined;
  includeInactive?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

/**
 * Without a parent or a search: the top of the caller's view scope. With a parent: its children.
 * With a search: matching units anywhere in the scope, each with its trail of ancestor names.
 */
export async function listUnits(ctx: Ctx, input: ListUnitsInput) {
  const scopePath = ctx.actor.viewPath;
  const search = input.q ? foldVietnamese(input.q) : undefined;
  const { rows, total } = await queryUnits(ctx.db.pool, {
    scopePath,
    parentId: input.parentId,
    search: search || undefined,
    kind: input.kind,
    includeInactive: input.includeInactive === 'true',
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const ancestorPaths = new Set<string>();
  for (const r of rows) {
    const labels = r.path.split('.');
    for (let i = 1; i < labels.length; i++) ancestorPaths.add(labels.slice(0, i).join('.'));
  }
  const names = await namesByPath(ctx.db.pool, [...ancestorPaths], scopePath);
  const items = rows.map((r) => {
    const labels = r.path.split('.');
    const trail: string[] = [];
    for (let i = 1; i < labels.length; i++) {
      const name = names.get(labels.slice(0, i).join('.'));
      if (name) trail.push(name);
    }
    return presentUnitListItem(ctx.actor, r, trail.join(' › '));
  });
  return { items, total };
}
