-- Same-victim matching without an existence oracle (see app/src/cases/matching). A referral of
-- a victim the register already holds, made by someone who may not see her case, opens a
-- provisional case; the match waits here until the coordinator or chair links the two
-- (confirmed: the provisional case is merged) or keeps them apart (rejected). The referrer is
-- never told of the other case.
CREATE TABLE case_matches (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         INTEGER NOT NULL REFERENCES cases(id),
    matched_case_id INTEGER NOT NULL REFERENCES cases(id),
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','confirmed','rejected')),
    created_at      INTEGER NOT NULL,
    decided_by      INTEGER REFERENCES users(id),
    decided_at      INTEGER
);
CREATE INDEX case_matches_state ON case_matches(state, id);

-- A provisional case merged into the case it matched: its row stays for the audit trail and
-- its reference, but nobody sees it any more and its personal data is blanked.
ALTER TABLE cases ADD COLUMN merged_into INTEGER REFERENCES cases(id);
