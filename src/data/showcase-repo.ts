/**
 * What the public showcase may read. Every query here starts from `publication` and keeps only
 * registrations that are still recognised, and selects public columns by name: never the people who
 * worked on the record, internal reasons, votes, supporters, inspection notes, or files other than photos.
 */
import { slugifyVietnamese } from '../domain/text.js';
import type { Queryable } from './db.js';

export interface PublicCard {
  slug: string; title: string; kind: string; unit_name: string; province: string | null;
  field_name: string; year: number; summary: string; photo: string | null;
}

const PUBLISHED = `from publication p join registration r on r.id = p.registration_id
  join unit u on u.id = r.unit_id join field f on f.code = r.field_code
  left join unit pv on nlevel(r.unit_path) >= 2 and pv.path = subpath(r.unit_path, 0, 2)
 where r.recognised and r.state in ('recognised', 'completed')`;

const CARD_COLUMNS = `p.slug, r.title, r.kind, u.name as unit_name, pv.name as province, f.name as field_name, r.year, p.summary,
  (select e.id from evidence_file e where e.registration_id = r.id and e.public and e.mime like 'image/%' order by e.created_at limit 1) as photo`;

/** `words`: a prefix tsquery (domain/text.ts prefixQuery) matched against publication.search, which
 *  holds public text only (migration 0014): never the internal description. */
export interface ShowcaseFilter { field: string | null; year: number | null; province: string | null; words?: string | null }

export async function listPublished(q: Queryable, f: ShowcaseFilter, limit: number, offset: number): Promise<PublicCard[]> {
  const { rows } = await q.query<PublicCard>(
    `select ${CARD_COLUMNS} ${PUBLISHED}
       and ($1::text is null or r.field_code = $1) and ($2::int is null or r.year = $2) and ($3::text is null or pv.code = $3)
       and ($6::text is null or p.search @@ to_tsquery('vi_unaccent', $6))
     order by p.published_at desc, p.slug limit $4 offset $5`,
    [f.field, f.year, f.province, limit, offset, f.words ?? null],
  );
  return rows;
}

/** The choices offered by the filters: only values that have something published. */
export async function showcaseChoices(q: Queryable) {
  const fields = (await q.query<{ code: string; name: string }>(`select distinct f.code, f.name, f.sort ${PUBLISHED} order by f.sort`)).rows;
  const provinces = (await q.query<{ code: string; name: string }>(`select distinct pv.code, pv.name ${PUBLISHED} and pv.code is not null order by pv.name`)).rows;
  const years = (await q.query<{ year: number }>(`select distinct r.year ${PUBLISHED} order by 1 desc`)).rows.map((y) => y.year);
  return { fields, provinces, years };
}

export interface PublicModel extends PublicCard {
  id: string; start_date: string; end_date: string; person_name: string | null; person_position: string | null; holder: string;
}

export async function publishedBySlug(q: Queryable, slug: string): Promise<PublicModel | null> {
  const { rows } = await q.query<PublicModel>(
    `select ${CARD_COLUMNS}, r.id, r.start_date::text, r.end_date::text, r.holder,
            case when r.holder = 'individual' then r.person_name end as person_name,
            case when r.holder = 'individual' then r.person_position end as person_position
       ${PUBLISHED} and p.slug = $1`,
    [slug],
  );
  return rows[0] ?? null;
}

export async function publicPhotos(q: Queryable, registrationId: string) {
  return (await q.query<{ id: string }>(
    `select id from evidence_file where registration_id = $1 and public and mime like 'image/%' order by created_at`, [registrationId])).rows;
}

export async function publicRecognitions(q: Queryable, registrationId: string) {
  return (await q.query<{ level: string | null; decision_no: string | null; decision_date: string | null; issuer: string | null }>(
    `select level, decision_no, decision_date::text, issuer from recognition_candidate
      where registration_id = $1 and result = 'recognised' order by decision_date`, [registrationId])).rows;
}

export async function publicCommendations(q: Queryable, registrationId: string) {
  return (await q.query<{ form: string; issuer: string; decision_no: string; decision_date: string }>(
    `select f.name as form, c.issuer, c.decision_no, c.decision_date::text from commendation c
       join commendation_form f on f.code = c.form_code where c.registration_id = $1 order by c.decision_date`, [registrationId])).rows;
}

/**
 * Results: each criterion's target, the value the latest inspection recorded and its completion, and what the
 * latest inspection counted as mobilised. The inspector's own words are not read.
 */
export async function publicResults(q: Queryable, registrationId: string) {
  const [latest] = (await q.query<{ id: string; inspected_on: string; people_reached: number | null; funds_vnd: string | null; workdays: number | null }>(
    `select id, inspected_on::text, people_reached, funds_vnd::text, workdays from inspection
      where registration_id = $1 order by inspected_on desc, created_at desc limit 1`, [registrationId])).rows;
  const criteria = (await q.query<{ name: string; target: string | null; unit_of_measure: string | null; achieved: string | null; completion_pct: number | null }>(
    `select c.name, c.target::text, c.unit_of_measure, ic.achieved::text, ic.completion_pct
       from registration_criterion c left join inspection_criterion ic on ic.criterion_id = c.id and ic.inspection_id = $2
      where c.registration_id = $1 order by c.sort`, [registrationId, latest?.id ?? null])).rows;
  return { criteria, latest: latest ?? null };
}

/** A photo of a published, still recognised registration, or nothing. */
export async function publicPhoto(q: Queryable, fileId: string) {
  const { rows } = await q.query<{ mime: string; storage_key: string }>(
    `select e.mime, e.storage_key from evidence_file e join publication p on p.registration_id = e.registration_id
       join registration r on r.id = e.registration_id
      where e.id = $1 and e.public and e.mime like 'image/%' and r.recognised and r.state in ('recognised', 'completed')`, [fileId]);
  return rows[0] ?? null;
}

/** For the officer's record page: whether and how it is published. */
export async function publicationOf(q: Queryable, registrationId: string) {
  const { rows } = await q.query<{ slug: string; summary: string; published_at: Date }>(
    'select slug, summary, published_at from publication where registration_id = $1', [registrationId]);
  return rows[0] ?? null;
}

/** Publishes (or re-publishes with a new summary) a registration; its address stays the same. */
export async function upsertPublication(q: Queryable, r: { id: string; title: string }, summary: string, by: string) {
  const slug = `${slugifyVietnamese(r.title).slice(0, 80)}-${r.id.slice(0, 8)}`;
  const { rows } = await q.query<{ slug: string }>(
    `insert into publication (registration_id, slug, summary, published_by, search) values ($1, $2, $3, $4, public_search_vector($1, $3))
     on conflict (registration_id) do update
       set summary = excluded.summary, published_by = excluded.published_by, published_at = now(), search = excluded.search
     returning slug`,
    [r.id, slug, summary, by],
  );
  return rows[0]!.slug;
}

/** The photos of a registration's inspections, with whether each is chosen for the public. */
export async function photoChoices(q: Queryable, registrationId: string) {
  return (await q.query<{ id: string; public: boolean }>(
    `select id, public from evidence_file where registration_id = $1 and mime like 'image/%' order by created_at, id`, [registrationId])).rows;
}

/** Exactly the given photos of the registration go public; its other files do not. */
export async function choosePublicPhotos(q: Queryable, registrationId: string, photoIds: string[]) {
  await q.query(`update evidence_file set public = (mime like 'image/%' and id = any($2::uuid[])) where registration_id = $1`,
    [registrationId, photoIds]);
}

export async function deletePublication(q: Queryable, registrationId: string) {
  await q.query('delete from publication where registration_id = $1', [registrationId]);
}

export type PublicResults = Awaited<ReturnType<typeof publicResults>>;
