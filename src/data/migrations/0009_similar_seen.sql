-- Which similar earlier registrations the registrant was shown when saving, so the appraiser knows
-- whether a possible repeat was seen and passed over, or never noticed.
alter table registration add column similar_seen uuid[] not null default '{}';
