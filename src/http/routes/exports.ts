import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { CreateExport, ExportJob, ExportJobList } from '../../domain/report-schemas.js';
import { IdParam, Paging } from '../../domain/schemas.js';
import type { ExportRunner } from '../../jobs/export-jobs.js';
import { createExport, finishedExport, getExport } from '../../services/exports/exports.js';
import { listOwnExports } from '../../services/exports/list-own-exports.js';
import { requireCtx } from '../auth.js';
import { attachment, XLSX } from '../download.js';

const tags = ['Xuất dữ liệu'];

export const exportRoutes =
  (db: Db, runner: ExportRunner): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/exports',
      {
        schema: { tags, summary: 'Xuất danh sách ra Excel (chạy nền, theo dõi tiến độ)', body: CreateExport, response: { 202: ExportJob } },
      },
      async (req, reply) => reply.status(202).send(await createExport(requireCtx(req, db), runner, req.body)),
    );

    app.get(
      '/exports',
      {
        schema: {
          tags,
          summary: 'Tệp đã xuất của tôi (mới nhất trước; tệp được giữ một ngày)',
          querystring: Paging,
          response: { 200: ExportJobList },
        },
      },
      async (req) => listOwnExports(requireCtx(req, db), req.query.page, req.query.pageSize),
    );

    app.get(
      '/exports/:id',
      {
        schema: { tags, summary: 'Tiến độ của một lần xuất', params: IdParam, response: { 200: ExportJob } },
      },
      async (req) => getExport(requireCtx(req, db), req.params.id),
    );

    app.get(
      '/exports/:id/file',
      {
        schema: { tags, summary: 'Tải tệp Excel đã xuất', params: IdParam, response: { 200: z.any() } },
      },
      async (req, reply) => {
        const job = await finishedExport(requireCtx(req, db), req.params.id);
        return attachment(reply, XLSX, job.fileName, createReadStream(runner.filePath(job.id)));
      },
    );
  };
