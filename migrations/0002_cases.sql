-- Cases and referrals. Restricted fields (names, dates of birth, contact details, the
-- safe-to-contact flag, children's initials) live only in these tables and leave the server
-- only through the audited "reveal".

CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    reference           TEXT    NOT NULL UNIQUE,
    ref_year            INTEGER NOT NULL,
    ref_seq             INTEGER NOT NULL,
    status              TEXT    NOT NULL DEFAULT 'referred' CHECK (status IN ('referred','active','monitoring','closed')),
    lead_agency_id      INTEGER REFERENCES agencies(id),
    case_manager_id     INTEGER REFERENCES users(id),
    case_responsible_id INTEGER REFERENCES users(id),
    victim_name         TEXT    NOT NULL,
    -- lower-cased, accents and extra spaces removed: finds the same victim however typed
    victim_key          TEXT    NOT NULL,
    victim_dob          TEXT    NOT NULL,
    victim_safe_contact TEXT,
    safe_to_contact     INTEGER NOT NULL CHECK (safe_to_contact IN (0,1)),
    perpetrator_name    TEXT,
    perpetrator_dob     TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    UNIQUE (ref_year, ref_seq)
);
CREATE INDEX cases_victim ON cases(victim_key, victim_dob);
CREATE INDEX cases_status ON cases(status);

-- The children in the household as last reported.
CREATE TABLE case_children (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    initials TEXT    NOT NULL,
    age      INTEGER NOT NULL CHECK (age BETWEEN 0 AND 17)
);
CREATE INDEX case_children_case ON case_children(case_id);

-- Why an agency may see a case: it referred it, leads it, was added by the chair or
-- coordinator, owns an action on it, or told the group at a meeting that it holds information.
CREATE TABLE case_agencies (
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    reason     TEXT    NOT NULL CHECK (reason IN ('referring','lead','added','action','research')),
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (case_id, agency_id, reason)
);
CREATE INDEX case_agencies_agency ON case_agencies(agency_id);

CREATE TABLE referrals (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id                INTEGER NOT NULL REFERENCES cases(id),
    referred_on            TEXT    NOT NULL,
    registered_at          INTEGER NOT NULL,
    referring_agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    referring_user_id      INTEGER REFERENCES users(id),
    referrer_name          TEXT,
    -- 24 answers, one character each: y (yes), n (no), u (don't know)
    checklist              TEXT    NOT NULL CHECK (length(checklist) = 24),
    dash_yes               INTEGER NOT NULL,
    judgement_reasons      TEXT,
    incidents_last_12_months INTEGER NOT NULL CHECK (incidents_last_12_months >= 0),
    visible_high_risk      INTEGER NOT NULL CHECK (visible_high_risk IN (0,1)),
    professional_judgement INTEGER NOT NULL CHECK (professional_judgement IN (0,1)),
    potential_escalation   INTEGER NOT NULL CHECK (potential_escalation IN (0,1)),
    is_repeat              INTEGER NOT NULL CHECK (is_repeat IN (0,1)),
    victim_informed        TEXT    NOT NULL CHECK (victim_informed IN ('yes','no','unsafe_to_inform')),
    consent_to_share       TEXT    NOT NULL CHECK (consent_to_share IN ('given','refused','not_sought')),
    lawful_basis           TEXT,
    advocate_name          TEXT,
    advocate_agency_id     INTEGER REFERENCES agencies(id),
    victim_views           TEXT,
    children_count         INTEGER NOT NULL,
    initial_assessment_on  TEXT,
    intervention_plan_on   TEXT,
    created_by             INTEGER REFERENCES users(id),
    created_at             INTEGER NOT NULL
);
CREATE INDEX referrals_case ON referrals(case_id, referred_on);
