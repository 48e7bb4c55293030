/**
 * Public notice of nominees: a round's officers publish its undecided candidates on the public site
 * for a number of days (`publishNotice`); citizens comment there (`leaveComment`, limited per
 * address and in length); only those who decide the round read the comments (`roundNotices`),
 * which the decision screen shows with the notice period.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import type { Db } from '../../data/db.js';
import {
  commentsOf,
  insertComment,
  insertNotice,
  lockAddress,
  noticesOfRound,
  openNoticeBySlug,
  recentCommentsFrom,
} from '../../data/notices-repo.js';
import { findRound, listCandidates } from '../../data/rounds-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { COMMENTS_PER_HOUR, type CommentInput, type PublishNotice } from '../../domain/notice-schemas.js';
import { can } from '../../domain/policy.js';
import { anyScope, inScope } from '../../domain/scope.js';
import type { z } from 'zod';
import type { Ctx } from '../context.js';

export const noticePath = (slug: string) => `/cong-khai/lay-y-kien/${slug}`;

export async function publishNotice(ctx: Ctx, roundId: string, body: z.infer<typeof PublishNotice>) {
  await ctx.db.tx(async (q) => {
    const round = await findRound(q, roundId, inScope(ctx.actor.viewPath), true);
    if (!round) throw notFound('round');
    if (!can(ctx.actor, 'recognition.manage', { path: round.unit_path })) throw new AppError('FORBIDDEN');
    if (round.state !== 'open') throw new AppError('ROUND_CLOSED');
    // Every nominee still waiting for the decision, whoever may see it: the notice is the committee's.
    const nominees = (await listCandidates(q, round.id, anyScope))
      .filter((c) => c.result === null)
      .map((c) => ({
        title: c.title,
        unitName: c.unit_name,
        kind: c.kind,
        personName: c.holder === 'individual' ? c.person_name : null,
      }));
    const id = randomUUID();
    await insertNotice(q, {
      id,
      roundId: round.id,
      slug: randomBytes(12).toString('base64url'),
      title: body.title?.trim() || round.title,
      nominees,
      days: body.days,
      publishedBy: ctx.actor.id,
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'recognition.publish_notice',
      entityType: 'round',
      entityId: round.id,
      entityLabel: round.title,
      unitPath: round.unit_path,
      after: { noticeId: id, days: body.days, nominees: nominees.length },
      ip: ctx.ip,
    });
  });
  return roundNotices(ctx, roundId);
}

/** The round's notices with their comments, for those who decide the round. */
export async function roundNotices(ctx: Ctx, roundId: string) {
  const round = await findRound(ctx.db.pool, roundId, inScope(ctx.actor.viewPath));
  if (!round) throw notFound('round');
  if (!can(ctx.actor, 'recognition.manage', { path: round.unit_path })) throw new AppError('FORBIDDEN');
  const notices = await noticesOfRound(ctx.db.pool, round.id);
  const comments = await commentsOf(
    ctx.db.pool,
    notices.map((n) => n.id),
  );
  const now = Date.now();
  return {
    items: notices.map((n) => ({
      id: n.id,
      title: n.title,
      url: noticePath(n.slug),
      opensAt: n.opens_at.toISOString(),
      closesAt: n.closes_at.toISOString(),
      open: n.opens_at.getTime() <= now && n.closes_at.getTime() > now,
      nominees: n.nominees,
      comments: comments
        .filter((c) => c.notice_id === n.id)
        .map((c) => ({ id: c.id, name: c.name, contact: c.contact, body: c.body, at: c.created_at.toISOString() })),
    })),
  };
}

/** The public page's notice: only while its period lasts. */
export async function openNotice(db: Db, slug: string) {
  return openNoticeBySlug(db.pool, slug);
}

/** A citizen's comment, at most COMMENTS_PER_HOUR an hour from one address. */
export async function leaveComment(db: Db, slug: string, input: z.infer<typeof CommentInput>, ip: string | null) {
  await db.tx(async (q) => {
    const notice = await openNoticeBySlug(q, slug);
    if (!notice) throw notFound('notice');
    const address = ip ?? 'unknown';
    await lockAddress(q, address);
    if ((await recentCommentsFrom(q, address)) >= COMMENTS_PER_HOUR) throw new AppError('NOTICE_COMMENT_LIMIT');
    await insertComment(q, { id: randomUUID(), noticeId: notice.id, ...input, ip: address });
  });
}
