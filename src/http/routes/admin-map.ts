import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { AdminLoadJob, AdminLoadJobList, StartAdminLoad } from '../../domain/admin-map-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import type { AdminLoadRunner } from '../../jobs/admin-load-jobs.js';
import { getAdminLoad, listAdminLoads } from '../../services/admin-map/list-admin-loads.js';
import { startAdminLoad } from '../../services/admin-map/start-admin-load.js';
import { requireCtx } from '../auth.js';

const tags = ['Bản đồ hành chính'];

export const adminMapRoutes =
  (db: Db, runner: AdminLoadRunner): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/admin-map/loads',
      {
        schema: {
          tags,
          summary: 'Nạp bản đồ hành chính 2025 hoặc lịch sử sắp xếp 2025 (chạy nền, từng lần một; quản trị toàn quốc)',
          body: StartAdminLoad,
          response: { 202: AdminLoadJob },
        },
      },
      async (req, reply) => reply.status(202).send(await startAdminLoad(requireCtx(req, db), runner, req.body.kind)),
    );

    app.get(
      '/admin-map/loads',
      { schema: { tags, summary: 'Các lần nạp gần đây, mới nhất trước, với tiến độ', response: { 200: AdminLoadJobList } } },
      async (req) => listAdminLoads(requireCtx(req, db), runner),
    );

    app.get(
      '/admin-map/loads/:id',
      { schema: { tags, summary: 'Tiến độ của một lần nạp', params: IdParam, response: { 200: AdminLoadJob } } },
      async (req) => getAdminLoad(requireCtx(req, db), runner, req.params.id),
    );
  };
