import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { Campaign, CampaignInput, CampaignList, CampaignListQuery, UpdateCampaign } from '../../domain/movement-schemas.js';
import { IdParam, VersionOnly } from '../../domain/schemas.js';
import { createCampaign, getCampaign, listCampaigns, setCampaignState, updateCampaign } from '../../services/campaigns/campaigns.js';
import { requireCtx } from '../auth.js';

const tags = ['Phát động'];

export const campaignRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/campaigns',
      { schema: { tags, summary: 'Các đợt phát động trong phạm vi', querystring: CampaignListQuery, response: { 200: CampaignList } } },
      async (req) => listCampaigns(requireCtx(req, db), req.query.state, req.query.page, req.query.pageSize, req.query.sort),
    );
    app.get(
      '/campaigns/:id',
      { schema: { tags, summary: 'Chi tiết đợt phát động', params: IdParam, response: { 200: Campaign } } },
      async (req) => getCampaign(requireCtx(req, db), req.params.id),
    );
    app.post(
      '/campaigns',
      { schema: { tags, summary: 'Tạo đợt phát động (bản nháp)', body: CampaignInput, response: { 201: Campaign } } },
      async (req, reply) => reply.status(201).send(await createCampaign(requireCtx(req, db), req.body)),
    );
    app.patch(
      '/campaigns/:id',
      { schema: { tags, summary: 'Sửa đợt phát động', params: IdParam, body: UpdateCampaign, response: { 200: Campaign } } },
      async (req) => updateCampaign(requireCtx(req, db), req.params.id, req.body),
    );
    app.post(
      '/campaigns/:id/launch',
      {
        schema: {
          tags,
          summary: 'Phát động: toàn bộ đơn vị cấp dưới thấy và đăng ký được',
          params: IdParam,
          body: VersionOnly,
          response: { 200: Campaign },
        },
      },
      async (req) => setCampaignState(requireCtx(req, db), req.params.id, req.body.version, 'launched'),
    );
    app.post(
      '/campaigns/:id/close',
      { schema: { tags, summary: 'Kết thúc đợt phát động', params: IdParam, body: VersionOnly, response: { 200: Campaign } } },
      async (req) => setCampaignState(requireCtx(req, db), req.params.id, req.body.version, 'closed'),
    );
  };
