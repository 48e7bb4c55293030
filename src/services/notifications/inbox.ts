/**
 * The signed-in user's notifications: the list (all or unread), the bell's count, marking one or
 * all read. Read from the database on every call, so every app instance shows the same count.
 */
import {
  countUnread,
  findOwnNotification,
  listNotificationRows,
  markAllRead,
  markRead,
  type NotificationRow,
} from '../../data/notifications-repo.js';
import { notFound } from '../../domain/errors.js';
import { describeEvent, eventFacts } from '../../domain/notifications.js';
import type { Ctx } from '../context.js';

export function presentNotification(r: NotificationRow) {
  return {
    id: r.id,
    kind: r.kind,
    ...describeEvent(eventFacts(r)),
    createdAt: r.created_at.toISOString(),
    read: r.read_at !== null,
  };
}

export async function listNotifications(ctx: Ctx, query: { page: number; pageSize: number; unread?: 'true' | 'false' | undefined }) {
  const { rows, total } = await listNotificationRows(
    ctx.db.pool,
    ctx.actor.id,
    query.unread === 'true',
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map(presentNotification), total, unread: await countUnread(ctx.db.pool, ctx.actor.id) };
}

export async function unreadCount(ctx: Ctx) {
  return { unread: await countUnread(ctx.db.pool, ctx.actor.id) };
}

/** Opening a notification marks it read; another user's is not found. */
export async function readNotification(ctx: Ctx, id: number) {
  return ctx.db.tx(async (q) => {
    const row = await findOwnNotification(q, ctx.actor.id, id);
    if (!row) throw notFound('notification');
    await markRead(q, ctx.actor.id, id);
    return presentNotification({ ...row, read_at: row.read_at ?? new Date() });
  });
}

export async function readAllNotifications(ctx: Ctx) {
  const marked = await ctx.db.tx((q) => markAllRead(q, ctx.actor.id));
  return { marked, unread: 0 };
}
