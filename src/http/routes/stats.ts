import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { Compliance, ComplianceQuery } from '../../domain/report-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { StatsQuery, StatsResult } from '../../domain/statistics.js';
import { getCompliance } from '../../services/stats/compliance.js';
import { getStats } from '../../services/stats/stats.js';
import { requireCtx } from '../auth.js';

const tags = ['Thống kê'];

export const statsRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/stats',
      {
        schema: {
          tags,
          summary: 'Số lượng mô hình, điển hình theo lĩnh vực, cấp, đơn vị trực thuộc, năm… trong phạm vi của người dùng',
          querystring: StatsQuery,
          response: { 200: StatsResult },
        },
      },
      async (req) => getStats(requireCtx(req, db), req.query),
    );

    app.get(
      '/campaigns/:id/compliance',
      {
        schema: {
          tags,
          summary: 'Tình hình thực hiện chỉ tiêu của một đợt phát động trong một năm',
          params: IdParam,
          querystring: ComplianceQuery,
          response: { 200: Compliance },
        },
      },
      async (req) => getCompliance(requireCtx(req, db), req.params.id, req.query.year),
    );
  };
