import { findCampaign, type CampaignRow } from '../../data/campaigns-repo.js';
import type { Queryable } from '../../data/db.js';
import { notFound } from '../../domain/errors.js';
import { can, type Actor } from '../../domain/policy.js';

/**
 * Whether a user sees a campaign: launched at a level of their view or below it, and a draft only
 * by those who may edit it. The campaign's page, its compliance table, every filter naming a
 * campaign and every record linked to one ask this, so a campaign the user cannot open is
 * "not found" everywhere, exactly like an id that does not exist.
 */
export function campaignVisibleTo(actor: Actor, c: { state: string; unit_path: string }): boolean {
  return c.state !== 'draft' || can(actor, 'campaign.update', { path: c.unit_path });
}

/** The campaign as the user may see it, or 404 `campaign`. */
export async function findVisibleCampaign(q: Queryable, actor: Actor, id: string, lock = false): Promise<CampaignRow> {
  const c = await findCampaign(q, id, actor.viewPath, lock);
  if (!c || !campaignVisibleTo(actor, c)) throw notFound('campaign');
  return c;
}
