-- The dictionary's read paths (issue 14).
--
-- A record's words (GET /api/items/{id}/words) are the entries whose entry.records names it:
-- jsonb containment on this expression, as items_legal_relations_idx serves the legal
-- relations. The inverse relations of an entry (entries whose relations name it) use the
-- same kind of index on their own expression.
CREATE INDEX items_entry_records_idx ON items USING gin ((data->'entry'->'records') jsonb_path_ops) WITH (fastupdate = off);
CREATE INDEX items_entry_relations_idx ON items USING gin ((data->'entry'->'relations') jsonb_path_ops) WITH (fastupdate = off);

-- Whether the browse orders are current: count and newest change of the word entries,
-- read from this small partial index instead of the whole items table.
CREATE INDEX items_word_updated_idx ON items (updated_at, deleted_at) WHERE kind = 'word';

-- The browse orders (Khmer consonant order, pinyin, radical and strokes, Cham order,
-- Vietnamese order of glosses) as a derived table: each entry's rank in each order and the
-- section (letter) it falls under. ICU's collators exist in the process, not in SQL
-- (PGlite has no ICU), so ranks are computed in the process and rebuilt when the word
-- entries change (dictionary_browse_state.stamp); a page is then a keyset read on
-- (order_name, rank, item_id), whatever the dictionary's size.
CREATE TABLE dictionary_browse (
  order_name text NOT NULL,
  item_id text NOT NULL,
  rank integer NOT NULL,
  section text NOT NULL,
  -- The section as shown: the letter itself, a radical with its number (舟 137).
  label text NOT NULL,
  PRIMARY KEY (order_name, item_id)
);
CREATE INDEX dictionary_browse_rank_idx ON dictionary_browse (order_name, rank, item_id);

CREATE TABLE dictionary_browse_state (
  order_name text PRIMARY KEY,
  stamp text NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);
