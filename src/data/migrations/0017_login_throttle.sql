-- Sign-in throttling counters shared by every app instance. One row per (kind, key): kind is
-- 'address' (the client address), 'user' (a lower-cased username) or 'global' (key ''); n counts the
-- attempts that reached the password check without succeeding since window_start. A counter is
-- taken with one upsert before the password is verified, so parallel attempts cannot overshoot.
create table login_throttle (
  kind text not null check (kind in ('address', 'user', 'global')),
  key text not null,
  window_start timestamptz not null,
  n integer not null,
  primary key (kind, key)
);
create index login_throttle_window_idx on login_throttle (window_start);
