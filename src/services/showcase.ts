/** Publishing recognised models to the public showcase, and reading what is published. */
import { insertAudit } from '../data/audit-repo.js';
import { findRegistrationInScope } from '../data/registrations-repo.js';
import type { Db } from '../data/db.js';
import {
  choosePublicPhotos,
  deletePublication,
  photoChoices,
  listPublished,
  publicCommendations,
  publicPhoto,
  publicPhotos,
  publicRecognitions,
  publicResults,
  publishedBySlug,
  showcaseChoices,
  upsertPublication,
  type PublicCard,
  type ShowcaseFilter,
} from '../data/showcase-repo.js';
import { AppError, notFound } from '../domain/errors.js';
import { can } from '../domain/policy.js';
import type { Ctx } from './context.js';
import { photoCopy, type PhotoSize } from './photo-copies.js';

/**
 * Publishes a recognised model with the public summary and the photos the officer chose (none
 * unless chosen; `photoIds` left out keeps the earlier choice). Only chosen photos are served publicly.
 */
export async function publish(ctx: Ctx, id: string, summary: string, photoIds?: string[]) {
  return ctx.db.tx(async (q) => {
    const r = await findRegistrationInScope(q, id, ctx.actor.viewPath, true);
    if (!r) throw notFound('registration');
    if (!can(ctx.actor, 'registration.publish', { path: r.unit_path })) throw new AppError('FORBIDDEN');
    if (!r.recognised || !['recognised', 'completed'].includes(r.state)) throw new AppError('PUBLISH_NOT_RECOGNISED');
    if (photoIds) {
      const photos = new Set((await photoChoices(q, id)).map((p) => p.id));
      if (photoIds.some((p) => !photos.has(p))) throw new AppError('PHOTO_UNKNOWN');
      await choosePublicPhotos(q, id, photoIds);
    }
    const slug = await upsertPublication(q, r, summary, ctx.actor.id);
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'registration.publish',
      entityType: 'registration',
      entityId: id,
      entityLabel: r.title,
      unitPath: r.unit_path,
      ...(photoIds ? { after: { photoIds } } : {}),
      ip: ctx.ip,
    });
    return { slug, url: `/cong-khai/mo-hinh/${slug}` };
  });
}

export async function unpublish(ctx: Ctx, id: string) {
  await ctx.db.tx(async (q) => {
    const r = await findRegistrationInScope(q, id, ctx.actor.viewPath, true);
    if (!r) throw notFound('registration');
    if (!can(ctx.actor, 'registration.publish', { path: r.unit_path })) throw new AppError('FORBIDDEN');
    await deletePublication(q, id);
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'registration.unpublish',
      entityType: 'registration',
      entityId: id,
      entityLabel: r.title,
      unitPath: r.unit_path,
      ip: ctx.ip,
    });
  });
}

// ---------- the public pages (no session: only published, still recognised registrations) ----------

/** A page of published models matching the filter (the caller asks one more to know of a next page). */
export function publishedCards(db: Db, filter: ShowcaseFilter, limit: number, offset: number): Promise<PublicCard[]> {
  return listPublished(db.pool, filter, limit, offset);
}

/** The fields, provinces and years that published models have, for the filter's lists. */
export function publishedChoices(db: Db) {
  return showcaseChoices(db.pool);
}

/** One published model with its photos, recognitions, commendations and results; null when not published. */
export async function publishedModel(db: Db, slug: string) {
  const model = await publishedBySlug(db.pool, slug);
  if (!model) return null;
  const [photos, recognitions, commendations, results] = await Promise.all([
    publicPhotos(db.pool, model.id),
    publicRecognitions(db.pool, model.id),
    publicCommendations(db.pool, model.id),
    publicResults(db.pool, model.id),
  ]);
  return { model, photos, recognitions, commendations, results };
}

/**
 * The metadata-free copy of a published photo, or null when the id names none or no copy can be
 * made (`onCopyError` hears why, for the log).
 */
export async function publishedPhotoCopy(
  db: Db,
  filesDir: string,
  id: string,
  size: PhotoSize,
  onCopyError: (err: unknown) => void,
): Promise<string | null> {
  const f = /^[0-9a-f-]{36}$/.test(id) ? await publicPhoto(db.pool, id) : null;
  if (!f) return null;
  try {
    return await photoCopy(filesDir, f.storage_key, id, size);
  } catch (err) {
    onCopyError(err);
    return null;
  }
}
