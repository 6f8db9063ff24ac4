-- The records that document an inventory element (issue 15: an element's page lists its
-- records, coverage counts them) are found by jsonb containment on a record's element
-- links: data->'elements' @> '["ok-om-bok"]'. Without this index every element page read
-- the whole items table. jsonb_path_ops serves @> and is a third the size of the default class.
CREATE INDEX items_elements_idx ON items USING gin ((data->'elements') jsonb_path_ops) WITH (fastupdate = off);
