import { searchRegistrations } from '../data/search-repo.js';
import { findUnitInScope } from '../data/units-repo.js';
import { notFound } from '../domain/errors.js';
import type { SearchQuery, SearchResult } from '../domain/search-schemas.js';
import { markedParts, prefixQuery } from '../domain/text.js';
import type { Ctx } from './context.js';

/** Models and exemplars in the caller's view whose title, description, unit or person match every word typed. */
export async function search(ctx: Ctx, input: SearchQuery): Promise<SearchResult> {
  const tsquery = prefixQuery(input.q);
  if (!tsquery) return { total: 0, capped: false, items: [] };
  // A streaming replica may answer, never behind the caller's own writes (`db.reads`).
  const reader = await ctx.db.reads();
  let unitPath: string | undefined;
  if (input.unitId) {
    const unit = await findUnitInScope(reader, input.unitId, ctx.actor.viewPath);
    if (!unit) throw notFound('unit');
    unitPath = unit.path;
  }
  const { total, capped, rows } = await searchRegistrations(
    reader,
    tsquery,
    {
      scopePath: ctx.actor.viewPath,
      unitPath,
      fieldCode: input.fieldCode,
      year: input.year,
      state: input.state,
      kind: input.kind,
    },
    input.pageSize,
    (input.page - 1) * input.pageSize,
  );
  return {
    total,
    capped,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      titleParts: markedParts(r.title_marked),
      unit: { id: r.unit_id, name: r.unit_name },
      personName: r.person_name,
      fieldCode: r.field_code,
      year: r.year,
      state: r.state,
      snippet: r.snippet_marked.includes('«') ? markedParts(r.snippet_marked) : [],
    })),
  };
}
