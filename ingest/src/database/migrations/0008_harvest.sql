-- The OAI-PMH harvester (issue 13): sources an admin schedules, the records each brought
-- in, and every run's outcome.

-- A source: one repository's base URL, one metadata format, optionally one set. Harvested
-- "by hand" with `disan harvest`, a source is created unscheduled (enabled = false), so a
-- second run of the same command is incremental too.
CREATE TABLE harvest_sources (
  id text PRIMARY KEY,
  base_url text NOT NULL,
  metadata_prefix text NOT NULL CHECK (metadata_prefix IN ('oai_dc', 'marc21')),
  set_spec text,
  interval_hours integer NOT NULL DEFAULT 24 CHECK (interval_hours BETWEEN 1 AND 8760),
  enabled boolean NOT NULL DEFAULT true,
  -- What the records become: a trusted library's records are usually published at once.
  record_status text NOT NULL DEFAULT 'published' CHECK (record_status IN ('published', 'draft')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_run_at timestamptz,
  last_success_at timestamptz,
  -- The highest datestamp a successful run reached, as the source wrote it: the next run's `from`.
  last_datestamp text,
  last_error text,
  -- Held by the run in progress (any process); a run older than its lease was cut off and may be taken over.
  running_since timestamptz
);
CREATE UNIQUE INDEX harvest_sources_target_idx ON harvest_sources (base_url, metadata_prefix, (COALESCE(set_spec, '')));

-- Which local record each OAI identifier became, with the source's datestamp: a record
-- whose datestamp has not moved is not written again, so runs are idempotent.
-- written_version is the head version the harvest last wrote: a record edited locally
-- since then is not overwritten.
CREATE TABLE harvest_records (
  source_id text NOT NULL REFERENCES harvest_sources (id) ON DELETE CASCADE,
  identifier text NOT NULL,
  item_id text NOT NULL,
  datestamp text NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  written_version integer,
  harvested_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, identifier)
);
CREATE INDEX harvest_records_item_idx ON harvest_records (item_id);

-- Every run, scheduled, asked for in the site, or from the command line. A table of its
-- own rather than the jobs table (whose rows are one per job id and say nothing of
-- counts, and which `disan harvest` does not use) or the audit trail (a hash chain of
-- who did what, not a place for per-run counts and lists of refused records).
CREATE TABLE harvest_runs (
  id text PRIMARY KEY,
  source_id text NOT NULL REFERENCES harvest_sources (id) ON DELETE CASCADE,
  trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'command')),
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  from_datestamp text,
  pages integer NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  deleted integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0,
  -- The first refusals, [{identifier, reason}], so an admin sees why.
  refusals jsonb NOT NULL DEFAULT '[]'::jsonb,
  error text
);
CREATE INDEX harvest_runs_source_idx ON harvest_runs (source_id, started_at DESC);
