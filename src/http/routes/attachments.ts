import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import {
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_KINDS,
  ATTACHMENT_ROUTES,
  Attachment,
  AttachmentList,
  categoryOf,
} from '../../domain/attachments.js';
import { AppError } from '../../domain/errors.js';
import { MAX_EVIDENCE_BYTES } from '../../domain/file-types.js';
import { IdParam } from '../../domain/schemas.js';
import { addAttachment, findAttachment, listAttachments } from '../../services/attachments.js';
import { requireCtx } from '../auth.js';

const tags = ['Tệp đính kèm'];
const NAMES = {
  registration: 'hồ sơ',
  round: 'đợt xét công nhận',
  proposal: 'đề nghị khen thưởng',
  campaign: 'đợt phát động',
  report: 'báo cáo',
};

export const attachmentRoutes =
  (db: Db, filesDir: string): FastifyPluginAsyncZod =>
  async (app) => {
    for (const kind of ATTACHMENT_KINDS) {
      const base = `/${ATTACHMENT_ROUTES[kind]}/:id/attachments`;
      app.get(
        base,
        { schema: { tags, summary: `Tệp đính kèm của ${NAMES[kind]}`, params: IdParam, response: { 200: AttachmentList } } },
        async (req) => listAttachments(requireCtx(req, db), kind, req.params.id),
      );
      app.post(
        base,
        {
          schema: {
            tags,
            summary: `Đính kèm tệp vào ${NAMES[kind]} (ảnh, PDF, Word .docx, Excel .xlsx; tối đa 20 MB; trường "file"; loại: ${Object.entries(
              ATTACHMENT_CATEGORIES[kind],
            )
              .map(([k, v]) => `${k} – ${v}`)
              .join(', ')})`,
            params: IdParam,
            querystring: z.object({ category: categoryOf(kind) }),
            consumes: ['multipart/form-data'],
            response: { 201: Attachment },
          },
        },
        async (req, reply) => {
          const ctx = requireCtx(req, db);
          const part = await req.file({ limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } });
          if (!part) throw new AppError('FILE_MISSING');
          const saved = await addAttachment(ctx, filesDir, kind, req.params.id, req.query.category, {
            fileName: part.filename,
            stream: part.file,
          });
          return reply.status(201).send(saved);
        },
      );
    }

    app.get(
      '/attachments/:id',
      { schema: { tags, summary: 'Xem, tải tệp đính kèm (chỉ khi xem được hồ sơ chứa nó)', params: IdParam } },
      async (req, reply) => {
        const f = await findAttachment(requireCtx(req, db), filesDir, req.params.id);
        reply.header('cache-control', 'private, max-age=3600');
        reply.header('x-content-type-options', 'nosniff');
        reply.header('content-type', f.mime);
        reply.header('content-length', f.size_bytes);
        // Only images and PDF open in the browser; Word and Excel documents are downloaded.
        const inline = f.mime.startsWith('image/') || f.mime === 'application/pdf';
        reply.header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.file_name)}`);
        return reply.send(fs.createReadStream(f.path));
      },
    );
  };
