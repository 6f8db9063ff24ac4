-- The legal documents whose relations point to a record (catalog items.referencingLegal:
-- "amended by", "replaced by", "implemented by" on an item page, by id or by document
-- number) are found by jsonb containment on this expression: without an index every
-- item page of a legal document read the whole items table. jsonb_path_ops serves @>
-- and is a third the size of the default operator class.
CREATE INDEX items_legal_relations_idx ON items USING gin ((data->'library'->'legal'->'relations') jsonb_path_ops) WITH (fastupdate = off);
