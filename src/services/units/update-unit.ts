import { insertAudit } from '../../data/audit-repo.js';
import type { Queryable } from '../../data/db.js';
import {
  findUnitByCode,
  findUnitInScope,
  lockUnitInScope,
  recordUnitVersions,
  updateUnitRow,
  type UnitChanges,
  type UnitRow,
} from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can, type Action } from '../../domain/policy.js';
import type { UpdateUnit } from '../../domain/schemas.js';
import { foldVietnamese, tidyName } from '../../domain/text.js';
import type { Ctx } from '../context.js';
import { auditSnapshot } from '../unit-presenter.js';
import { today } from '../clock.js';
import { closeUnitOn } from './close-unit.js';
import { loadUnitView } from './get-unit.js';

/**
 * The common frame of every change to one unit: lock it inside the caller's scope, check the
 * policy and the version the caller saw, apply, write the audit row, all in one transaction.
 */
export async function changeUnit(
  ctx: Ctx,
  id: string,
  version: number,
  action: Action,
  apply: (q: Queryable, row: UnitRow) => Promise<void>,
) {
  return ctx.db.tx(async (q) => {
    const before = await lockUnitInScope(q, id, ctx.actor.viewPath);
    if (!before) throw notFound('unit');
    if (!can(ctx.actor, action, { path: before.path })) throw new AppError('FORBIDDEN');
    if (before.version !== version) throw new AppError('STALE_VERSION');
    await apply(q, before);
    // The empty path contains every path: a move may take the unit out of the actor's view,
    // and the audit still records where it went.
    const after = (await findUnitInScope(q, id, ''))!;
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action,
      entityType: 'unit',
      entityId: id,
      entityLabel: after.name,
      unitPath: after.path,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      ip: ctx.ip,
    });
    return loadUnitView(q, ctx, after);
  });
}

export async function updateUnit(ctx: Ctx, id: string, input: UpdateUnit) {
  return changeUnit(ctx, id, input.version, 'unit.update', async (q, row) => {
    const changes: UnitChanges = {};
    if (input.code !== undefined && input.code !== row.code) {
      const taken = await findUnitByCode(q, input.code);
      if (taken && taken.id !== row.id) throw new AppError('UNIT_CODE_TAKEN', { code: input.code });
      changes.code = input.code;
    }
    if (input.name !== undefined) {
      changes.name = tidyName(input.name);
      changes.nameKey = foldVietnamese(changes.name);
    }
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.level !== undefined) changes.level = input.level;
    if (input.address !== undefined) changes.address = input.address ? tidyName(input.address) : null;
    await updateUnitRow(q, row.id, row.version, changes);
    // A new name, code, kind or level is a new version of the unit from today.
    const versioned = (['code', 'name', 'kind', 'level'] as const).some((k) => changes[k] !== undefined && changes[k] !== row[k]);
    if (versioned && input.validTo === undefined) await recordUnitVersions(q, row.id, today(), false);
    if (input.validTo !== undefined) {
      const fresh = (await lockUnitInScope(q, row.id, ''))!;
      await closeUnitOn(q, fresh, input.validTo);
    }
  });
}
