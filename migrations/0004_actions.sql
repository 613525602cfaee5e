-- Actions and the follow-up loop: every action agreed, what became of it, and why not.

CREATE TABLE actions (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id           INTEGER NOT NULL REFERENCES cases(id),
    meeting_id        INTEGER REFERENCES meetings(id),
    owner_agency_id   INTEGER NOT NULL REFERENCES agencies(id),
    owner_user_id     INTEGER REFERENCES users(id),
    kind              TEXT    NOT NULL CHECK (kind IN ('safety_planning','police_marker','protection_order_support','housing',
                          'perpetrator_programme_referral','child_safeguarding','health','mental_health','substance_use',
                          'legal_advice','advocate_support','information_sharing','other')),
    text              TEXT    NOT NULL,
    due_on            TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done',
                          'not_done_circumstances','not_done_agency','superseded')),
    superseded_by     INTEGER REFERENCES actions(id),
    barrier_category  TEXT    CHECK (barrier_category IN ('resources_capacity','legal_procedural','information_sharing',
                          'victim_engagement','inter_agency_communication','other')),
    barrier_text      TEXT,
    -- Asked when the same kind of action for the same agency ended not done before on this case.
    what_is_different TEXT,
    carried_over      INTEGER NOT NULL DEFAULT 0,
    escalated_at      INTEGER,
    created_by        INTEGER REFERENCES users(id),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    closed_at         INTEGER
);
CREATE INDEX actions_case ON actions(case_id);
CREATE INDEX actions_agency ON actions(owner_agency_id, status);
CREATE INDEX actions_meeting ON actions(meeting_id);

-- Every change to an action, never rewritten.
CREATE TABLE action_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id   INTEGER NOT NULL REFERENCES actions(id),
    at          INTEGER NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    meeting_id  INTEGER REFERENCES meetings(id),
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    reason      TEXT,
    note        TEXT,
    due_from    TEXT,
    due_to      TEXT
);
CREATE INDEX action_history_action ON action_history(action_id, id);
CREATE TRIGGER action_history_no_update BEFORE UPDATE ON action_history
BEGIN
    SELECT RAISE(ABORT, 'action_history is append-only');
END;
CREATE TRIGGER action_history_no_delete BEFORE DELETE ON action_history
BEGIN
    SELECT RAISE(ABORT, 'action_history is append-only');
END;

-- The actions a meeting's agenda brought back as not completed.
CREATE TABLE agenda_actions (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    action_id  INTEGER NOT NULL REFERENCES actions(id),
    PRIMARY KEY (meeting_id, action_id)
);

-- Meetings that closed with the action still open: each is one carry-over.
CREATE TABLE action_carry_overs (
    action_id  INTEGER NOT NULL REFERENCES actions(id),
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    PRIMARY KEY (action_id, meeting_id)
);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    kind       TEXT    NOT NULL CHECK (kind IN ('assigned','due_soon','overdue','escalated')),
    action_id  INTEGER NOT NULL REFERENCES actions(id),
    created_at INTEGER NOT NULL,
    read_at    INTEGER,
    UNIQUE (user_id, kind, action_id)
);
CREATE INDEX notifications_user ON notifications(user_id, read_at);
