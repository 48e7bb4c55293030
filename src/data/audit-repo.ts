import type { Queryable } from './db.js';

export interface AuditWrite {
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel?: string | null;
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Written inside the transaction of the change it records: both land or neither does. */
export async function insertAudit(q: Queryable, e: AuditWrite): Promise<void> {
  await q.query(
    `insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, entity_label, unit_path, before, after, ip)
     values ($1, $2, $3, $4, $5, $6, $7::ltree, $8::jsonb, $9::jsonb, $10)`,
    [
      e.actorId,
      e.actorName,
      e.action,
      e.entityType,
      e.entityId,
      e.entityLabel ?? null,
      e.unitPath,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.ip ?? null,
    ],
  );
}

export interface AuditFilter {
  scopePath: string;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_label: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export async function listAudit(q: Queryable, f: AuditFilter) {
  const where = ['unit_path <@ $1::ltree'];
  const params: unknown[] = [f.scopePath];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.entityType) add('entity_type = ?', f.entityType);
  if (f.entityId) add('entity_id = ?', f.entityId);
  if (f.actorId) add('actor_id = ?', f.actorId);
  if (f.action) add('action = ?', f.action);
  if (f.from) add(`at >= ?::date`, f.from);
  if (f.to) add(`at < ?::date + 1`, f.to);
  const whereSql = where.join(' and ');
  const total = (await q.query<{ n: number }>(`select count(*) as n from audit_log where ${whereSql}`, params)).rows[0]!.n;
  params.push(f.limit, f.offset);
  const { rows } = await q.query<AuditRow>(
    `select id, at, actor_id, actor_name, action, entity_type, entity_id, entity_label, before, after, ip
       from audit_log where ${whereSql}
      order by at desc, id desc limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      entityLabel: r.entity_label,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
    })),
  };
}
