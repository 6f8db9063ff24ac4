-- When the holder of a personal token was warned that it expires soon (OWASP ASVS 4.0.3
-- 2.3.3). A sweep claims a token by setting it only where it is still null, so with
-- several worker processes each token is warned exactly once.
ALTER TABLE api_tokens ADD COLUMN expiry_warned_at timestamptz;
CREATE INDEX api_tokens_expiry_idx ON api_tokens (expires_at) WHERE expiry_warned_at IS NULL AND revoked_at IS NULL;
