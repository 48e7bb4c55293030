/** Public notices of nominees and the comments citizens leave on them: all their SQL. */
import type { Queryable } from './db.js';

export interface Nominee {
  title: string;
  unitName: string;
  kind: string;
  personName: string | null;
}

export interface NoticeRow {
  id: string;
  round_id: string;
  slug: string;
  title: string;
  nominees: Nominee[];
  opens_at: Date;
  closes_at: Date;
  published_at: Date;
}

const COLUMNS = 'id, round_id, slug, title, nominees, opens_at, closes_at, published_at';

export async function insertNotice(
  q: Queryable,
  n: { id: string; roundId: string; slug: string; title: string; nominees: Nominee[]; days: number; publishedBy: string },
) {
  await q.query(
    `insert into public_notice (id, round_id, slug, title, nominees, closes_at, published_by)
     values ($1, $2, $3, $4, $5::jsonb, now() + make_interval(days => $6), $7)`,
    [n.id, n.roundId, n.slug, n.title, JSON.stringify(n.nominees), n.days, n.publishedBy],
  );
}

/** The round's notices, newest first; the caller has found the round inside the reader's view. */
export async function noticesOfRound(q: Queryable, roundId: string): Promise<NoticeRow[]> {
  return (await q.query<NoticeRow>(`select ${COLUMNS} from public_notice where round_id = $1 order by published_at desc, id`, [roundId])).rows;
}

/** A notice by its public address, while its period lasts. */
export async function openNoticeBySlug(q: Queryable, slug: string): Promise<NoticeRow | null> {
  const { rows } = await q.query<NoticeRow>(
    `select ${COLUMNS} from public_notice where slug = $1 and opens_at <= now() and closes_at > now()`,
    [slug],
  );
  return rows[0] ?? null;
}

/** Holds other comments from the same address until this transaction ends, so the count below cannot be overshot. */
export async function lockAddress(q: Queryable, ip: string) {
  await q.query('select pg_advisory_xact_lock(hashtext($1))', [`notice-comment:${ip}`]);
}

/** Comments left from one address in the last hour, over every notice. */
export async function recentCommentsFrom(q: Queryable, ip: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `select count(*)::int as n from notice_comment where client_ip = $1 and created_at > now() - interval '1 hour'`,
    [ip],
  );
  return rows[0]?.n ?? 0;
}

export async function insertComment(q: Queryable, c: { id: string; noticeId: string; name: string; contact: string; body: string; ip: string | null }) {
  await q.query('insert into notice_comment (id, notice_id, name, contact, body, client_ip) values ($1, $2, $3, $4, $5, $6)', [
    c.id,
    c.noticeId,
    c.name,
    c.contact,
    c.body,
    c.ip,
  ]);
}

export async function commentsOf(q: Queryable, noticeIds: string[]) {
  if (!noticeIds.length) return [];
  return (
    await q.query<{ id: string; notice_id: string; name: string; contact: string; body: string; created_at: Date }>(
      'select id, notice_id, name, contact, body, created_at from notice_comment where notice_id = any($1::uuid[]) order by created_at, id',
      [noticeIds],
    )
  ).rows;
}
