//! The coded values of the aggregate fields, each with its words. The same lists are the
//! migration's CHECK constraints, the form's choices and the report's categories.

use crate::i18n::Msg;

/// A field of one value chosen from a list.
pub struct Field {
    pub name: &'static str,
    pub label: Msg,
    pub codes: &'static [(&'static str, Msg)],
}

pub const GENDER: Field = Field {
    name: "gender",
    label: Msg("figures-gender"),
    codes: &[
        ("female", Msg("figures-gender-female")),
        ("male", Msg("figures-gender-male")),
        ("other", Msg("figures-gender-other")),
    ],
};

pub const AGE_BAND: Field = Field {
    name: "age_band",
    label: Msg("figures-age-band"),
    codes: &[
        ("under_18", Msg("figures-age-under-18")),
        ("18_24", Msg("figures-age-18-24")),
        ("25_34", Msg("figures-age-25-34")),
        ("35_44", Msg("figures-age-35-44")),
        ("45_54", Msg("figures-age-45-54")),
        ("55_64", Msg("figures-age-55-64")),
        ("65_plus", Msg("figures-age-65-plus")),
    ],
};

pub const RELATIONSHIP: Field = Field {
    name: "relationship",
    label: Msg("figures-relationship"),
    codes: &[
        ("partner", Msg("figures-relationship-partner")),
        ("ex_partner", Msg("figures-relationship-ex-partner")),
        ("family_member", Msg("figures-relationship-family-member")),
        ("other", Msg("figures-relationship-other")),
    ],
};

pub const RESIDENCE: Field = Field {
    name: "residence",
    label: Msg("figures-residence"),
    codes: &[
        ("urban", Msg("figures-residence-urban")),
        ("rural", Msg("figures-residence-rural")),
    ],
};

/// Yes/no fields (absent: not known).
pub const FLAGS: [(&str, Msg); 4] = [
    ("aged_16_17", Msg("figures-aged-16-17")),
    ("disability", Msg("figures-disability")),
    ("ethnic_minority", Msg("figures-ethnic-minority")),
    ("lgbt", Msg("figures-lgbt")),
];

pub const VIOLENCE: Field = Field {
    name: "violence",
    label: Msg("figures-violence"),
    codes: &[
        ("physical", Msg("figures-violence-physical")),
        ("sexual", Msg("figures-violence-sexual")),
        ("psychological", Msg("figures-violence-psychological")),
        ("economic", Msg("figures-violence-economic")),
        ("stalking", Msg("figures-violence-stalking")),
        ("coercive_control", Msg("figures-violence-coercive-control")),
    ],
};

pub const MEASURES: Field = Field {
    name: "measures",
    label: Msg("figures-measures"),
    codes: &[
        (
            "provisional_order_requested",
            Msg("figures-measure-provisional-requested"),
        ),
        (
            "provisional_order_issued",
            Msg("figures-measure-provisional-issued"),
        ),
        (
            "provisional_order_refused",
            Msg("figures-measure-provisional-refused"),
        ),
        (
            "court_order_requested",
            Msg("figures-measure-court-requested"),
        ),
        ("court_order_issued", Msg("figures-measure-court-issued")),
        ("court_order_refused", Msg("figures-measure-court-refused")),
        ("complaint_filed", Msg("figures-measure-complaint-filed")),
        (
            "complaint_withdrawn",
            Msg("figures-measure-complaint-withdrawn"),
        ),
        (
            "electronic_monitoring",
            Msg("figures-measure-electronic-monitoring"),
        ),
    ],
};

pub const SERVICES: Field = Field {
    name: "services",
    label: Msg("figures-services"),
    codes: &[
        ("counselling", Msg("figures-service-counselling")),
        ("shelter", Msg("figures-service-shelter")),
        ("legal_aid", Msg("figures-service-legal-aid")),
        ("medical", Msg("figures-service-medical")),
        (
            "psychological_support",
            Msg("figures-service-psychological-support"),
        ),
        (
            "social_assistance",
            Msg("figures-service-social-assistance"),
        ),
        ("housing", Msg("figures-service-housing")),
        ("employment", Msg("figures-service-employment")),
        ("child_protection", Msg("figures-service-child-protection")),
        (
            "perpetrator_programme",
            Msg("figures-service-perpetrator-programme"),
        ),
    ],
};

/// The one-value fields, in the order the form and the report show them.
pub const SINGLE: [&Field; 4] = [&GENDER, &AGE_BAND, &RELATIONSHIP, &RESIDENCE];
/// The several-value fields.
pub const SETS: [&Field; 3] = [&VIOLENCE, &MEASURES, &SERVICES];

impl Field {
    pub fn find(&self, code: &str) -> Option<&'static str> {
        self.codes.iter().find(|(c, _)| *c == code).map(|(c, _)| *c)
    }

    pub fn label_of(&self, code: &str) -> Option<Msg> {
        self.codes.iter().find(|(c, _)| *c == code).map(|(_, m)| *m)
    }
}

/// The words of a category of any field (a code, "yes" of a flag, or "not recorded").
pub fn category_label(field: &str, code: &str) -> String {
    if code == "not_recorded" {
        return Msg("figures-not-recorded").text();
    }
    if let Some(f) = SINGLE.iter().chain(SETS.iter()).find(|f| f.name == field) {
        if let Some(m) = f.label_of(code) {
            return m.text();
        }
    }
    match code {
        "yes" => Msg("figures-yes").text(),
        "no" => Msg("figures-no").text(),
        other => other.to_string(),
    }
}

/// The words of a field's name.
pub fn field_label(field: &str) -> String {
    SINGLE
        .iter()
        .chain(SETS.iter())
        .find(|f| f.name == field)
        .map(|f| f.label.text())
        .or_else(|| {
            FLAGS
                .iter()
                .find(|(n, _)| *n == field)
                .map(|(_, m)| m.text())
        })
        .unwrap_or_else(|| field.replace('_', " "))
}
