-- Attachments of the records that need papers: registrations (signed form, plan), recognition
-- rounds (minutes, decision scan), proposals, campaigns (plan, launch document) and review reports.
-- A row names its record by kind and id and copies no unit path: whoever may open the record may
-- open its attachments, decided by the record's own scoped read.
create table attachment (
  id uuid primary key,
  record_kind text not null check (record_kind in ('registration', 'round', 'proposal', 'campaign', 'report')),
  record_id uuid not null,
  category text not null,
  file_name text not null,
  mime text not null,
  size_bytes integer not null,
  sha256 text not null,
  storage_key text not null,
  uploaded_by uuid references app_user(id),
  uploaded_by_name text not null,
  created_at timestamptz not null default now()
);
create index attachment_record_idx on attachment (record_kind, record_id, created_at);

-- The showcase serves only the photos the officer chose when publishing. Models already published
-- keep showing the photos they showed.
alter table evidence_file add column public boolean not null default false;
update evidence_file e set public = true
 where e.mime like 'image/%' and exists (select 1 from publication p where p.registration_id = e.registration_id);
