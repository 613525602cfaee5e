-- Two-person rule for case readers (see app/src/users/access): a change that would let
-- someone read cases waits here until a second person confirms it. `role`, `agency_id` and
-- `activate` are the access the person will have once it is confirmed.
CREATE TABLE access_requests (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT    NOT NULL CHECK (kind IN ('grant_role','enable','reset_password','reset_totp','create_account')),
    user_id       INTEGER NOT NULL REFERENCES users(id),
    role          TEXT    NOT NULL CHECK (role IN ('admin','chair','coordinator','member','observer')),
    agency_id     INTEGER REFERENCES agencies(id),
    activate      INTEGER NOT NULL DEFAULT 0 CHECK (activate IN (0,1)),
    asked_by      INTEGER NOT NULL REFERENCES users(id),
    -- the asker's role when asking decides who may confirm
    asked_by_role TEXT    NOT NULL CHECK (asked_by_role IN ('admin','chair','coordinator','member','observer')),
    state         TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','confirmed','refused','withdrawn')),
    decided_by    INTEGER REFERENCES users(id),
    created_at    INTEGER NOT NULL,
    decided_at    INTEGER,
    CHECK (asked_by <> user_id),
    -- nobody confirms or refuses their own request, or one about themselves
    CHECK (state NOT IN ('confirmed','refused') OR (decided_by <> asked_by AND decided_by <> user_id))
);
-- One open request per person: a second one waits until the first is decided or withdrawn.
CREATE UNIQUE INDEX access_requests_one_pending ON access_requests(user_id) WHERE state = 'pending';
CREATE INDEX access_requests_state ON access_requests(state, created_at);
