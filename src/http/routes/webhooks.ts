import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { IdParam } from '../../domain/schemas.js';
import { VERIFY_EXAMPLE } from '../../services/webhooks/signature.js';
import { CreatedWebhook, Webhook, WebhookActive, WebhookDeliveries, WebhookInput, WebhookList } from '../../domain/webhook-schemas.js';
import { createWebhook, listOwnScopeWebhooks, setWebhook, webhookDeliveries } from '../../services/webhooks/webhooks.js';
import { requireCtx } from '../auth.js';

const tags = ['Webhook'];
const HOW =
  'Mỗi sự kiện trong phạm vi đơn vị (gửi hồ sơ, trả lại, chấp nhận, công nhận, khen thưởng, phát động, nhắc hạn…) được gửi ' +
  'bằng POST với thân JSON `{id, event, occurredAt, entity: {type, id, title}, url}`. Đầu thư `X-DVK-Timestamp` là thời điểm ' +
  '(giây Unix), `X-DVK-Signature` là `sha256=` + HMAC-SHA256 (khóa bí mật của webhook) của chuỗi `<timestamp>.<thân thư>`, dạng hex. ' +
  'Trả lời 2xx là đã nhận; trả lời khác hoặc không trả lời thì DVK gửi lại sau 1, 2, 4… phút. ' +
  'Cùng một sự kiện có thể đến hai lần (mạng chập chờn): dùng `id` để bỏ qua bản trùng.\n\n' +
  'Ví dụ kiểm tra chữ ký:\n\n```js\n' +
  VERIFY_EXAMPLE +
  '\n```';

export const webhookRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/webhooks',
      { schema: { tags, summary: 'Các webhook trong phạm vi của người dùng', description: HOW, response: { 200: WebhookList } } },
      async (req) => listOwnScopeWebhooks(requireCtx(req, db)),
    );
    app.post(
      '/webhooks',
      {
        schema: {
          tags,
          summary: 'Đăng ký địa chỉ nhận sự kiện của một tỉnh hoặc đơn vị (khóa bí mật chỉ hiện một lần)',
          description: HOW,
          body: WebhookInput,
          response: { 201: CreatedWebhook },
        },
      },
      async (req, reply) => reply.code(201).send(await createWebhook(requireCtx(req, db), req.body)),
    );
    app.put(
      '/webhooks/:id/active',
      { schema: { tags, summary: 'Bật hoặc tắt một webhook', params: IdParam, body: WebhookActive, response: { 200: Webhook } } },
      async (req) => setWebhook(requireCtx(req, db), req.params.id, req.body.active),
    );
    app.get(
      '/webhooks/:id/deliveries',
      { schema: { tags, summary: 'Các lần gửi gần nhất của một webhook', params: IdParam, response: { 200: WebhookDeliveries } } },
      async (req) => webhookDeliveries(requireCtx(req, db), req.params.id),
    );
  };
