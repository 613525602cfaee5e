-- Meetings: the series, each meeting, its agenda, research returns, attendance and minutes.

CREATE TABLE meeting_series (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT    NOT NULL,
    every_weeks      INTEGER NOT NULL CHECK (every_weeks BETWEEN 1 AND 12),
    weekday          INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- 1 = Monday
    start_time       TEXT    NOT NULL,                                  -- HH:MM, UTC
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 15 AND 600),
    place            TEXT,
    video_link       TEXT,
    default_chair_id INTEGER REFERENCES users(id),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE meetings (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    series_id            INTEGER REFERENCES meeting_series(id),
    starts_at            INTEGER NOT NULL,
    ends_at              INTEGER NOT NULL CHECK (ends_at > starts_at),
    place                TEXT,
    video_link           TEXT,
    chair_id             INTEGER REFERENCES users(id),
    status               TEXT    NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft','agenda_published','in_session','closed','minutes_approved')),
    agenda_built_at      INTEGER,
    agenda_published_at  INTEGER,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
);
CREATE INDEX meetings_starts ON meetings(starts_at);
CREATE UNIQUE INDEX meetings_series_start ON meetings(series_id, starts_at) WHERE series_id IS NOT NULL;

CREATE TABLE agenda_items (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    position        INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('confidentiality','previous_minutes','incomplete_actions',
                        'new_case_children','new_case','review','twelve_month_notice','barriers','aob','other')),
    case_id         INTEGER REFERENCES cases(id),
    title           TEXT,
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 240),
    -- 'auto': placed by the agenda builder; 'manual': added by the coordinator
    source          TEXT    NOT NULL CHECK (source IN ('auto','manual')),
    removed_at      INTEGER,
    removed_reason  TEXT,
    deferred_to     INTEGER REFERENCES meetings(id),
    notes           TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
-- The builder adds each fixed item and each case once per meeting, even when rebuilt.
CREATE UNIQUE INDEX agenda_items_once ON agenda_items(meeting_id, kind, IFNULL(case_id, 0)) WHERE source = 'auto';

-- What was changed on an agenda after it was published, for the members to see.
CREATE TABLE agenda_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    at          INTEGER NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    description TEXT    NOT NULL
);

CREATE TABLE research_returns (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    state      TEXT    NOT NULL CHECK (state IN ('holds','no_trace')),
    body_md    TEXT,
    user_id    INTEGER REFERENCES users(id),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, case_id, agency_id)
);

CREATE TABLE attendance (
    meeting_id        INTEGER NOT NULL REFERENCES meetings(id),
    user_id           INTEGER NOT NULL REFERENCES users(id),
    agency_id         INTEGER REFERENCES agencies(id),
    status            TEXT    NOT NULL CHECK (status IN ('present','apologies','apologies_info_sent','absent')),
    observer          INTEGER NOT NULL DEFAULT 0 CHECK (observer IN (0,1)),
    acknowledged_at   INTEGER,
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
);

CREATE TABLE minutes (
    meeting_id      INTEGER PRIMARY KEY REFERENCES meetings(id),
    status          TEXT    NOT NULL CHECK (status IN ('draft','circulated','approved')),
    version         INTEGER NOT NULL DEFAULT 1,
    review_deadline INTEGER,
    circulated_at   INTEGER,
    approved_at     INTEGER,
    approved_by     INTEGER REFERENCES users(id),
    updated_at      INTEGER NOT NULL
);

-- The minutes are kept as sections, so that each agency's extract holds only its own items.
CREATE TABLE minutes_sections (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
    position       INTEGER NOT NULL,
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    case_id        INTEGER REFERENCES cases(id),
    heading        TEXT    NOT NULL,
    body_md        TEXT    NOT NULL
);
CREATE INDEX minutes_sections_meeting ON minutes_sections(meeting_id, position);

CREATE TABLE minutes_comments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    section_id      INTEGER REFERENCES minutes_sections(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),
    body            TEXT    NOT NULL,
    proposed_text   TEXT,
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','declined')),
    resolution_note TEXT,
    resolved_by     INTEGER REFERENCES users(id),
    resolved_at     INTEGER,
    created_at      INTEGER NOT NULL
);

CREATE TABLE minutes_addenda (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    body_md    TEXT    NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
);

-- The chair or coordinator asks to see a case again at a meeting on or after this date.
ALTER TABLE cases ADD COLUMN review_on TEXT;

-- A secret for each person's calendar feed URL (no case data is ever in the feed).
ALTER TABLE users ADD COLUMN calendar_token TEXT;
CREATE UNIQUE INDEX users_calendar_token ON users(calendar_token) WHERE calendar_token IS NOT NULL;
