import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import {
  EarlierRegistration,
  Field,
  ReplicableModel,
  SimilarQuery,
  Registration,
  RegistrationInput,
  RegistrationList,
  RegistrationListQuery,
  TransitionBody,
  UpdateRegistration,
} from '../../domain/movement-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { plainText } from '../../domain/text-input.js';
import { DIRECT_TRANSITIONS, type TransitionName } from '../../domain/workflow.js';
import { createRegistration } from '../../services/registrations/create-registration.js';
import { getRegistration, listRegistrations } from '../../services/registrations/list-registrations.js';
import { assignSupporter, transitionRegistration } from '../../services/registrations/transition-registration.js';
import { updateRegistration } from '../../services/registrations/update-registration.js';
import { checkSimilar } from '../../services/registrations/similar.js';
import { publish, unpublish } from '../../services/showcase.js';
import { fields } from '../../services/catalogues.js';
import { replicableModels } from '../../services/registrations/replicable.js';
import { supporterCandidates } from '../../services/registrations/supporter-candidates.js';
import { requireCtx } from '../auth.js';

const tags = ['Mô hình, điển hình'];

export const registrationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/fields', { schema: { tags: ['Danh mục'], summary: 'Danh mục lĩnh vực', response: { 200: z.array(Field) } } }, async (req) => {
      return fields(requireCtx(req, db));
    });

    app.get(
      '/registrations',
      {
        schema: {
          tags,
          summary: 'Danh sách mô hình, điển hình (lọc, hàng đợi)',
          querystring: RegistrationListQuery,
          response: { 200: RegistrationList },
        },
      },
      async (req) => listRegistrations(requireCtx(req, db), req.query),
    );

    app.get(
      '/registrations/similar',
      {
        schema: {
          tags,
          summary: 'Mô hình có tên gần giống đã đăng ký gần đây (kiểm tra đăng ký lặp lại)',
          querystring: SimilarQuery,
          response: { 200: z.array(EarlierRegistration) },
        },
      },
      async (req) => checkSimilar(requireCtx(req, db), req.query),
    );

    app.put(
      '/registrations/:id/publication',
      {
        schema: {
          tags,
          summary: 'Công khai mô hình đã được công nhận trên trang công khai',
          params: IdParam,
          body: z.object({
            summary: plainText(5000, { min: 20, multiline: true }),
            /** The evidence photos shown to the public; left out, the earlier choice stays. */
            photoIds: z.array(z.uuid()).max(50).optional(),
          }),
          response: { 200: z.object({ slug: z.string(), url: z.string() }) },
        },
      },
      async (req) => publish(requireCtx(req, db), req.params.id, req.body.summary, req.body.photoIds),
    );

    app.delete(
      '/registrations/:id/publication',
      {
        schema: { tags, summary: 'Thôi công khai', params: IdParam, response: { 204: z.null() } },
      },
      async (req, reply) => {
        await unpublish(requireCtx(req, db), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/replicable-models',
      {
        schema: {
          tags,
          summary: 'Mô hình đã được công nhận trên cả nước, để đăng ký nhân rộng',
          querystring: z.object({ q: plainText(100).optional() }),
          response: { 200: z.array(ReplicableModel) },
        },
      },
      async (req) => replicableModels(requireCtx(req, db), req.query.q),
    );

    app.get(
      '/registrations/:id',
      {
        schema: { tags, summary: 'Hồ sơ mô hình, điển hình với tiến trình', params: IdParam, response: { 200: Registration } },
      },
      async (req) => getRegistration(requireCtx(req, db), req.params.id),
    );

    app.post(
      '/registrations',
      {
        schema: { tags, summary: 'Đăng ký mô hình, điển hình (bản nháp)', body: RegistrationInput, response: { 201: Registration } },
      },
      async (req, reply) => reply.status(201).send(await createRegistration(requireCtx(req, db), req.body)),
    );

    app.patch(
      '/registrations/:id',
      {
        schema: {
          tags,
          summary: 'Sửa bản nháp hoặc hồ sơ bị trả lại',
          params: IdParam,
          body: UpdateRegistration,
          response: { 200: Registration },
        },
      },
      async (req) => updateRegistration(requireCtx(req, db), req.params.id, req.body),
    );

    app.get(
      '/registrations/:id/supporter-candidates',
      {
        schema: {
          tags,
          summary: 'Cán bộ có thể phân công hỗ trợ mô hình này',
          params: IdParam,
          response: {
            200: z.array(z.object({ id: z.uuid(), fullName: z.string(), position: z.string().nullable(), unitName: z.string() })),
          },
        },
      },
      async (req) => supporterCandidates(requireCtx(req, db), req.params.id),
    );

    app.post(
      '/registrations/:id/supporter',
      {
        schema: {
          tags,
          summary: 'Phân công cán bộ hỗ trợ',
          params: IdParam,
          body: z.object({ version: z.number().int(), supporterId: z.uuid() }),
          response: { 200: Registration },
        },
      },
      async (req) => assignSupporter(requireCtx(req, db), req.params.id, req.body.version, req.body.supporterId),
    );

    for (const name of DIRECT_TRANSITIONS) {
      app.post(
        `/registrations/:id/${name.replace('_', '-')}`,
        {
          schema: { tags, summary: `Chuyển trạng thái: ${name}`, params: IdParam, body: TransitionBody, response: { 200: Registration } },
        },
        async (req) => transitionRegistration(requireCtx(req, db), req.params.id, name as TransitionName, req.body),
      );
    }
  };
