/**
 * Bulk work on the registrations list: one action on several selected records. Each record goes
 * through the policy and the state machine as the single action does; the answer says, per
 * record, whether it was done or why not.
 */
import { z } from 'zod';
import { longText } from './text-input.js';

export const BULK_ACTIONS = ['accept', 'return', 'add_to_round'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** The most records one bulk action takes (a page of the list). */
export const BULK_MAX = 200;

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  accept: 'Tiếp nhận',
  return: 'Trả lại',
  add_to_round: 'Đưa vào đợt xét',
};

export const BulkBody = z.object({
  action: z.enum(BULK_ACTIONS),
  ids: z.array(z.uuid()).min(1).max(BULK_MAX),
  /** Required to return: one reason for every record. */
  reason: longText(2000).nullish(),
  /** Required to add to a round. */
  roundId: z.uuid().nullish(),
});
export type BulkBody = z.infer<typeof BulkBody>;

export const BulkItemResult = z.object({
  id: z.uuid(),
  ok: z.boolean(),
  /** The record's title, when it is inside the caller's view. */
  title: z.string().nullable(),
  /** The state after the action, when done. */
  state: z.string().nullable(),
  /** Why it was not done, in the caller's language. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export const BulkResult = z.object({
  action: z.enum(BULK_ACTIONS),
  done: z.number().int(),
  failed: z.number().int(),
  results: z.array(BulkItemResult),
});
export type BulkResult = z.infer<typeof BulkResult>;
