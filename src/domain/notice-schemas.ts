/** The public notice of nominees before a round decides, and citizens' comments on it. */
import { z } from 'zod';
import { longText, plainText, requiredText } from './text-input.js';

/** How long a notice may stay up, in days. */
export const NOTICE_DAYS = { min: 1, max: 60 } as const;
/** Comments one address may leave in an hour, over all notices. */
export const COMMENTS_PER_HOUR = 5;
export const COMMENT_LIMITS = { name: 100, contact: 150, body: 2000 } as const;

export const PublishNotice = z.object({
  days: z.number().int().min(NOTICE_DAYS.min).max(NOTICE_DAYS.max),
  title: plainText(300).nullish(),
});

/** A comment as the public form sends it; every field is required and bounded. */
export const CommentInput = z.object({
  name: requiredText(COMMENT_LIMITS.name),
  contact: requiredText(COMMENT_LIMITS.contact),
  body: longText(COMMENT_LIMITS.body).refine((s) => s.length > 0, 'cần nhập nội dung ý kiến'),
});

export const Notice = z.object({
  id: z.uuid(),
  title: z.string(),
  url: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  nominees: z.array(z.object({ title: z.string(), unitName: z.string(), kind: z.string(), personName: z.string().nullable() })),
  comments: z.array(z.object({ id: z.uuid(), name: z.string(), contact: z.string(), body: z.string(), at: z.string() })),
});
export const RoundNotices = z.object({ items: z.array(Notice) });
