-- Recognised models an officer has chosen to show the public, with a summary written for the public.
-- Only what this table and the recognised registration's public fields hold is ever shown.
create table publication (
  registration_id uuid primary key references registration(id),
  slug text not null unique,
  summary text not null,
  published_by uuid references app_user(id),
  published_at timestamptz not null default now()
);
