import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { PublishNotice, RoundNotices } from '../../domain/notice-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { publishNotice, roundNotices } from '../../services/notices/notices.js';
import { requireCtx } from '../auth.js';

const tags = ['Xét công nhận'];

export const noticeRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/recognition-rounds/:id/notices',
      {
        schema: {
          tags,
          summary: 'Công khai danh sách đề nghị trên trang công khai để lấy ý kiến nhân dân',
          params: IdParam,
          body: PublishNotice,
          response: { 201: RoundNotices },
        },
      },
      async (req, reply) => reply.status(201).send(await publishNotice(requireCtx(req, db), req.params.id, req.body)),
    );
    app.get(
      '/recognition-rounds/:id/notices',
      { schema: { tags, summary: 'Các lần công khai của đợt xét và ý kiến nhân dân', params: IdParam, response: { 200: RoundNotices } } },
      async (req) => roundNotices(requireCtx(req, db), req.params.id),
    );
  };
