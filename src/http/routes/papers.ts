import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { CreatePaper, Paper, PaperList } from '../../domain/paper-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { issuePaper } from '../../services/papers/issue-paper.js';
import { getPaper, paperDocx, paperPdf, papersOfRound } from '../../services/papers/paper-file.js';
import { requireCtx } from '../auth.js';
import { attachment, DOCX } from '../download.js';

const tags = ['Văn bản'];
const PDF = 'application/pdf';

/** `origin`: DVK's public address, printed in a certificate's QR code. */
export const paperRoutes =
  (db: Db, origin: () => string): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/papers',
      {
        schema: {
          tags,
          summary: 'Lập văn bản (phiếu đăng ký, biên bản, quyết định, tờ trình, giấy chứng nhận) với số và ngày',
          body: CreatePaper,
          response: { 201: Paper },
        },
      },
      async (req, reply) => reply.status(201).send(await issuePaper(requireCtx(req, db), req.body, origin())),
    );
    app.get('/papers/:id', { schema: { tags, summary: 'Một văn bản', params: IdParam, response: { 200: Paper } } }, async (req) =>
      getPaper(requireCtx(req, db), req.params.id, origin()),
    );
    app.get(
      '/papers/:id/docx',
      { schema: { tags, summary: 'Tải văn bản dạng Word', params: IdParam, response: { 200: z.any() } } },
      async (req, reply) => {
        const f = await paperDocx(requireCtx(req, db), req.params.id, origin());
        return attachment(reply, DOCX, f.name, f.body);
      },
    );
    app.get(
      '/papers/:id/pdf',
      { schema: { tags, summary: 'Tải văn bản dạng PDF (cần LibreOffice trên máy chủ)', params: IdParam, response: { 200: z.any() } } },
      async (req, reply) => {
        const f = await paperPdf(requireCtx(req, db), req.params.id, origin());
        return attachment(reply, PDF, f.name, f.body);
      },
    );
    app.get(
      '/recognition-rounds/:id/papers',
      { schema: { tags, summary: 'Các văn bản của đợt xét', params: IdParam, response: { 200: PaperList } } },
      async (req) => papersOfRound(requireCtx(req, db), req.params.id, origin()),
    );
  };
