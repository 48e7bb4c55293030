/** The criteria catalogue: read by everyone, edited by movement officers (the policy's criterion rule). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../data/audit-repo.js';
import {
  findCriterionTemplate,
  insertCriterionTemplate,
  listCriterionTemplateRows,
  updateCriterionTemplateRow,
  type CriterionTemplateRow as Row,
} from '../data/criteria-repo.js';
import { AppError, notFound } from '../domain/errors.js';
import type {
  CriterionTemplate,
  CriterionTemplateQuery,
  SaveCriterionTemplate,
  UpdateCriterionTemplate,
} from '../domain/movement-schemas.js';
import { criterionActions } from '../domain/policy.js';
import { anyScope, inScope } from '../domain/scope.js';
import { tidyName } from '../domain/text.js';
import type { Ctx } from './context.js';

const present = (ctx: Ctx, r: Row): CriterionTemplate => ({
  id: r.id,
  target: r.target,
  unitKind: r.unit_kind as never,
  name: r.name,
  description: r.description,
  sort: r.sort,
  active: r.active,
  version: r.version,
  national: r.owner_path === null,
  actions: criterionActions(ctx.actor, { ownerPath: r.owner_path }),
});

export async function listCriterionTemplates(ctx: Ctx, query: z.infer<typeof CriterionTemplateQuery>) {
  const rows = await listCriterionTemplateRows(ctx.db.pool, {
    target: query.target ?? null,
    unitKind: query.unitKind ?? null,
    view: inScope(ctx.actor.viewPath),
  });
  return rows.map((r) => present(ctx, r));
}

/** Officers edit the templates of their own level and below; the national catalogue (no owner) only from the top of the tree. */
function requireManager(ctx: Ctx, ownerPath: string | null) {
  if (!criterionActions(ctx.actor, { ownerPath }).includes('update')) throw new AppError('FORBIDDEN');
}

export async function createCriterionTemplate(ctx: Ctx, input: z.infer<typeof SaveCriterionTemplate>) {
  // An addition belongs to the level of the officer who makes it.
  const owner = ctx.actor.entryPath;
  if (!owner) throw new AppError('FORBIDDEN');
  requireManager(ctx, owner);
  return ctx.db.tx(async (q) => {
    const id = randomUUID();
    const name = tidyName(input.name);
    await insertCriterionTemplate(q, {
      id,
      target: input.target,
      unitKind: input.unitKind,
      name,
      description: input.description ?? null,
      sort: input.sort,
      active: input.active,
      ownerPath: owner,
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'criterion.create',
      entityType: 'criterion',
      entityId: id,
      entityLabel: name,
      unitPath: owner,
      after: input,
      ip: ctx.ip,
    });
    return present(ctx, (await findCriterionTemplate(q, id, anyScope))!);
  });
}

export async function updateCriterionTemplate(ctx: Ctx, id: string, input: z.infer<typeof UpdateCriterionTemplate>) {
  return ctx.db.tx(async (q) => {
    const before = await findCriterionTemplate(q, id, inScope(ctx.actor.viewPath), true);
    if (!before) throw notFound('criterion');
    requireManager(ctx, before.owner_path);
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    await updateCriterionTemplateRow(q, id, {
      target: input.target,
      unit_kind: input.unitKind,
      name: input.name === undefined ? undefined : tidyName(input.name),
      description: input.description,
      sort: input.sort,
      active: input.active,
    });
    const after = (await findCriterionTemplate(q, id, anyScope))!;
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'criterion.update',
      entityType: 'criterion',
      entityId: id,
      entityLabel: after.name,
      unitPath: after.owner_path ?? ctx.actor.entryPath,
      before: present(ctx, before),
      after: present(ctx, after),
      ip: ctx.ip,
    });
    return present(ctx, after);
  });
}
