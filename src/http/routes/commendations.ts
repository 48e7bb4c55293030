import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import {
  Commendation,
  CommendationForm,
  CommendationInput,
  DecideProposal,
  Proposal,
  ProposalInput,
  ProposalPage,
  ProposalQuery,
} from '../../domain/commendation-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import {
  commendationForms,
  decideProposal,
  listCommendations,
  listProposals,
  proposalTargets,
  propose,
  recordCommendation,
} from '../../services/commendations/commendations.js';
import { requireCtx } from '../auth.js';

const tags = ['Khen thưởng'];

export const commendationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/commendation-forms',
      { schema: { tags: ['Danh mục'], summary: 'Danh mục hình thức khen thưởng', response: { 200: z.array(CommendationForm) } } },
      async (req) => {
        return commendationForms(requireCtx(req, db));
      },
    );
    app.get(
      '/registrations/:id/commendations',
      { schema: { tags, summary: 'Khen thưởng của mô hình, điển hình', params: IdParam, response: { 200: z.array(Commendation) } } },
      async (req) => listCommendations(requireCtx(req, db), req.params.id),
    );
    app.post(
      '/registrations/:id/commendations',
      {
        schema: {
          tags,
          summary: 'Ghi nhận biểu dương, khen thưởng',
          params: IdParam,
          body: CommendationInput,
          response: { 201: Commendation },
        },
      },
      async (req, reply) => reply.status(201).send(await recordCommendation(requireCtx(req, db), req.params.id, req.body)),
    );
    app.post(
      '/registrations/:id/proposals',
      {
        schema: {
          tags,
          summary: 'Đề nghị cấp trên biểu dương, khen thưởng',
          params: IdParam,
          body: ProposalInput,
          response: { 201: Proposal },
        },
      },
      async (req, reply) => reply.status(201).send(await propose(requireCtx(req, db), req.params.id, req.body)),
    );
    app.get(
      '/proposal-targets',
      {
        schema: {
          tags,
          summary: 'Các đơn vị cấp trên có thể nhận đề nghị khen thưởng của người dùng',
          response: { 200: z.array(z.object({ id: z.uuid(), name: z.string() })) },
        },
      },
      async (req) => proposalTargets(requireCtx(req, db)),
    );

    app.get(
      '/proposals',
      {
        schema: {
          tags,
          summary: 'Đề nghị khen thưởng (từ cấp dưới gửi lên: queue=incoming)',
          querystring: ProposalQuery,
          response: { 200: ProposalPage },
        },
      },
      async (req) => listProposals(requireCtx(req, db), req.query),
    );
    app.post(
      '/proposals/:id/decide',
      { schema: { tags, summary: 'Chấp nhận hoặc từ chối đề nghị', params: IdParam, body: DecideProposal, response: { 200: Proposal } } },
      async (req) => decideProposal(requireCtx(req, db), req.params.id, req.body),
    );
  };
