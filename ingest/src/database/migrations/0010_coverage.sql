-- Digitisation targets (issue 15). The figures are never stored: they are computed from
-- the catalog's history (item_versions, media) whenever they are asked for.
CREATE TABLE coverage_targets (
  id text PRIMARY KEY,
  -- The CoverageTargetInput, as written.
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- What coverage reads of each version of an element and of a record that documents one,
-- taken out of the version's JSON once: versions never change, so this only grows, and a
-- report reads these narrow rows instead of parsing every version's document again.
CREATE TABLE coverage_facts (
  item_id text NOT NULL,
  version integer NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  elements text[] NOT NULL,
  description_langs text[] NOT NULL,
  -- For elements: category, groups, provinces, title, viability, recurrence.
  facts jsonb,
  PRIMARY KEY (item_id, version)
);

-- The versions that name elements, found without reading every version of every record.
CREATE INDEX item_versions_elements_idx ON item_versions (item_id) WHERE data ? 'elements';
