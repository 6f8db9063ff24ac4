-- A pronunciation or oral recording says who speaks, with their consent, where and in which
-- dialect (schemas RecordingInfo), and a medium may carry its own access rule, narrower than
-- its record's (schemas MediaAccess): a community shares a word and keeps one voice to itself.
-- Both are read by the access rules (ingest/src/access canReadMedia) at every door, so they
-- live on the row, not in the versions' snapshots: narrowing access or withdrawing consent
-- takes effect at once, without waiting for a review.
ALTER TABLE media ADD COLUMN recording jsonb;
ALTER TABLE media ADD COLUMN access jsonb;
