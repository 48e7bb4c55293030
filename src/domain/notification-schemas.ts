import { z } from 'zod';
import { Paging } from './schemas.js';
import { EVENT_KINDS } from './audiences.js';

export const NotificationQuery = Paging.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export const NotificationItem = z.object({
  id: z.number().int(),
  kind: z.enum(EVENT_KINDS as [string, ...string[]]),
  title: z.string(),
  /** The reason given (a return, a rejection, a decision), when there is one. */
  text: z.string().nullable(),
  /** The page of the app that shows the record. */
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const NotificationList = z.object({
  items: z.array(NotificationItem),
  total: z.number().int(),
  unread: z.number().int(),
});
export const NotificationCount = z.object({ unread: z.number().int() });
export const NotificationIdParam = z.object({ id: z.coerce.number().int().min(1) });

export const MAIL_MODES = ['immediate', 'digest', 'off'] as const;
export const MAIL_MODE_LABELS: Record<(typeof MAIL_MODES)[number], string> = {
  immediate: 'Gửi thư cho từng thông báo',
  digest: 'Gửi một thư tổng hợp mỗi ngày',
  off: 'Không gửi thư',
};
export const MailSettings = z.object({
  email: z.email().max(200).nullable(),
  mailMode: z.enum(MAIL_MODES),
});
export const MailFailures = z.object({
  items: z.array(
    z.object({
      userId: z.uuid(),
      username: z.string(),
      fullName: z.string(),
      email: z.string().nullable(),
      failedAt: z.string(),
      error: z.string().nullable(),
    }),
  ),
});
