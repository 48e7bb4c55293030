import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import {
  MailFailures,
  MailSettings,
  NotificationCount,
  NotificationIdParam,
  NotificationItem,
  NotificationList,
  NotificationQuery,
} from '../../domain/notification-schemas.js';
import { listNotifications, readAllNotifications, readNotification, unreadCount } from '../../services/notifications/inbox.js';
import { getMailSettings, mailFailures, setMailSettings } from '../../services/notifications/mail-settings.js';
import { requireCtx } from '../auth.js';
import { z } from 'zod';

const tags = ['Thông báo'];

export const notificationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'Thông báo của người dùng (mới nhất trước), kèm số chưa đọc',
          querystring: NotificationQuery,
          response: { 200: NotificationList },
        },
      },
      async (req) => listNotifications(requireCtx(req, db), req.query),
    );
    app.get(
      '/notifications/count',
      { schema: { tags, summary: 'Số thông báo chưa đọc (chuông ở đầu trang)', response: { 200: NotificationCount } } },
      async (req) => unreadCount(requireCtx(req, db)),
    );
    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Đánh dấu một thông báo đã đọc (khi mở)',
          params: NotificationIdParam,
          response: { 200: NotificationItem },
        },
      },
      async (req) => readNotification(requireCtx(req, db), req.params.id),
    );
    app.post(
      '/notifications/read-all',
      {
        schema: {
          tags,
          summary: 'Đánh dấu tất cả thông báo đã đọc',
          response: { 200: z.object({ marked: z.number().int(), unread: z.number().int() }) },
        },
      },
      async (req) => readAllNotifications(requireCtx(req, db)),
    );
    app.get(
      '/profile/mail',
      { schema: { tags, summary: 'Địa chỉ thư điện tử và cách nhận thư thông báo của người dùng', response: { 200: MailSettings } } },
      async (req) => getMailSettings(requireCtx(req, db)),
    );
    app.put(
      '/profile/mail',
      {
        schema: {
          tags,
          summary: 'Đặt địa chỉ thư điện tử và cách nhận thư: từng thông báo, tổng hợp mỗi ngày, hoặc không nhận',
          body: MailSettings,
          response: { 200: MailSettings },
        },
      },
      async (req) => setMailSettings(requireCtx(req, db), req.body),
    );
    app.get(
      '/mail-failures',
      { schema: { tags, summary: 'Địa chỉ thư điện tử không nhận được thư (cho quản trị hệ thống)', response: { 200: MailFailures } } },
      async (req) => mailFailures(requireCtx(req, db)),
    );
  };
