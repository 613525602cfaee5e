-- Foundation: agencies, users, sessions, sign-in throttling, settings, audit log.
-- Timestamps are UTC unix seconds (INTEGER); dates are ISO text (YYYY-MM-DD).

CREATE TABLE agencies (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    kind          TEXT    NOT NULL CHECK (kind IN ('police','social_services','child_protection','health','justice','probation','education','ngo','other')),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    contact_name  TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    -- stored lower-cased; NOCASE keeps the uniqueness case-insensitive even so
    email               TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name                TEXT    NOT NULL,
    role                TEXT    NOT NULL CHECK (role IN ('admin','chair','coordinator','member','observer')),
    agency_id           INTEGER REFERENCES agencies(id),
    representation      TEXT    NOT NULL DEFAULT 'none' CHECK (representation IN ('regular','deputy','none')),
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    password_hash       TEXT    NOT NULL,
    totp_secret         TEXT,
    totp_pending_secret TEXT,
    totp_last_step      INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    CHECK (role <> 'member' OR agency_id IS NOT NULL)
);
CREATE INDEX users_agency ON users(agency_id);

CREATE TABLE sessions (
    -- SHA-256 of the cookie token: a copy of the database does not hand out live sessions
    id           TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE sign_in_failures (
    -- SHA-256 of (lower-cased email, client address)
    key             TEXT    PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            INTEGER NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),
    action        TEXT    NOT NULL,
    entity        TEXT    NOT NULL,
    entity_id     TEXT,
    reason        TEXT,
    details       TEXT
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_actor ON audit_log(actor_user_id);
CREATE INDEX audit_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
