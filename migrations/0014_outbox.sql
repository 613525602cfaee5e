-- The durable outbox (app/src/outbox): one row per recipient, written in the transaction of
-- the change that causes it. A worker turns each row into an in-app notice and, by the
-- person's preference, an email. `params` holds ids, dates, counts and agency names at most;
-- emails are composed when sent, in the recipient's language, and never carry case data.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT    NOT NULL,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    case_id         INTEGER REFERENCES cases(id),
    meeting_id      INTEGER REFERENCES meetings(id),
    action_id       INTEGER REFERENCES actions(id),
    params          TEXT,
    urgent          INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0,1)),
    -- An iCalendar attachment (a meeting moved or cancelled).
    calendar        TEXT,
    -- Rows of one key reach a person at most once, ever (reminders written by time passing).
    once_key        TEXT,
    created_at      INTEGER NOT NULL,
    noticed_at      INTEGER,
    -- How it goes by email, decided by the worker from the person's preference.
    delivery        TEXT CHECK (delivery IN ('immediate','digest','none')),
    -- 'sending' is committed before the mail leaves: a row found 'sending' after a restart may
    -- or may not have arrived, so it becomes 'interrupted' (shown to the admin), never resent.
    state           TEXT    NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending','sending','sent','failed','skipped','interrupted')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- What went wrong, in the words of the transport (an SMTP code, "connection refused"):
    -- never the message itself.
    last_error      TEXT,
    sent_at         INTEGER,
    UNIQUE (once_key, user_id)
);
CREATE INDEX outbox_waiting ON outbox(state, next_attempt_at);
CREATE INDEX outbox_unnoticed ON outbox(id) WHERE noticed_at IS NULL;
CREATE INDEX outbox_user ON outbox(user_id, state);

-- A person's choice per kind; no row: the kind's default.
CREATE TABLE notification_preferences (
    user_id  INTEGER NOT NULL REFERENCES users(id),
    kind     TEXT    NOT NULL,
    delivery TEXT    NOT NULL CHECK (delivery IN ('immediate','digest','none')),
    PRIMARY KEY (user_id, kind)
);

-- The day (local, YYYY-MM-DD) of a person's last daily digest.
CREATE TABLE mail_digests (
    user_id  INTEGER PRIMARY KEY REFERENCES users(id),
    last_day TEXT NOT NULL
);

-- Notices made from the outbox name their meeting and action too.
ALTER TABLE notices ADD COLUMN meeting_id INTEGER REFERENCES meetings(id);
ALTER TABLE notices ADD COLUMN outbox_id INTEGER REFERENCES outbox(id);
CREATE UNIQUE INDEX notices_outbox ON notices(outbox_id) WHERE outbox_id IS NOT NULL;
