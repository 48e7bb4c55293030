/**
 * The signed-in user's work: registrations waiting for them, proposals to decide, candidates to vote
 * on or acknowledge. Queues are counted by the same services that list them, so a card's number is
 * the length of the list it opens; only what the user's role may do is counted.
 */
import type { z } from 'zod';
import { countOverdueInspections } from '../data/registrations-repo.js';
import { openCandidatesFor } from '../data/rounds-repo.js';
import { isOverdue, localDay } from '../domain/deadlines.js';
import { can, registrationQueues } from '../domain/policy.js';
import { RegistrationListQuery } from '../domain/movement-schemas.js';
import { inScope } from '../domain/scope.js';
import type { Todo } from '../domain/todo-schemas.js';
import { listProposals } from './commendations/commendations.js';
import type { Ctx } from './context.js';
import { listRegistrations } from './registrations/list-registrations.js';

export async function todo(ctx: Ctx): Promise<z.infer<typeof Todo>> {
  const { actor } = ctx;
  const items: z.infer<typeof Todo>['items'] = [];
  const today = localDay(ctx.now ?? new Date());
  const queue = async (key: 'awaiting_appraisal' | 'returned_to_me' | 'my_drafts' | 'to_inspect') => {
    const list = await listRegistrations(ctx, RegistrationListQuery.parse({ queue: key, pageSize: 1 }));
    // The list's first row is the latest changed: a returned one carries the reason the card shows.
    const first = list.items[0];
    items.push({
      key,
      count: list.total,
      ...(first?.lastReason ? { latest: { id: first.id, title: first.title, lastReason: first.lastReason } } : {}),
    });
  };

  const entry = actor.entryPath ? { path: actor.entryPath } : null;
  // The same queues the registrations list offers as tabs (`registrationQueues`), in the cards' order.
  const queues = registrationQueues(actor);
  if (queues.includes('awaiting_appraisal')) await queue('awaiting_appraisal');
  if (queues.includes('returned_to_me')) await queue('returned_to_me');
  if (queues.includes('my_drafts')) await queue('my_drafts');
  if (queues.includes('to_inspect')) {
    await queue('to_inspect');
    items[items.length - 1]!.overdue = await countOverdueInspections(ctx.db.pool, actor.viewPath, actor.id, today);
  }
  if (entry && can(actor, 'commendation.record', entry)) {
    items.push({
      key: 'proposals',
      count: (await listProposals(ctx, { queue: 'incoming', state: 'pending', page: 1, pageSize: 1, sort: '-date' })).total,
    });
  }

  // Candidates of open rounds, as the rounds screen shows them, that wait for this user.
  const rows = await openCandidatesFor(ctx.db.pool, inScope(actor.viewPath), actor.id);
  const toVote = rows.filter((c) => !c.voted && can(actor, 'recognition.vote', { path: c.round_path }));
  const toAcknowledge = rows.filter((c) => !c.acknowledged && can(actor, 'recognition.acknowledge', { path: c.unit_path }));
  const late = (list: typeof rows) => list.filter((c) => isOverdue(today, c.recognition_date)).length;
  if (rows.some((c) => can(actor, 'recognition.vote', { path: c.round_path })))
    items.push({ key: 'votes', count: toVote.length, overdue: late(toVote) });
  if (rows.some((c) => can(actor, 'recognition.acknowledge', { path: c.unit_path })))
    items.push({ key: 'acknowledgements', count: toAcknowledge.length, overdue: late(toAcknowledge) });
  return { items, roundId: (toVote[0] ?? toAcknowledge[0])?.round_id ?? null };
}
