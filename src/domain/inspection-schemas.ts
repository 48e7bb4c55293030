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
  /** Per criterion the value achieved in the criterion's own unit; the completion is computed from the target. */
  criteria: z
    .array(
      z.object({
        criterionId: z.uuid(),
        achieved: z.number().min(0).max(1e15),
        note: text(1000).nullish(),
        completionPct: z.never({ error: 'tỷ lệ hoàn thành được tính từ giá trị đạt được, không nhập tay' }).optional(),
      }),
    )
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
  criteria: z.array(
    z.object({
      criterionId: z.uuid(),
      name: z.string(),
      /** The criterion's target and unit, as registered. */
      target: z.number().nullable(),
      unitOfMeasure: z.string().nullable(),
      /** The value achieved, in the criterion's unit (null on entries made before values were recorded). */
      achieved: z.number().nullable(),
      /** achieved / target in whole percent, computed; null without a positive target. */
      completionPct: z.number().int().nullable(),
      note: z.string().nullable(),
    }),
  ),
  files: z.array(EvidenceFile),
});
export type Inspection = z.infer<typeof Inspection>;
