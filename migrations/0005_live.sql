-- The live meeting: one ordered stream of committed changes per meeting, and what the room
-- recorded against each agenda item.

-- Children's services that attend only the children's cases leave at the chair's cut-off.
ALTER TABLE agencies ADD COLUMN children_only INTEGER NOT NULL DEFAULT 0 CHECK (children_only IN (0,1));

CREATE TABLE live_state (
    meeting_id       INTEGER PRIMARY KEY REFERENCES meetings(id),
    -- The last sequence number given out; every committed change takes the next one.
    seq              INTEGER NOT NULL DEFAULT 0,
    current_item_id  INTEGER REFERENCES agenda_items(id),
    children_done_at INTEGER,
    updated_at       INTEGER NOT NULL
);

-- Time used by each item: accumulated milliseconds, plus a start instant while it runs.
ALTER TABLE agenda_items ADD COLUMN used_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_items ADD COLUMN timer_started_ms INTEGER;

CREATE TABLE live_events (
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    seq             INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    item_id         INTEGER REFERENCES agenda_items(id),
    -- The case the event is about: replay shows it only to those who may see that case.
    case_id         INTEGER REFERENCES cases(id),
    body            TEXT    NOT NULL,
    user_id         INTEGER REFERENCES users(id),
    idempotency_key TEXT,
    at              INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;
-- A retried change (same sender, same key) is found here and applied only once.
CREATE UNIQUE INDEX live_events_once ON live_events(meeting_id, user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE TABLE live_contributions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    item_id     INTEGER NOT NULL REFERENCES agenda_items(id),
    case_id     INTEGER REFERENCES cases(id),
    user_id     INTEGER NOT NULL REFERENCES users(id),
    agency_id   INTEGER REFERENCES agencies(id),
    body_md     TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX live_contributions_item ON live_contributions(item_id, id);

CREATE TABLE live_summaries (
    item_id      INTEGER PRIMARY KEY REFERENCES agenda_items(id),
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id),
    summary_md   TEXT    NOT NULL,
    decisions_md TEXT    NOT NULL,
    -- Optimistic concurrency: a save must name the version it was based on.
    version      INTEGER NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    updated_at   INTEGER NOT NULL
);
