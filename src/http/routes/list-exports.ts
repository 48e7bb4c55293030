/** "Tải Excel" for the lists of the screens (services/exports/list-workbooks.ts makes the sheets). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { ProposalQuery } from '../../domain/commendation-schemas.js';
import { CampaignListQuery } from '../../domain/movement-schemas.js';
import { ComplianceQuery } from '../../domain/report-schemas.js';
import { IdParam, UnitListQuery, UserListQuery } from '../../domain/schemas.js';
import { StatsQuery } from '../../domain/statistics.js';
import {
  campaignsWorkbook,
  complianceWorkbook,
  dashboardWorkbook,
  proposalsWorkbook,
  unitsWorkbook,
  usersWorkbook,
  type Workbook,
} from '../../services/exports/list-workbooks.js';
import { requireCtx } from '../auth.js';
import { attachment, XLSX } from '../download.js';

const xlsx = { 200: z.any() };
const send = (reply: Parameters<typeof attachment>[0], w: Workbook) => attachment(reply, XLSX, w.fileName, w.buf);

export const listExportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/units/xlsx',
      {
        schema: {
          tags: ['Đơn vị'],
          summary: 'Tải danh sách đơn vị (theo bộ lọc) dạng Excel',
          querystring: UnitListQuery.omit({ page: true, pageSize: true }),
          response: xlsx,
        },
      },
      async (req, reply) => send(reply, await unitsWorkbook(requireCtx(req, db), req.query)),
    );

    app.get(
      '/users/xlsx',
      {
        schema: {
          tags: ['Người dùng'],
          summary: 'Tải danh sách tài khoản dạng Excel',
          querystring: UserListQuery.omit({ page: true, pageSize: true }),
          response: xlsx,
        },
      },
      async (req, reply) => send(reply, await usersWorkbook(requireCtx(req, db), req.query)),
    );

    app.get(
      '/campaigns/xlsx',
      {
        schema: {
          tags: ['Phát động'],
          summary: 'Tải danh sách đợt phát động dạng Excel',
          querystring: CampaignListQuery.omit({ page: true, pageSize: true }),
          response: xlsx,
        },
      },
      async (req, reply) => send(reply, await campaignsWorkbook(requireCtx(req, db), req.query)),
    );

    app.get(
      '/proposals/xlsx',
      {
        schema: {
          tags: ['Khen thưởng'],
          summary: 'Tải danh sách đề nghị khen thưởng dạng Excel',
          querystring: ProposalQuery.omit({ page: true, pageSize: true }),
          response: xlsx,
        },
      },
      async (req, reply) => send(reply, await proposalsWorkbook(requireCtx(req, db), req.query)),
    );

    app.get(
      '/campaigns/:id/compliance/xlsx',
      {
        schema: {
          tags: ['Thống kê'],
          summary: 'Tải bảng thực hiện chỉ tiêu của một đợt phát động dạng Excel',
          params: IdParam,
          querystring: ComplianceQuery,
          response: xlsx,
        },
      },
      async (req, reply) => send(reply, await complianceWorkbook(requireCtx(req, db), req.params.id, req.query.year)),
    );

    app.get(
      '/stats/xlsx',
      {
        schema: {
          tags: ['Thống kê'],
          summary: 'Tải các bảng của trang thống kê dạng Excel (cùng bộ lọc)',
          querystring: StatsQuery.omit({ groupBy: true }),
          response: xlsx,
        },
      },
      async (req, reply) => send(reply, await dashboardWorkbook(requireCtx(req, db), req.query)),
    );
  };
