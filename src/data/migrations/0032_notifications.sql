-- Notifications and deadlines: an outbox row per event (written in the event's transaction), one
-- notification per recipient, e-mail deliveries and webhook deliveries claimed by jobs, the campaign's
-- calendar and the reminders already sent (one per kind, target and step).

alter table app_user add column email text;
-- 'immediate': one message per event; 'digest': one message a day; 'off': none.
alter table app_user add column mail_mode text not null default 'immediate'
  check (mail_mode in ('immediate', 'digest', 'off'));
-- The last delivery to this address that failed for good (shown to administrators), cleared by a success.
alter table app_user add column mail_failed_at timestamptz;
alter table app_user add column mail_failure text;

create table outbox (
  id bigint generated always as identity primary key,
  kind text not null,
  entity_type text not null,
  entity_id text not null,
  -- the unit the record hangs on when the event happened (history: kept by a move)
  unit_path ltree not null,
  label text not null,
  reason text,
  actor_id uuid references app_user(id),
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index outbox_path_gist on outbox using gist (unit_path);

create table notification (
  id bigint generated always as identity primary key,
  outbox_id bigint not null references outbox(id),
  user_id uuid not null references app_user(id),
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (outbox_id, user_id)
);
create index notification_user_idx on notification (user_id, id desc);
create index notification_unread_idx on notification (user_id) where read_at is null;

create table mail_delivery (
  id bigint generated always as identity primary key,
  user_id uuid not null references app_user(id),
  -- one event's message, or a day's digest (period_from .. period_to)
  notification_id bigint references notification(id),
  digest_day date,
  period_from timestamptz,
  period_to timestamptz,
  to_address text not null,
  state text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  unique (notification_id),
  unique (user_id, digest_day)
);
create index mail_delivery_due_idx on mail_delivery (next_attempt_at) where state in ('pending', 'sending');

create table webhook (
  id uuid primary key,
  unit_id uuid not null references unit(id),
  unit_path ltree not null,
  url text not null,
  secret text not null,
  active boolean not null default true,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index webhook_path_gist on webhook using gist (unit_path);

create table webhook_delivery (
  id bigint generated always as identity primary key,
  webhook_id uuid not null references webhook(id) on delete cascade,
  outbox_id bigint not null references outbox(id),
  state text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  unique (webhook_id, outbox_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where state in ('pending', 'sending');

-- The campaign's calendar and when its reminders go out: N days before, on the day, M days after.
alter table campaign add column registration_deadline date;
alter table campaign add column inspection_due_date date;
alter table campaign add column recognition_date date;
alter table campaign add column review_date date;
alter table campaign add column remind_days_before integer not null default 3 check (remind_days_before between 0 and 60);
alter table campaign add column remind_days_after integer not null default 3 check (remind_days_after between 1 and 60);

create table reminder_sent (
  kind text not null,
  target_id text not null,
  step text not null check (step in ('before', 'on', 'after')),
  campaign_id uuid not null references campaign(id),
  outbox_id bigint references outbox(id),
  sent_at timestamptz not null default now(),
  primary key (kind, target_id, step)
);

-- A campaign's launch reaches every account whose unit lies in its subtree.
create index app_user_unit_idx on app_user (unit_id);
