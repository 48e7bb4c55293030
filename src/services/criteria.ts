/** The criteria catalogue: read by everyone, edited by movement officers. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../data/audit-repo.js';
import { AppError, notFound } from '../domain/errors.js';
import type { CriterionTemplate, CriterionTemplateQuery, SaveCriterionTemplate, UpdateCriterionTemplate } from '../domain/movement-schemas.js';
import { can } from '../domain/policy.js';
import { tidyName } from '../domain/text.js';
import type { Ctx } from './context.js';

interface Row { id: string; target: 'collective' | 'individual' | 'model'; unit_kind: string | null; name: string; description: string | null; sort: number; active: boolean; version: number }

const present = (r: Row): CriterionTemplate => ({
  id: r.id, target: r.target, unitKind: r.unit_kind as never, name: r.name, description: r.description, sort: r.sort, active: r.active, version: r.version,
});

export async function listCriterionTemplates(ctx: Ctx, query: z.infer<typeof CriterionTemplateQuery>) {
  const rows = await ctx.db.rows<Row>(
    `select id, target, unit_kind, name, description, sort, active, version from criterion_template
      where ($1::text is null or target = $1) and ($2::text is null or unit_kind is not distinct from $2)
      order by target, unit_kind nulls first, sort, name`,
    [query.target ?? null, query.unitKind ?? null],
  );
  return rows.map(present);
}

function requireManager(ctx: Ctx) {
  if (!ctx.actor.entryPath || !can(ctx.actor, 'criteria.manage', { path: ctx.actor.entryPath })) throw new AppError('FORBIDDEN');
}

export async function createCriterionTemplate(ctx: Ctx, input: z.infer<typeof SaveCriterionTemplate>) {
  requireManager(ctx);
  return ctx.db.tx(async (q) => {
    const id = randomUUID();
    const name = tidyName(input.name);
    await q.query('insert into criterion_template (id, target, unit_kind, name, description, sort, active) values ($1, $2, $3, $4, $5, $6, $7)',
      [id, input.target, input.unitKind, name, input.description ?? null, input.sort, input.active]);
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'criterion.create', entityType: 'criterion', entityId: id, entityLabel: name, unitPath: ctx.actor.entryPath, after: input, ip: ctx.ip });
    return present((await q.query<Row>('select * from criterion_template where id = $1', [id])).rows[0]!);
  });
}

export async function updateCriterionTemplate(ctx: Ctx, id: string, input: z.infer<typeof UpdateCriterionTemplate>) {
  requireManager(ctx);
  return ctx.db.tx(async (q) => {
    const before = (await q.query<Row>('select * from criterion_template where id = $1 for update', [id])).rows[0];
    if (!before) throw notFound('criterion');
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
    const after = (await q.query<Row>('select * from criterion_template where id = $1', [id])).rows[0]!;
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'criterion.update', entityType: 'criterion', entityId: id, entityLabel: after.name, unitPath: ctx.actor.entryPath, before: present(before), after: present(after), ip: ctx.ip });
    return present(after);
  });
}
