/** Bulk work on the registrations list: one action on several records, each done or refused on its own. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { BulkBody, BulkResult } from '../../domain/bulk-schemas.js';
import { bulkRegistrations } from '../../services/registrations/bulk-registrations.js';
import { requireCtx } from '../auth.js';

export const registrationBulkRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/registrations/bulk',
      {
        schema: {
          tags: ['Mô hình, điển hình'],
          summary:
            'Tiếp nhận, trả lại (một lý do) hoặc đưa vào đợt xét nhiều hồ sơ; mỗi hồ sơ làm trọn hoặc không đổi, kết quả theo từng hồ sơ',
          body: BulkBody,
          response: { 200: BulkResult },
        },
      },
      async (req) => bulkRegistrations(requireCtx(req, db), req.body),
    );
  };
