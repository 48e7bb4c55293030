import { ancestorsInScope, findUnitInScope, predecessorIds, type UnitRow } from '../../data/units-repo.js';
import { lineageOfUnit, versionsOfUnit, type LineageRow } from '../../data/reorganisations-repo.js';
import type { Queryable } from '../../data/db.js';
import { notFound } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { presentUnit } from '../unit-presenter.js';

function lineageEntry(l: LineageRow, side: 'predecessor' | 'successor') {
  return {
    unit:
      side === 'predecessor'
        ? { id: l.predecessor_id, code: l.predecessor_code, name: l.predecessor_name }
        : { id: l.successor_id, code: l.successor_code, name: l.successor_name },
    effectiveDate: l.effective_date,
    changeKind: l.change_kind,
    share: l.share === null ? null : Number(l.share),
    reorganisation: l.reorganisation_id
      ? { id: l.reorganisation_id, basisNumber: l.basis_number ?? '', basisDate: l.basis_date, basisIssuer: l.basis_issuer ?? '' }
      : null,
  };
}

export async function loadUnitView(q: Queryable, ctx: Ctx, row: UnitRow) {
  const ancestors = await ancestorsInScope(q, row.path, ctx.actor.viewPath);
  const predecessors = await predecessorIds(q, row.id);
  // Lineage and versions: where the unit came from, what it became, how it stood in each period.
  const lineage = await lineageOfUnit(q, row.id, ctx.actor.viewPath);
  const versions = await versionsOfUnit(q, row.id);
  const history = {
    predecessors: lineage.filter((l) => l.successor_id === row.id).map((l) => lineageEntry(l, 'predecessor')),
    successors: lineage.filter((l) => l.predecessor_id === row.id).map((l) => lineageEntry(l, 'successor')),
    versions: versions.map((v) => ({
      validFrom: v.valid_from,
      validTo: v.valid_to,
      code: v.code,
      name: v.name,
      parentName: v.parent_name,
      path: v.path,
    })),
  };
  return presentUnit(
    ctx.actor,
    row,
    ancestors.map((a) => ({ id: a.id, name: a.name })),
    predecessors,
    history,
  );
}

export async function getUnit(ctx: Ctx, id: string) {
  const row = await findUnitInScope(ctx.db.pool, id, ctx.actor.viewPath);
  if (!row) throw notFound('unit');
  return loadUnitView(ctx.db.pool, ctx, row);
}
