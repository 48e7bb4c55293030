-- Documents officers sign, each numbered per issuing unit, year and kind without gaps or repeats,
-- and the verification codes printed on certificates.

-- One counter row per unit, year and kind: taken under its row lock in the document's transaction,
-- so two officers numbering at once wait for each other, and a rolled-back document gives its
-- number back.
create table paper_counter (
  unit_id uuid not null references unit(id),
  year integer not null,
  kind text not null,
  last_no integer not null,
  primary key (unit_id, year, kind)
);

create table paper (
  id uuid primary key,
  kind text not null check (kind in ('registration_form', 'minutes', 'decision', 'proposal', 'certificate')),
  -- The issuing unit (the round's committee, or the registering unit), which numbers it.
  unit_id uuid not null references unit(id),
  round_id uuid references recognition_round(id),
  registration_id uuid references registration(id),
  -- DVK's number in the unit's year and kind; null when the officer wrote or left the number.
  seq integer,
  year integer not null,
  number text,
  issued_on date,
  place text not null,
  parent_body text,
  issuing_body text not null,
  signer jsonb not null default '{}',
  recipients text,
  -- What else the officer wrote for this paper (attendees, the secretary, to whom it is sent).
  extra jsonb not null default '{}',
  -- Certificates only: the random code of the verification page (never a sequence).
  verify_code text unique,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  check (round_id is not null or registration_id is not null),
  unique (unit_id, year, kind, seq)
);
create index paper_round_idx on paper (round_id);
create index paper_registration_idx on paper (registration_id);
