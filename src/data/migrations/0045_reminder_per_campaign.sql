-- A reminder is sent once per campaign: the key had no campaign, so a unit reminded for one campaign
-- was never reminded again for the next year's campaign, or for a commune's campaign over the same units.
alter table reminder_sent drop constraint reminder_sent_pkey;
alter table reminder_sent add primary key (campaign_id, kind, target_id, step);
