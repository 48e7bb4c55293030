/** "Nhập từ Excel": upload, progress and preview, confirmation, error sheet (services/imports/imports.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { AppError } from '../../domain/errors.js';
import {
  CreateImportQuery,
  ImportColumns,
  ImportJob,
  ImportJobList,
  ImportKind,
  ImportRowList,
  ImportRowsQuery,
} from '../../domain/import-schemas.js';
import { IdParam, Paging } from '../../domain/schemas.js';
import type { ImportRunner } from '../../jobs/import-jobs.js';
import {
  confirmImport,
  createImport,
  getImport,
  importColumns,
  importErrorSheet,
  importRows,
  listImports,
} from '../../services/imports/imports.js';
import { requireCtx } from '../auth.js';
import { attachment, XLSX } from '../download.js';

const tags = ['Nhập dữ liệu'];
/** An import file may be large (50,000 rows of a district's history is about 5 MB). */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const importRoutes =
  (db: Db, runner: ImportRunner): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/imports',
      {
        schema: {
          tags,
          summary: 'Nhập dữ liệu từ tệp Excel (.xlsx) hoặc CSV (trường "file"); đọc, kiểm tra từng dòng và cho xem trước, chưa ghi gì',
          querystring: CreateImportQuery,
          consumes: ['multipart/form-data'],
          response: { 202: ImportJob },
        },
      },
      async (req, reply) => {
        const ctx = requireCtx(req, db);
        const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
        if (!part) throw new AppError('FILE_MISSING');
        const job = await createImport(ctx, runner, req.query.kind, { fileName: part.filename, stream: part.file });
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/imports',
      { schema: { tags, summary: 'Các lần nhập dữ liệu của tôi (mới nhất trước)', querystring: Paging, response: { 200: ImportJobList } } },
      async (req) => listImports(requireCtx(req, db), runner, req.query.page, req.query.pageSize),
    );

    app.get(
      '/imports/columns/:kind',
      {
        schema: {
          tags,
          summary: 'Các cột của bảng nhập theo loại dữ liệu',
          params: z.object({ kind: ImportKind }),
          response: { 200: ImportColumns },
        },
      },
      async (req) => {
        requireCtx(req, db);
        return importColumns(req.params.kind);
      },
    );

    app.get(
      '/imports/:id',
      { schema: { tags, summary: 'Tiến độ và kết quả kiểm tra của một lần nhập', params: IdParam, response: { 200: ImportJob } } },
      async (req) => getImport(requireCtx(req, db), runner, req.params.id),
    );

    app.get(
      '/imports/:id/rows',
      {
        schema: {
          tags,
          summary: 'Xem trước các dòng: thêm mới, cập nhật, không đổi, bị từ chối (kèm lý do theo dòng, cột)',
          params: IdParam,
          querystring: ImportRowsQuery,
          response: { 200: ImportRowList },
        },
      },
      async (req) => importRows(requireCtx(req, db), req.params.id, req.query),
    );

    app.post(
      '/imports/:id/confirm',
      {
        schema: {
          tags,
          summary: 'Xác nhận ghi: mọi dòng được ghi trong một giao dịch, hoặc không dòng nào',
          params: IdParam,
          response: { 202: ImportJob },
        },
      },
      async (req, reply) => reply.status(202).send(await confirmImport(requireCtx(req, db), runner, req.params.id)),
    );

    app.get(
      '/imports/:id/errors.xlsx',
      {
        schema: {
          tags,
          summary: 'Tải bảng lỗi (ô sai tô đỏ, kèm ghi chú lý do) để sửa và nhập lại',
          params: IdParam,
          response: { 200: z.any() },
        },
      },
      async (req, reply) => {
        const sheet = await importErrorSheet(requireCtx(req, db), req.params.id);
        return attachment(reply, XLSX, sheet.fileName, sheet.buf);
      },
    );
  };
