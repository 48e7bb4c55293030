/** The criteria catalogue: read by everyone, edited by movement officers. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../data/audit-repo.js';
import { AppError, notFound } from '../domain/errors.js';
import type { CriterionTemplate, CriterionTemplateQuery, SaveCriterionTemplate, UpdateCriterionTemplate } from '../domain/movement-schemas.js';
import { can } from '../domain/policy.js';
import { tidyName } from '../domain/text.js';
import type { Ctx } from './context.js';

interface Row { id: string; target: 'collective' | 'individual' | 'model'; unit_kind: string | null; name: string; description: string | null; sort: number; active: boolean; version: number; owner_path: string | null }

const COLUMNS = 'id, target, unit_kind, name, description, sort, active, version, owner_path::text as owner_path';

const present = (ctx: Ctx, r: Row): CriterionTemplate => ({
  id: r.id, target: r.target, unitKind: r.unit_kind as never, name: r.name, description: r.description, sort: r.sort, active: r.active, version: r.version,
  national: r.owner_path === null, actions: mayManage(ctx, r.owner_path) ? ['update'] : [],
});

export async function listCriterionTemplates(ctx: Ctx, query: z.infer<typeof CriterionTemplateQuery>) {
  const rows = await ctx.db.rows<Row>(
    // The national catalogue, plus the additions of the levels above and inside the caller's view.
    `select ${COLUMNS} from criterion_template
      where ($1::text is null or target = $1) and ($2::text is null or unit_kind is not distinct from $2)
        and (owner_path is null or owner_path @> $3::ltree or owner_path <@ $3::ltree)
      order by target, unit_kind nulls first, owner_path nulls first, sort, id`,
    [query.target ?? null, query.unitKind ?? null, ctx.actor.viewPath],
  );
  return rows.map((r) => present(ctx, r));
}

/**
 * Officers edit the templates of their own level and below; the national catalogue (no owner)
 * only from the top of the tree.
 */
function mayManage(ctx: Ctx, ownerPath: string | null): boolean {
  const entry = ctx.actor.entryPath;
  return ownerPath === null
    ? !!entry && !entry.includes('.') && can(ctx.actor, 'criteria.manage', { path: entry })
    : can(ctx.actor, 'criteria.manage', { path: ownerPath });
}

function requireManager(ctx: Ctx, ownerPath: string | null) {
  if (!mayManage(ctx, ownerPath)) throw new AppError('FORBIDDEN');
}

export async function createCriterionTemplate(ctx: Ctx, input: z.infer<typeof SaveCriterionTemplate>) {
  // An addition belongs to the level of the officer who makes it.
  const owner = ctx.actor.entryPath;
  if (!owner) throw new AppError('FORBIDDEN');
  requireManager(ctx, owner);
  return ctx.db.tx(async (q) => {
    const id = randomUUID();
    const name = tidyName(input.name);
    await q.query('insert into criterion_template (id, target, unit_kind, name, description, sort, active, owner_path) values ($1, $2, $3, $4, $5, $6, $7, $8::ltree)',
      [id, input.target, input.unitKind, name, input.description ?? null, input.sort, input.active, owner]);
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'criterion.create', entityType: 'criterion', entityId: id, entityLabel: name, unitPath: owner, after: input, ip: ctx.ip });
    return present(ctx, (await q.query<Row>(`select ${COLUMNS} from criterion_template where id = $1`, [id])).rows[0]!);
  });
}

export async function updateCriterionTemplate(ctx: Ctx, id: string, input: z.infer<typeof UpdateCriterionTemplate>) {
  return ctx.db.tx(async (q) => {
    const before = (await q.query<Row>(
      `select ${COLUMNS} from criterion_template where id = $1 and (owner_path is null or owner_path @> $2::ltree or owner_path <@ $2::ltree) for update`,
      [id, ctx.actor.viewPath])).rows[0];
    if (!before) throw notFound('criterion');
    requireManager(ctx, before.owner_path);
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    const cols: Record<string, unknown> = {
      target: input.target, unit_kind: input.unitKind, name: input.name === undefined ? undefined : tidyName(input.name),
      description: input.description, sort: input.sort, active: input.active,
    };
    const entries = Object.entries(cols).filter(([, v]) => v !== undefined);
    await q.query(
      `update criterion_template set ${[...entries.map(([k], i) => `${k} = $${i + 2}`), 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $1`,
      [id, ...entries.map(([, v]) => v)],
    );
    const after = (await q.query<Row>(`select ${COLUMNS} from criterion_template where id = $1`, [id])).rows[0]!;
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'criterion.update', entityType: 'criterion', entityId: id, entityLabel: after.name, unitPath: after.owner_path ?? ctx.actor.entryPath, before: present(ctx, before), after: present(ctx, after), ip: ctx.ip });
    return present(ctx, after);
  });
}
