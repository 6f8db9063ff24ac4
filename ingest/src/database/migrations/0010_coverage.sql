-- Digitisation targets (issue 15). The figures are never stored: they are computed from
-- the catalog's history (item_versions, media) whenever they are asked for.
CREATE TABLE coverage_targets (
  id text PRIMARY KEY,
  -- The CoverageTargetInput, as written.
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Coverage reads the history of the records that document elements; this finds them
-- without reading every version of every record.
CREATE INDEX item_versions_elements_idx ON item_versions (item_id) WHERE data ? 'elements';
