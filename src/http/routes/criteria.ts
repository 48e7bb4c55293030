import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import {
  CriterionTemplate,
  CriterionTemplateQuery,
  SaveCriterionTemplate,
  UpdateCriterionTemplate,
} from '../../domain/movement-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { createCriterionTemplate, listCriterionTemplates, updateCriterionTemplate } from '../../services/criteria.js';
import { requireCtx } from '../auth.js';

const tags = ['Danh mục'];

export const criteriaRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/criteria-templates',
      {
        schema: {
          tags,
          summary: 'Danh mục tiêu chí theo loại hình đơn vị',
          querystring: CriterionTemplateQuery,
          response: { 200: z.array(CriterionTemplate) },
        },
      },
      async (req) => listCriterionTemplates(requireCtx(req, db), req.query),
    );
    app.post(
      '/criteria-templates',
      { schema: { tags, summary: 'Thêm tiêu chí vào danh mục', body: SaveCriterionTemplate, response: { 201: CriterionTemplate } } },
      async (req, reply) => reply.status(201).send(await createCriterionTemplate(requireCtx(req, db), req.body)),
    );
    app.patch(
      '/criteria-templates/:id',
      {
        schema: {
          tags,
          summary: 'Sửa tiêu chí trong danh mục',
          params: IdParam,
          body: UpdateCriterionTemplate,
          response: { 200: CriterionTemplate },
        },
      },
      async (req) => updateCriterionTemplate(requireCtx(req, db), req.params.id, req.body),
    );
  };
