import { randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import { findUnitByCode, findUnitInScope, insertUnit, lockUnitInScope } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { CreateUnit } from '../../domain/schemas.js';
import { foldVietnamese, tidyName } from '../../domain/text.js';
import type { Ctx } from '../context.js';
import { auditSnapshot } from '../unit-presenter.js';
import { loadUnitView } from './get-unit.js';

export async function createUnit(ctx: Ctx, input: CreateUnit) {
  return ctx.db.tx(async (q) => {
    const parent = await lockUnitInScope(q, input.parentId, ctx.actor.viewPath);
    if (!parent) throw notFound('unit');
    if (!can(ctx.actor, 'unit.create_child', { path: parent.path })) throw new AppError('FORBIDDEN');
    if (!parent.active) throw new AppError('UNIT_INACTIVE', { name: parent.name });
    const code = input.code.trim();
    if (await findUnitByCode(q, code)) throw new AppError('UNIT_CODE_TAKEN', { code });
    const id = randomUUID();
    const name = tidyName(input.name);
    await insertUnit(q, {
      id,
      parentId: parent.id,
      parentPath: parent.path,
      code,
      name,
      nameKey: foldVietnamese(name),
      kind: input.kind,
      level: input.level,
      address: input.address ? tidyName(input.address) : null,
      validFrom: input.validFrom ?? null,
    });
    const row = (await findUnitInScope(q, id, ctx.actor.viewPath))!;
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'unit.create',
      entityType: 'unit',
      entityId: id,
      entityLabel: name,
      unitPath: row.path,
      after: auditSnapshot(row),
      ip: ctx.ip,
    });
    return loadUnitView(q, ctx, row);
  });
}
