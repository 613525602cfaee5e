-- The aggregate fields the group's statistics and data return need. Each is optional, held
-- apart from the case's restricted details, and never shown in agendas or minutes.
CREATE TABLE case_figures (
    case_id               INTEGER PRIMARY KEY REFERENCES cases(id),
    gender                TEXT    CHECK (gender IN ('female','male','other')),
    age_band              TEXT    CHECK (age_band IN ('under_18','18_24','25_34','35_44','45_54','55_64','65_plus')),
    aged_16_17            INTEGER CHECK (aged_16_17 IN (0,1)),
    disability            INTEGER CHECK (disability IN (0,1)),
    ethnic_minority       INTEGER CHECK (ethnic_minority IN (0,1)),
    lgbt                  INTEGER CHECK (lgbt IN (0,1)),
    relationship          TEXT    CHECK (relationship IN ('partner','ex_partner','family_member','other')),
    residence             TEXT    CHECK (residence IN ('urban','rural')),
    children_in_household INTEGER CHECK (children_in_household BETWEEN 0 AND 20),
    updated_by            INTEGER REFERENCES users(id),
    updated_at            INTEGER NOT NULL
);

-- The fields that take several values: types of violence, legal measures, services received.
CREATE TABLE case_figure_codes (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind    TEXT    NOT NULL CHECK (kind IN ('violence','measure','service')),
    code    TEXT    NOT NULL,
    PRIMARY KEY (case_id, kind, code),
    CHECK (
        (kind = 'violence' AND code IN ('physical','sexual','psychological','economic','stalking','coercive_control'))
     OR (kind = 'measure' AND code IN ('provisional_order_requested','provisional_order_issued','provisional_order_refused',
                                       'court_order_requested','court_order_issued','court_order_refused',
                                       'complaint_filed','complaint_withdrawn','electronic_monitoring'))
     OR (kind = 'service' AND code IN ('counselling','shelter','legal_aid','medical','psychological_support',
                                       'social_assistance','housing','employment','child_protection','perpetrator_programme'))
    )
);
