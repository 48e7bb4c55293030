import { formerUnitName } from '../../domain/statistics.js';
import { findRegistrationInScope, listRegistrations as query } from '../../data/registrations-repo.js';
import { notFound } from '../../domain/errors.js';
import type { z } from 'zod';
import type { RegistrationListQuery } from '../../domain/movement-schemas.js';
import type { Ctx } from '../context.js';
import { presentLastReason, presentRegistration } from './present.js';
import { filterUnit, resolveFilter } from './resolve-filter.js';
import { apportionedIds, sumCounts } from '../../data/stats-repo.js';
import { REGISTRATION_STATES } from '../../domain/workflow.js';
import { inspectionOverdue, localDay } from '../../domain/deadlines.js';
import { parseSort } from '../../domain/list-sort.js';

/**
 * Lists registrations in the view scope with filters. The queues are filters too:
 *   awaiting_appraisal – submitted, inside the caller's entry scope
 *   returned_to_me     – returned, registered by the caller
 *   to_inspect         – accepted, with the caller as supporting officer
 *   my_drafts          – drafts the caller started and has not sent yet
 */
export async function listRegistrations(ctx: Ctx, input: z.infer<typeof RegistrationListQuery>) {
  const queue = input.queue;
  const scopePath = queue === 'awaiting_appraisal' ? ctx.actor.entryPath : ctx.actor.viewPath;
  if (!scopePath) return { total: 0, items: [] };
  const filter = await resolveFilter(ctx, input, ctx.actor.viewPath);
  const queueState =
    queue === 'awaiting_appraisal'
      ? 'submitted'
      : queue === 'returned_to_me'
        ? 'returned'
        : queue === 'to_inspect'
          ? 'accepted'
          : queue === 'my_drafts'
            ? 'draft'
            : null;
  // Without a queue the list's filter is one the statistics tally answers: its total is the
  // figure the dashboards show, exact, without counting the rows.
  const unit = queue ? null : await filterUnit(ctx, filter.unit);
  const total = unit ? ((await sumCounts(ctx.db.pool, filter, [], unit, REGISTRATION_STATES))[0]?.count ?? 0) : undefined;
  // On the tree "today" a split unit's records are dealt to its successors as the figures are.
  if (unit) filter.apportioned = await apportionedIds(ctx.db.pool, filter, unit.path);
  const { rows, total: listed } = await query(ctx.db.pool, {
    ...filter,
    total,
    scopePath,
    states: queueState ? [queueState] : filter.states,
    createdBy: queue === 'returned_to_me' || queue === 'my_drafts' ? ctx.actor.id : undefined,
    supporterId: queue === 'to_inspect' ? ctx.actor.id : undefined,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
    sort: parseSort(input.sort),
  });
  const today = localDay(ctx.now ?? new Date());
  return {
    total: listed,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      unit: { id: r.unit_id, name: formerUnitName(r.unit_name, !!r.unit_closed) },
      holder: r.holder,
      personName: r.person_name,
      fieldCode: r.field_code,
      origin: r.origin,
      year: r.year,
      state: r.state as never,
      updatedAt: r.updated_at.toISOString(),
      overdue: inspectionOverdue(today, r),
      lastReason: presentLastReason(r),
    })),
  };
}

export async function getRegistration(ctx: Ctx, id: string) {
  const row = await findRegistrationInScope(ctx.db.pool, id, ctx.actor.viewPath);
  if (!row) throw notFound('registration');
  return presentRegistration(ctx.db.pool, ctx.actor, row, ctx.now);
}
