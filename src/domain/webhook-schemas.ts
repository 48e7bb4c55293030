import { z } from 'zod';

export const WebhookInput = z.object({
  unitId: z.uuid(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .describe('Địa chỉ nhận sự kiện (http hoặc https)'),
});
export const Webhook = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  url: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  /** Calls given up after every retry. */
  failedDeliveries: z.number().int(),
});
export const CreatedWebhook = Webhook.extend({
  /** Shown only now: the key the receiver checks signatures with. */
  secret: z.string(),
});
export const WebhookList = z.object({ items: z.array(Webhook) });
export const WebhookActive = z.object({ active: z.boolean() });
export const WebhookDeliveries = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      event: z.string(),
      title: z.string(),
      state: z.enum(['pending', 'sending', 'sent', 'failed']),
      attempts: z.number().int(),
      lastStatus: z.number().int().nullable(),
      lastError: z.string().nullable(),
      occurredAt: z.string(),
      deliveredAt: z.string().nullable(),
    }),
  ),
});
