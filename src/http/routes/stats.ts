import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { Compliance, ComplianceQuery } from '../../domain/report-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { StatsQuery, StatsResult, UnitsAt, UnitsAtQuery } from '../../domain/statistics.js';
import { getCompliance } from '../../services/stats/compliance.js';
import { getStats } from '../../services/stats/stats.js';
import { listUnitsAt } from '../../services/stats/units-at.js';
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
      '/stats/units',
      {
        schema: {
          tags,
          summary:
            'Đơn vị theo địa giới tại một ngày (kể cả đơn vị đã sáp nhập, chia tách), để chọn khi xem số liệu theo địa giới tại thời điểm',
          querystring: UnitsAtQuery,
          response: { 200: UnitsAt },
        },
      },
      async (req) => listUnitsAt(requireCtx(req, db), req.query),
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
