import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { Todo } from '../../domain/todo-schemas.js';
import { todo } from '../../services/todo.js';
import { requireCtx } from '../auth.js';

export const todoRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/todo',
      {
        schema: {
          tags: ['Việc cần làm'],
          summary:
            'Việc đang chờ người dùng: hồ sơ cần thẩm định, bị trả lại, bản nháp, cần kiểm tra; đề nghị khen thưởng; biểu quyết, xác nhận',
          response: { 200: Todo },
        },
      },
      async (req) => todo(requireCtx(req, db)),
    );
  };
