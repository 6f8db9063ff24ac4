-- Audio, video and documents: what probing found, and the text found inside media.
ALTER TABLE media ADD COLUMN page_count integer;
ALTER TABLE media ADD COLUMN technical jsonb;

-- One row per located passage: a document page or a caption cue. Replaced as a
-- whole per medium, so a re-run of a job never leaves a mix of old and new text.
CREATE TABLE media_texts (
  media_id text NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  item_id text NOT NULL REFERENCES items (id),
  seq integer NOT NULL CHECK (seq >= 0),
  source text NOT NULL,
  page integer,
  start_seconds double precision,
  end_seconds double precision,
  recording_id text,
  lang text,
  text text NOT NULL,
  PRIMARY KEY (media_id, seq)
);
CREATE INDEX media_texts_item ON media_texts (item_id, media_id, seq);
