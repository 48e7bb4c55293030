import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { SearchQuery, SearchResult } from '../../domain/search-schemas.js';
import { search } from '../../services/search.js';
import { requireCtx } from '../auth.js';

export const searchRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['Tìm kiếm'],
          summary: 'Tìm mô hình, điển hình theo tên, nội dung, đơn vị, người (không phân biệt dấu, hoa thường)',
          querystring: SearchQuery,
          response: { 200: SearchResult },
        },
      },
      async (req) => search(requireCtx(req, db), req.query),
    );
  };
