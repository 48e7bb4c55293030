/** The criteria catalogue (criterion templates per target and unit kind): all its SQL. */
import type { Queryable } from './db.js';
import type { Scope } from '../domain/scope.js';

export interface CriterionTemplateRow {
  id: string; target: 'collective' | 'individual' | 'model'; unit_kind: string | null; name: string; description: string | null;
  sort: number; active: boolean; version: number; owner_path: string | null;
}

const COLUMNS = 'id, target, unit_kind, name, description, sort, active, version, owner_path::text as owner_path';
// The national catalogue, plus the additions of the levels above and inside the scope.
const SEEN = (p: string) => `(owner_path is null or owner_path @> ${p}::ltree or owner_path <@ ${p}::ltree)`;

export async function listCriterionTemplateRows(q: Queryable, f: { target: string | null; unitKind: string | null; view: Scope }) {
  const { rows } = await q.query<CriterionTemplateRow>(
    `select ${COLUMNS} from criterion_template
      where ($1::text is null or target = $1) and ($2::text is null or unit_kind is not distinct from $2) and ${SEEN('$3')}
      order by target, unit_kind nulls first, owner_path nulls first, sort, id`,
    [f.target, f.unitKind, f.view],
  );
  return rows;
}

export async function findCriterionTemplate(q: Queryable, id: string, view: Scope, lock = false): Promise<CriterionTemplateRow | null> {
  const { rows } = await q.query<CriterionTemplateRow>(`select ${COLUMNS} from criterion_template where id = $1 and ${SEEN('$2')}${lock ? ' for update' : ''}`, [id, view]);
  return rows[0] ?? null;
}

export async function insertCriterionTemplate(q: Queryable, t: {
  id: string; target: string; unitKind: string | null; name: string; description: string | null; sort: number; active: boolean; ownerPath: string;
}) {
  await q.query('insert into criterion_template (id, target, unit_kind, name, description, sort, active, owner_path) values ($1, $2, $3, $4, $5, $6, $7, $8::ltree)',
    [t.id, t.target, t.unitKind, t.name, t.description, t.sort, t.active, t.ownerPath]);
}

const WRITABLE = ['target', 'unit_kind', 'name', 'description', 'sort', 'active'] as const;

/** Changes the given columns (undefined = unchanged) and moves the version on. */
export async function updateCriterionTemplateRow(q: Queryable, id: string, changes: Partial<Record<(typeof WRITABLE)[number], unknown>>) {
  const entries = WRITABLE.filter((c) => changes[c] !== undefined).map((c) => [c, changes[c]] as const);
  await q.query(
    `update criterion_template set ${[...entries.map(([k], i) => `${k} = $${i + 2}`), 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $1`,
    [id, ...entries.map(([, v]) => v)],
  );
}
