import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { AppError } from '../../domain/errors.js';
import { MAX_EVIDENCE_BYTES } from '../../domain/file-types.js';
import { EvidenceFile, Inspection, InspectionInput } from '../../domain/inspection-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { addEvidence, findEvidence } from '../../services/inspections/evidence.js';
import { photoCopy } from '../../services/photo-copies.js';
import { createInspection, listInspections } from '../../services/inspections/inspections.js';
import { requireCtx } from '../auth.js';

const tags = ['Kiểm tra, minh chứng'];

export const inspectionRoutes =
  (db: Db, filesDir: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/registrations/:id/inspections',
      { schema: { tags, summary: 'Các lần kiểm tra, đánh giá', params: IdParam, response: { 200: z.array(Inspection) } } },
      async (req) => listInspections(requireCtx(req, db), req.params.id),
    );

    app.post(
      '/registrations/:id/inspections',
      {
        schema: { tags, summary: 'Ghi kết quả kiểm tra, đánh giá', params: IdParam, body: InspectionInput, response: { 201: Inspection } },
      },
      async (req, reply) => reply.status(201).send(await createInspection(requireCtx(req, db), req.params.id, req.body)),
    );

    app.post(
      '/registrations/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Tải lên minh chứng (ảnh JPG/PNG/GIF/WebP hoặc PDF, tối đa 20 MB; trường "file", tùy chọn "inspectionId")',
          params: IdParam,
          querystring: z.object({ inspectionId: z.uuid().optional() }),
          consumes: ['multipart/form-data'],
          response: { 201: EvidenceFile },
        },
      },
      async (req, reply) => {
        const ctx = requireCtx(req, db);
        const part = await req.file({ limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } });
        if (!part) throw new AppError('FILE_MISSING');
        const saved = await addEvidence(ctx, filesDir, req.params.id, req.query.inspectionId ?? null, {
          fileName: part.filename,
          stream: part.file,
        });
        return reply.status(201).send(saved);
      },
    );

    app.get(
      '/files/:id',
      {
        schema: {
          tags,
          summary: 'Xem, tải tệp minh chứng (size=thumb: ảnh thu nhỏ, bỏ thông tin kèm theo ảnh)',
          params: IdParam,
          querystring: z.object({ size: z.enum(['thumb']).optional() }),
        },
      },
      async (req, reply) => {
        const f = await findEvidence(requireCtx(req, db), filesDir, req.params.id);
        reply.header('cache-control', 'private, max-age=3600');
        reply.header('x-content-type-options', 'nosniff');
        if (req.query.size === 'thumb' && f.mime.startsWith('image/')) {
          const copy = await photoCopy(filesDir, f.storage_key, req.params.id, 'thumb').catch((err: unknown) => {
            req.log.warn({ err, fileId: req.params.id }, 'photo copy failed');
            return null;
          });
          if (copy) return reply.header('content-type', 'image/jpeg').send(fs.createReadStream(copy));
        }
        reply.header('content-type', f.mime);
        reply.header('content-length', f.size_bytes);
        reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.file_name)}`);
        return reply.send(fs.createReadStream(f.path));
      },
    );
  };
