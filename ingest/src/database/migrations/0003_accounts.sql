-- People: accounts, communities, sessions, personal tokens, one-time links, the second
-- factor, sign-in throttling and shared secrets; and the audit trail becomes a hash chain.
-- Every secret a person holds (session ids, tokens, links, recovery codes) is stored only
-- as its SHA-256: a copy of the database lets nobody sign in. Times are written by the
-- engine (its clock), not by now(), so tests can move the clock.

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  language text NOT NULL,
  status text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  -- argon2id in PHC form; null while invited.
  password_hash text,
  totp_secret text,
  -- A secret being set up: it becomes totp_secret once a code from it is confirmed.
  totp_pending_secret text,
  totp_enabled_at timestamptz,
  -- The last TOTP time step accepted: a code is never accepted twice.
  totp_last_step bigint,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_login_at timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE communities (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE community_members (
  community text NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  steward boolean NOT NULL DEFAULT false,
  added_at timestamptz NOT NULL,
  added_by text NOT NULL,
  PRIMARY KEY (community, user_id)
);
CREATE INDEX community_members_user_idx ON community_members (user_id);

-- id is the SHA-256 (hex) of the id in the cookie. An ended session keeps its row until
-- it would have expired anyway, so a request still in flight cannot save it back to life.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz,
  address text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  hash text NOT NULL UNIQUE,
  scope text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE account_links (
  hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX account_links_user_idx ON account_links (user_id, purpose);

CREATE TABLE recovery_codes (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, hash)
);

-- Failed sign-ins, by account (the email as typed, lower-cased, known or not) and by
-- address: in the catalog, so every API process counts the same failures.
CREATE TABLE sign_in_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_key_idx ON sign_in_failures (kind, key, at);

-- Values every process must share, e.g. the session secret when none is configured.
CREATE TABLE secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The audit trail: who did it from where, and a hash chain. Rows from before this
-- migration have no hash yet; the archive seals them into the chain when it opens.
ALTER TABLE audit_log ADD COLUMN address text;
ALTER TABLE audit_log ADD COLUMN request_id text;
ALTER TABLE audit_log ADD COLUMN previous_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
