/**
 * Attachments: the papers a record carries (a registration's signed form and plan, a round's
 * minutes and decision scan, a proposal's submission, a campaign's plan and launch document, a
 * review report's signed copy), each filed under a category of its record's kind.
 */
import { z } from 'zod';

export const ATTACHMENT_KINDS = ['registration', 'round', 'proposal', 'campaign', 'report'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_CATEGORIES = {
  registration: { signed_form: 'Bản đăng ký có chữ ký', plan: 'Kế hoạch thực hiện', other: 'Tài liệu khác' },
  round: { minutes: 'Biên bản họp xét', decision: 'Quyết định công nhận (bản chụp)', other: 'Tài liệu khác' },
  proposal: { submission: 'Tờ trình đề nghị', other: 'Tài liệu khác' },
  campaign: { plan: 'Kế hoạch', launch: 'Văn bản phát động', other: 'Tài liệu khác' },
  report: { signed: 'Báo cáo đã ký, đóng dấu', annex: 'Phụ lục', other: 'Tài liệu khác' },
} as const satisfies Record<AttachmentKind, Record<string, string>>;

/** The path segment of each record kind's endpoints: /registrations/:id/attachments, … */
export const ATTACHMENT_ROUTES: Record<AttachmentKind, string> = {
  registration: 'registrations',
  round: 'recognition-rounds',
  proposal: 'proposals',
  campaign: 'campaigns',
  report: 'review-reports',
};

export const categoryOf = (kind: AttachmentKind) =>
  z.enum(Object.keys(ATTACHMENT_CATEGORIES[kind]) as [string, ...string[]]).default('other');

export const Attachment = z.object({
  id: z.uuid(),
  category: z.string(),
  categoryLabel: z.string(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  uploadedByName: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;
export const AttachmentList = z.object({ items: z.array(Attachment), mayAttach: z.boolean() });
