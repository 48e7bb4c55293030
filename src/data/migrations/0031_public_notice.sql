-- Public notice of nominees: before a round decides, its officers publish the list of nominees on
-- the public site for a number of days; citizens leave comments that only officers in scope read.
create table public_notice (
  id uuid primary key,
  round_id uuid not null references recognition_round(id),
  -- The random part of the public address: never a sequence.
  slug text not null unique,
  title text not null,
  -- What the public sees of each nominee, copied when published: title, unit, kind, an exemplar's name.
  nominees jsonb not null,
  opens_at timestamptz not null default now(),
  closes_at timestamptz not null,
  published_by uuid references app_user(id),
  published_at timestamptz not null default now()
);
create index public_notice_round_idx on public_notice (round_id, published_at);

create table notice_comment (
  id uuid primary key,
  notice_id uuid not null references public_notice(id),
  name text not null,
  contact text not null,
  body text not null,
  client_ip text,
  created_at timestamptz not null default now()
);
create index notice_comment_notice_idx on notice_comment (notice_id, created_at);
create index notice_comment_ip_idx on notice_comment (client_ip, created_at);
