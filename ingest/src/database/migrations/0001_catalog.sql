-- The catalog: records, their history, media, the job queue and the audit trail.
-- Plain PostgreSQL that runs on PostgreSQL 15+ and on PGlite. Codes (kinds, statuses,
-- access levels) are checked by the TypeBox schemas, not by CHECK constraints, so
-- adding a code never needs a migration.

CREATE TABLE items (
  id text PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL,
  access_level text NOT NULL,
  -- The full ItemInput, as written; the columns above are copies for filtering.
  data jsonb NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- OAI-PMH datestamp: changes with every new version.
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Tombstone: OAI-PMH must keep reporting deleted records, so rows are never removed.
  deleted_at timestamptz
);
CREATE INDEX items_updated_at_idx ON items (updated_at, id);
CREATE INDEX items_status_idx ON items (status, access_level);
CREATE INDEX items_data_idx ON items USING gin (data jsonb_path_ops);

-- One row per change of an item; version 1 is the creation.
CREATE TABLE item_versions (
  item_id text NOT NULL REFERENCES items (id),
  version integer NOT NULL,
  data jsonb NOT NULL,
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, version)
);

CREATE TABLE collections (
  id text PRIMARY KEY,
  status text NOT NULL,
  access_level text NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agents (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE places (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE media (
  id text PRIMARY KEY,
  item_id text NOT NULL REFERENCES items (id),
  sha256 text NOT NULL,
  mime_type text NOT NULL,
  kind text NOT NULL,
  -- bigint: originals can be tens of gigabytes.
  size bigint NOT NULL CHECK (size >= 0),
  original_name text NOT NULL,
  original_key text NOT NULL,
  width integer,
  height integer,
  duration_seconds double precision,
  captured_at text,
  geo jsonb,
  caption text,
  position integer NOT NULL DEFAULT 0,
  status text NOT NULL,
  error text,
  derivatives jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The same file on the same item is stored once.
  UNIQUE (item_id, sha256)
);
CREATE INDEX media_sha256_idx ON media (sha256);
CREATE INDEX media_item_position_idx ON media (item_id, position);
CREATE INDEX media_status_idx ON media (status);

-- Durable work queue. id = "<type>:<key>", so queueing the same work twice is harmless.
CREATE TABLE jobs (
  id text PRIMARY KEY,
  type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  -- Lower runs first: fresh uploads (0) before backfills.
  priority integer NOT NULL DEFAULT 0,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  -- Not claimed before this (retry backoff).
  run_after timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  -- A running job whose lease has passed is reclaimed: its worker died.
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_claim_idx ON jobs (priority, created_at, id) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_type_status_idx ON jobs (type, status);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_target_idx ON audit_log (target, at);
