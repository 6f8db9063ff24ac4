-- The archivists' workspace (issue 12): versions with notes, a published face that stays
-- while a revision is drafted and reviewed, review comments, withdrawals, media whose
-- changes are part of a record's history, resumable uploads and their quota.

-- items.data and items.version stay the record's FACE: what every public door (items,
-- search, browse, media, OAI-PMH) reads. While the face is published and someone edits
-- the record, the edits are a REVISION: newer rows of item_versions, the newest being
-- head_version, in the workflow state revision_status ('draft' or 'in-review'). When the
-- revision is published it becomes the face, and head_version/revision_status go back to
-- NULL. A record that is not published has no revision: its saves change the face.
ALTER TABLE items ADD COLUMN head_version integer;
ALTER TABLE items ADD COLUMN revision_status text;
-- Who last changed the head, for "recent changes by others" (an actor: user:<id>, import...).
ALTER TABLE items ADD COLUMN head_author text;
ALTER TABLE items ADD COLUMN head_updated_at timestamptz;
-- The withdrawal, for the tombstone the public gets (410): when and why, as the reviewer wrote it.
ALTER TABLE items ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE items ADD COLUMN withdrawn_reason text;
CREATE INDEX items_workflow_idx ON items ((COALESCE(revision_status, status)), head_updated_at);

-- Every version says what made it and why. action: create, edit, restore, submit, publish,
-- send-back, withdraw, media. media: the record's files as they stood in this version
-- ([{id, position, caption?, captionLang?, cover?, captionsFor?, kind, originalName, sha256}]),
-- NULL for versions written before the workspace.
ALTER TABLE item_versions ADD COLUMN action text NOT NULL DEFAULT 'edit';
ALTER TABLE item_versions ADD COLUMN note text;
ALTER TABLE item_versions ADD COLUMN media jsonb;
-- The version a revision was started from, so a revision's first version compares with the face.
ALTER TABLE item_versions ADD COLUMN based_on integer;

-- A medium belongs to the versions from added_in_version up to (not including)
-- removed_in_version. The face shows the media of items.version, the workspace those of
-- the head. Removing or replacing a file never deletes a row or a stored original.
ALTER TABLE media ADD COLUMN added_in_version integer NOT NULL DEFAULT 1;
ALTER TABLE media ADD COLUMN removed_in_version integer;
-- The medium this one replaced (a new file for the same place in the record).
ALTER TABLE media ADD COLUMN replaces text;
-- The language of the caption (BCP 47), and for a caption file (WebVTT) the recording it belongs to.
ALTER TABLE media ADD COLUMN caption_lang text;
ALTER TABLE media ADD COLUMN captions_for text;
ALTER TABLE media ADD COLUMN is_cover boolean NOT NULL DEFAULT false;
-- Who brought the file: an actor (user:<id>, import, system).
ALTER TABLE media ADD COLUMN added_by text;

-- Review comments (a reviewer sending a record back), withdrawal reasons and notes, shown on
-- the record to its archivist. Never deleted: a later version may answer them.
CREATE TABLE item_comments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id text NOT NULL REFERENCES items (id),
  version integer NOT NULL,
  kind text NOT NULL,
  author text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX item_comments_item_idx ON item_comments (item_id, created_at);

-- One row per resumable upload (tus): whose it is, which record it goes to, how far it got
-- and how it ended. The bytes are in the tus store (a folder or S3), not here. Quotas sum
-- the sizes of an account's uploads that did not fail.
CREATE TABLE uploads (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  item_id text NOT NULL REFERENCES items (id),
  name text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  -- receiving, registering, done, failed, expired
  state text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  media_id text,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX uploads_account_idx ON uploads (account_id, state);
CREATE INDEX uploads_expiry_idx ON uploads (expires_at) WHERE state = 'receiving';
