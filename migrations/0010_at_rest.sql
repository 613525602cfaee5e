-- Data keys for sealed columns (TOTP secrets, calendar tokens), one row per database key that
-- can unwrap them ("plain" when the database has no key file).
CREATE TABLE data_keys (
    id         TEXT PRIMARY KEY,
    wrapped    TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- A calendar link is found by the SHA-256 of its token; `calendar_token` keeps only a sealed
-- copy (its old unique index would compare sealed texts, which are never equal anyway).
DROP INDEX users_calendar_token;
ALTER TABLE users ADD COLUMN calendar_token_hash TEXT;
CREATE UNIQUE INDEX users_calendar_token_hash ON users(calendar_token_hash)
    WHERE calendar_token_hash IS NOT NULL;
