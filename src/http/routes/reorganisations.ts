import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import {
  Reorganisation,
  ReorganisationInput,
  ReorganisationList,
  ReorganisationListQuery,
  ReorganisationPreview,
  SetShares,
} from '../../domain/reorganisation-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { createReorganisation } from '../../services/reorganisations/create-reorganisation.js';
import { getReorganisation } from '../../services/reorganisations/get-reorganisation.js';
import { listReorganisations } from '../../services/reorganisations/list-reorganisations.js';
import { previewReorganisation } from '../../services/reorganisations/preview-reorganisation.js';
import { setSplitShares } from '../../services/reorganisations/set-split-shares.js';
import { undoReorganisation } from '../../services/reorganisations/undo-reorganisation.js';
import { requireCtx } from '../auth.js';

const tags = ['Sắp xếp đơn vị'];

export const reorganisationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reorganisations',
      {
        schema: {
          tags,
          summary: 'Danh sách các lần sắp xếp đơn vị',
          querystring: ReorganisationListQuery,
          response: { 200: ReorganisationList },
        },
      },
      async (req) => listReorganisations(requireCtx(req, db), req.query),
    );
    app.get(
      '/reorganisations/:id',
      {
        schema: {
          tags,
          summary: 'Chi tiết một lần sắp xếp: căn cứ, các thay đổi, kế thừa',
          params: IdParam,
          response: { 200: Reorganisation },
        },
      },
      async (req) => getReorganisation(requireCtx(req, db), req.params.id),
    );
    app.post(
      '/reorganisations/preview',
      {
        schema: {
          tags,
          summary: 'Xem trước một lần sắp xếp (không ghi gì)',
          body: ReorganisationInput,
          response: { 200: ReorganisationPreview },
        },
      },
      async (req) => previewReorganisation(requireCtx(req, db), req.body),
    );
    app.post(
      '/reorganisations',
      {
        schema: {
          tags,
          summary: 'Sáp nhập, chia tách, đổi tên, chuyển đơn vị, bỏ cấp (áp dụng ngay hoặc theo ngày hiệu lực)',
          body: ReorganisationInput,
          response: { 201: Reorganisation },
        },
      },
      async (req, reply) => reply.status(201).send(await createReorganisation(requireCtx(req, db), req.body)),
    );
    app.post(
      '/reorganisations/:id/undo',
      { schema: { tags, summary: 'Hoàn tác một lần sắp xếp', params: IdParam, response: { 200: Reorganisation } } },
      async (req) => undoReorganisation(requireCtx(req, db), req.params.id),
    );
    app.put(
      '/reorganisations/:id/shares',
      {
        schema: {
          tags,
          summary: 'Ghi tỷ lệ chia tách cho các đơn vị kế thừa',
          params: IdParam,
          body: SetShares,
          response: { 200: Reorganisation },
        },
      },
      async (req) => setSplitShares(requireCtx(req, db), req.params.id, req.body),
    );
  };
