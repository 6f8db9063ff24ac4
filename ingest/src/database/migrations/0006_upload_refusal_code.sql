-- Why an upload was refused, as a code the workspace words in the reader's language
-- (schemas UPLOAD_REFUSALS); `reason` keeps the command line's English detail.
ALTER TABLE uploads ADD COLUMN reason_code text;
