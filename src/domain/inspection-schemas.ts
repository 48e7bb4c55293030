import { z } from 'zod';
import { longText } from './text-input.js';
import { isoDate } from './schemas.js';

const text = longText;

export const Overall = z.enum(['exceeds', 'on_track', 'behind', 'stalled']);
export const OVERALL_LABELS: Record<z.infer<typeof Overall>, string> = {
  exceeds: 'Vượt tiến độ',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  stalled: 'Ngừng trệ',
};

export const InspectionInput = z.object({
  inspectedOn: isoDate(),
  overall: Overall,
  assessment: text(5000).nullish(),
  difficulties: text(5000).nullish(),
  supportGiven: text(5000).nullish(),
  fundsVnd: z.number().int().min(0).max(1e15).nullish(),
  workdays: z.number().int().min(0).max(1e9).nullish(),
  peopleReached: z.number().int().min(0).max(1e9).nullish(),
  otherResources: text(2000).nullish(),
  criteria: z
    .array(z.object({ criterionId: z.uuid(), completionPct: z.number().int().min(0).max(1000), note: text(1000).nullish() }))
    .max(50)
    .refine((items) => new Set(items.map((i) => i.criterionId)).size === items.length, 'mỗi tiêu chí chỉ đánh giá một lần')
    .default([]),
});

export const EvidenceFile = z.object({ id: z.uuid(), fileName: z.string(), mime: z.string(), sizeBytes: z.number().int() });

export const Inspection = z.object({
  id: z.uuid(),
  inspectedOn: z.string(),
  inspectorName: z.string(),
  overall: Overall,
  assessment: z.string().nullable(),
  difficulties: z.string().nullable(),
  supportGiven: z.string().nullable(),
  fundsVnd: z.number().nullable(),
  workdays: z.number().nullable(),
  peopleReached: z.number().nullable(),
  otherResources: z.string().nullable(),
  createdAt: z.string(),
  criteria: z.array(z.object({ criterionId: z.uuid(), name: z.string(), completionPct: z.number().int(), note: z.string().nullable() })),
  files: z.array(EvidenceFile),
});
export type Inspection = z.infer<typeof Inspection>;
