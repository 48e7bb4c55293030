/** The import templates: one .xlsx per sheet kind, with the columns the list exports also write. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { SHEET_KINDS } from '../../domain/sheet-columns.js';
import { importTemplate } from '../../services/imports/import-template.js';
import { requireCtx } from '../auth.js';
import { attachment, XLSX } from '../download.js';

export const importTemplateRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/imports/templates/:kind',
      {
        schema: {
          tags: ['Nhập dữ liệu'],
          summary: 'Tải mẫu Excel để nhập đơn vị (units), tài khoản (users) hoặc mô hình, điển hình (registrations)',
          params: z.object({ kind: z.enum(SHEET_KINDS) }),
          response: { 200: z.any() },
        },
      },
      async (req, reply) => {
        const t = await importTemplate(requireCtx(req, db), req.params.kind);
        return attachment(reply, XLSX, t.fileName, t.buf);
      },
    );
  };
