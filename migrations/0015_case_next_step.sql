-- What a meeting (or the chair or coordinator between meetings) decided a case comes to next:
-- a review at a later meeting, kept open without one, or closed with a reason from a fixed
-- list. Kept as a history: earlier decisions are part of "what was tried" when a case returns.

-- The coded reason beside the free-text closing_reason (which stays for older closures).
ALTER TABLE cases ADD COLUMN closing_code TEXT
    CHECK (closing_code IN ('risk_reduced','moved_out','victim_disengaged','other'));

CREATE TABLE case_next_steps (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         INTEGER NOT NULL REFERENCES cases(id),
    -- The meeting and agenda item it was decided on; NULL when decided from the case page.
    meeting_id      INTEGER REFERENCES meetings(id),
    item_id         INTEGER REFERENCES agenda_items(id),
    step            TEXT    NOT NULL CHECK (step IN ('review','keep_open','close')),
    review_on       TEXT,
    review_in_weeks INTEGER CHECK (review_in_weeks BETWEEN 1 AND 52),
    close_reason    TEXT    CHECK (close_reason IN ('risk_reduced','moved_out','victim_disengaged','other')),
    -- The organisation the case moved to (never a person).
    receiving_group TEXT,
    explanation     TEXT,
    user_id         INTEGER REFERENCES users(id),
    decided_at      INTEGER NOT NULL,
    CHECK ((step = 'review') = (review_on IS NOT NULL)),
    CHECK ((step = 'close') = (close_reason IS NOT NULL))
);
CREATE INDEX case_next_steps_case ON case_next_steps(case_id, id);
-- One decision per agenda item: deciding again at the same item replaces it.
CREATE UNIQUE INDEX case_next_steps_item ON case_next_steps(item_id) WHERE item_id IS NOT NULL;

-- Each review date puts the case on one agenda, once: set-time and the periodic job both
-- look here first, so neither adds it twice nor brings back an item the coordinator removed.
CREATE TABLE case_review_placements (
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    review_on  TEXT    NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id    INTEGER REFERENCES agenda_items(id),
    placed_at  INTEGER NOT NULL,
    PRIMARY KEY (case_id, review_on)
);
