import { z } from 'zod';
import { LastReason } from './movement-schemas.js';

/**
 * What waits for the signed-in user, counted where it is handled: each count is the total of the
 * list the card opens (a registrations queue, the proposals queue, the open recognition rounds).
 */
export const TodoKey = z.enum([
  'awaiting_appraisal',
  'returned_to_me',
  'my_drafts',
  'to_inspect',
  'proposals',
  'votes',
  'acknowledgements',
]);
export type TodoKey = z.infer<typeof TodoKey>;
export const Todo = z.object({
  items: z.array(
    z.object({
      key: TodoKey,
      count: z.number().int(),
      /** Of those, how many are "quá hạn" (past the campaign's inspection due date or recognition date). */
      overdue: z.number().int().optional(),
      /** The latest record returned to this user, with why: shown on the card ("Hồ sơ bị trả lại"). */
      latest: z.object({ id: z.uuid(), title: z.string(), lastReason: LastReason }).optional(),
    }),
  ),
  /** The open round holding the first candidate waiting for this user's vote or acknowledgement. */
  roundId: z.uuid().nullable(),
});
