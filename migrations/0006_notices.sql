-- Notices that are not about an action (see app/src/notices). `params` holds ids and agency
-- names at most, never personal data.
CREATE TABLE notices (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    kind       TEXT    NOT NULL,
    case_id    INTEGER REFERENCES cases(id),
    params     TEXT,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
CREATE INDEX notices_user ON notices(user_id, read_at);
