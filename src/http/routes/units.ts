import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import {
  CreateUnit,
  DeactivateUnit,
  IdParam,
  MoveUnit,
  Unit,
  UnitList,
  UnitListQuery,
  UpdateUnit,
  VersionOnly,
} from '../../domain/schemas.js';
import { createUnit } from '../../services/units/create-unit.js';
import { getUnit } from '../../services/units/get-unit.js';
import { listUnits } from '../../services/units/list-units.js';
import { moveUnit } from '../../services/units/move-unit.js';
import { setUnitActive } from '../../services/units/set-unit-active.js';
import { updateUnit } from '../../services/units/update-unit.js';
import { requireCtx } from '../auth.js';

const tags = ['Đơn vị'];

export const unitRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/units',
      {
        schema: { tags, summary: 'Danh sách, cây và tìm kiếm đơn vị', querystring: UnitListQuery, response: { 200: UnitList } },
      },
      async (req) => listUnits(requireCtx(req, db), req.query),
    );

    app.get(
      '/units/:id',
      {
        schema: { tags, summary: 'Chi tiết đơn vị', params: IdParam, response: { 200: Unit } },
      },
      async (req) => getUnit(requireCtx(req, db), req.params.id),
    );

    app.post(
      '/units',
      {
        schema: { tags, summary: 'Thêm đơn vị trực thuộc', body: CreateUnit, response: { 201: Unit } },
      },
      async (req, reply) => reply.status(201).send(await createUnit(requireCtx(req, db), req.body)),
    );

    app.patch(
      '/units/:id',
      {
        schema: { tags, summary: 'Sửa, đổi tên đơn vị', params: IdParam, body: UpdateUnit, response: { 200: Unit } },
      },
      async (req) => updateUnit(requireCtx(req, db), req.params.id, req.body),
    );

    app.post(
      '/units/:id/move',
      {
        schema: { tags, summary: 'Chuyển đơn vị sang đơn vị cấp trên khác', params: IdParam, body: MoveUnit, response: { 200: Unit } },
      },
      async (req) => moveUnit(requireCtx(req, db), req.params.id, req.body.version, req.body.newParentId),
    );

    app.post(
      '/units/:id/deactivate',
      {
        schema: {
          tags,
          summary: 'Ngừng hoạt động đơn vị (từ ngày sau ngày validTo)',
          params: IdParam,
          body: DeactivateUnit,
          response: { 200: Unit },
        },
      },
      async (req) => setUnitActive(requireCtx(req, db), req.params.id, req.body.version, false, req.body.validTo),
    );

    app.post(
      '/units/:id/reactivate',
      {
        schema: { tags, summary: 'Khôi phục hoạt động đơn vị', params: IdParam, body: VersionOnly, response: { 200: Unit } },
      },
      async (req) => setUnitActive(requireCtx(req, db), req.params.id, req.body.version, true),
    );
  };
