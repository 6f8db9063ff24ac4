-- OAI-PMH (issue 13). A record's datestamp is when what a harvester may see of it last
-- changed: its face (an edit, publication, withdrawal, access), its files on the face, or
-- an embargo ending. items.updated_at only moves with versions: an embargo ends without one.
ALTER TABLE items ADD COLUMN oai_datestamp timestamptz;
UPDATE items SET oai_datestamp = updated_at;
ALTER TABLE items ALTER COLUMN oai_datestamp SET NOT NULL;
ALTER TABLE items ALTER COLUMN oai_datestamp SET DEFAULT now();
-- Harvests are keyset pages in this order (the resumption token carries the last pair).
CREATE INDEX items_oai_datestamp_idx ON items (oai_datestamp, id);

-- When the public could first read the record. A record once exposed stays a deleted
-- header after it is withdrawn or restricted (persistent deletions); one never exposed
-- (a draft, a community record) is never named, not even as an identifier.
ALTER TABLE items ADD COLUMN oai_exposed_at timestamptz;
-- Records written before this migration: exposed if any face version was published at a
-- level the public reads (an embargoed one whose embargo has ended counts: its level today).
UPDATE items SET oai_exposed_at = updated_at WHERE EXISTS (
  SELECT 1 FROM item_versions v WHERE v.item_id = items.id AND v.data->>'status' = 'published'
    AND (v.data->'access'->>'level' IN ('public', 'metadata-only')
      OR (v.data->'access'->>'level' = 'embargo' AND v.data->'access'->>'embargoUntil' <= to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'))));
