-- Recognition rounds with per-candidate criteria checklists, open votes and the acknowledgement
-- of the collective; commendations with a configurable list of forms; proposals to the level above.
create table recognition_round (
  id uuid primary key,
  campaign_id uuid references campaign(id),
  unit_id uuid not null references unit(id),
  unit_path ltree not null,
  title text not null,
  state text not null default 'open' check (state in ('open', 'closed')),
  opened_by uuid references app_user(id),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  version integer not null default 1
);
create index recognition_round_path_gist on recognition_round using gist (unit_path);

create table recognition_candidate (
  round_id uuid not null references recognition_round(id),
  registration_id uuid not null references registration(id),
  -- criterion id → 'met' | 'not_met' | 'na'
  checklist jsonb not null default '{}',
  acknowledged boolean not null default false,
  acknowledgement_note text,
  acknowledged_by uuid references app_user(id),
  result text check (result in ('recognised', 'not_recognised')),
  level text,
  decision_no text,
  decision_date date,
  issuer text,
  reasons text,
  decided_at timestamptz,
  primary key (round_id, registration_id)
);
create index recognition_candidate_reg_idx on recognition_candidate (registration_id);

create table recognition_vote (
  round_id uuid not null,
  registration_id uuid not null,
  voter_id uuid not null references app_user(id),
  voter_name text not null,
  vote text not null check (vote in ('for', 'against', 'abstain')),
  at timestamptz not null default now(),
  primary key (round_id, registration_id, voter_id),
  foreign key (round_id, registration_id) references recognition_candidate(round_id, registration_id)
);

create table commendation_form (
  code text primary key,
  name text not null,
  sort integer not null default 0,
  active boolean not null default true
);
insert into commendation_form (code, name, sort) values
  ('bieu_duong', 'Biểu dương, tuyên dương', 1),
  ('giay_khen', 'Giấy khen', 2),
  ('giay_khen_btv', 'Giấy khen của Ban Thường vụ cấp ủy', 3),
  ('bang_khen_btv_tinh', 'Bằng khen của Ban Thường vụ Tỉnh ủy', 4),
  ('bang_khen_ubnd_tinh', 'Bằng khen của Ủy ban nhân dân tỉnh', 5),
  ('bang_khen_tw', 'Bằng khen của cấp Trung ương', 6);

create table commendation (
  id uuid primary key,
  registration_id uuid not null references registration(id),
  form_code text not null references commendation_form(code),
  issuer text not null,
  decision_no text not null,
  decision_date date not null,
  note text,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index commendation_reg_idx on commendation (registration_id);

create table commendation_proposal (
  id uuid primary key,
  registration_id uuid not null references registration(id),
  from_unit_id uuid not null references unit(id),
  to_unit_id uuid not null references unit(id),
  to_unit_path ltree not null,
  form_code text not null references commendation_form(code),
  reason text not null,
  state text not null default 'pending' check (state in ('pending', 'accepted', 'declined')),
  proposed_by uuid references app_user(id),
  proposed_at timestamptz not null default now(),
  decided_by uuid references app_user(id),
  decided_at timestamptz,
  decision_note text,
  commendation_id uuid references commendation(id),
  version integer not null default 1
);
create index commendation_proposal_to_gist on commendation_proposal using gist (to_unit_path);
create index commendation_proposal_reg_idx on commendation_proposal (registration_id);
