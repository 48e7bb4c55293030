import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import {
  AcknowledgeBody,
  AddCandidate,
  ChecklistBody,
  DecideBody,
  OpenRound,
  Round,
  RoundCandidateParams,
  RoundList,
  VoteBody,
} from '../../domain/recognition-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import {
  acknowledge,
  addCandidate,
  castVote,
  closeRound,
  decide,
  getRound,
  listRounds,
  openRound,
  setChecklist,
} from '../../services/recognition/rounds.js';
import { requireCtx } from '../auth.js';

const tags = ['Xét công nhận'];
const candidate = (summary: string) => ({ tags, summary, params: RoundCandidateParams, response: { 200: Round } });

export const recognitionRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/recognition-rounds', { schema: { tags, summary: 'Các đợt xét công nhận', response: { 200: RoundList } } }, async (req) =>
      listRounds(requireCtx(req, db)),
    );
    app.post(
      '/recognition-rounds',
      { schema: { tags, summary: 'Mở đợt xét công nhận', body: OpenRound, response: { 201: Round } } },
      async (req, reply) => reply.status(201).send(await openRound(requireCtx(req, db), req.body)),
    );
    app.get(
      '/recognition-rounds/:id',
      { schema: { tags, summary: 'Đợt xét công nhận với các hồ sơ, phiếu biểu quyết', params: IdParam, response: { 200: Round } } },
      async (req) => getRound(requireCtx(req, db), req.params.id),
    );
    app.post(
      '/recognition-rounds/:id/candidates',
      { schema: { tags, summary: 'Đưa hồ sơ vào xét', params: IdParam, body: AddCandidate, response: { 200: Round } } },
      async (req) => addCandidate(requireCtx(req, db), req.params.id, req.body.registrationId),
    );
    app.post(
      '/recognition-rounds/:id/close',
      { schema: { tags, summary: 'Kết thúc đợt xét', params: IdParam, response: { 200: Round } } },
      async (req) => closeRound(requireCtx(req, db), req.params.id),
    );
    app.put(
      '/recognition-rounds/:id/candidates/:registrationId/checklist',
      { schema: { ...candidate('Đánh giá từng tiêu chí (đạt / không đạt / không áp dụng)'), body: ChecklistBody } },
      async (req) => setChecklist(requireCtx(req, db), req.params.id, req.params.registrationId, req.body),
    );
    app.post(
      '/recognition-rounds/:id/candidates/:registrationId/acknowledge',
      { schema: { ...candidate('Tập thể nơi hoạt động xác nhận'), body: AcknowledgeBody } },
      async (req) => acknowledge(requireCtx(req, db), req.params.id, req.params.registrationId, req.body),
    );
    app.post(
      '/recognition-rounds/:id/candidates/:registrationId/vote',
      { schema: { ...candidate('Biểu quyết công khai'), body: VoteBody } },
      async (req) => castVote(requireCtx(req, db), req.params.id, req.params.registrationId, req.body.vote),
    );
    app.post(
      '/recognition-rounds/:id/candidates/:registrationId/decide',
      { schema: { ...candidate('Quyết định công nhận hoặc không công nhận'), body: DecideBody } },
      async (req) => decide(requireCtx(req, db), req.params.id, req.params.registrationId, req.body),
    );
  };
