//! A case's aggregate fields: what the form and the API send (all text, so a wrong value comes
//! back as a field error), and the checked record.

use super::codes::{self, Field};
use crate::error::{AppError, Problems};
use crate::i18n::Msg;
use crate::ids::CaseId;
use serde::{Deserialize, Deserializer, Serialize};

/// What the form or `PUT /cases/{id}/figures` sends; it replaces the whole record. Absent or
/// empty: not recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseFiguresInput {
    /// `female`, `male`, `other`.
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub gender: Option<String>,
    /// `under_18`, `18_24`, `25_34`, `35_44`, `45_54`, `55_64`, `65_plus`.
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub age_band: Option<String>,
    /// `yes` or `no` (also `true`/`false`) for the flags.
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub aged_16_17: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub disability: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub ethnic_minority: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub lgbt: Option<String>,
    /// `partner`, `ex_partner`, `family_member`, `other`.
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub relationship: Option<String>,
    /// `urban` or `rural`.
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub residence: Option<String>,
    /// 0 to 20.
    #[serde(default, deserialize_with = "crate::lenient::text")]
    pub children_in_household: Option<String>,
    /// Codes of `physical`, `sexual`, `psychological`, `economic`, `stalking`, `coercive_control`.
    #[serde(default, deserialize_with = "codes_set")]
    pub violence: Vec<String>,
    /// Codes such as `provisional_order_issued`, `complaint_withdrawn`, `electronic_monitoring`.
    #[serde(default, deserialize_with = "codes_set")]
    pub measures: Vec<String>,
    /// Codes such as `counselling`, `shelter`, `legal_aid`.
    #[serde(default, deserialize_with = "codes_set")]
    pub services: Vec<String>,
}

/// A list of codes, sent as a JSON array or by the form as ticked boxes
/// (`form[violence][physical]=on`: the keys are the codes).
fn codes_set<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Set {
        List(Vec<String>),
        Ticked(std::collections::BTreeMap<String, String>),
        One(String),
    }
    Ok(match Option::<Set>::deserialize(d)? {
        None => vec![],
        Some(Set::List(v)) => v,
        Some(Set::Ticked(m)) => m.into_keys().collect(),
        Some(Set::One(s)) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
    })
}

/// The checked record; also what `GET /cases/{id}/figures` answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseFigures {
    pub gender: Option<String>,
    pub age_band: Option<String>,
    pub aged_16_17: Option<bool>,
    pub disability: Option<bool>,
    pub ethnic_minority: Option<bool>,
    pub lgbt: Option<bool>,
    pub relationship: Option<String>,
    pub residence: Option<String>,
    pub children_in_household: Option<u8>,
    pub violence: Vec<String>,
    pub measures: Vec<String>,
    pub services: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseFiguresView {
    pub case_id: CaseId,
    pub reference: String,
    pub figures: CaseFigures,
    /// Whether the actor may change them (the form is offered only then).
    pub may_update: bool,
}

const INVALID: Msg = Msg("figures-invalid-choice");
const FLAG_INVALID: Msg = Msg("figures-invalid-flag");
const CHILDREN_INVALID: Msg = Msg("figures-invalid-children");
const AGED_16_17_CONFLICT: Msg = Msg("figures-invalid-aged-16-17");

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn one(p: &mut Problems, f: &Field, v: &Option<String>) -> Option<String> {
    let s = blank(v)?;
    match f.find(s) {
        Some(c) => Some(c.to_string()),
        None => {
            p.add(f.name, INVALID);
            None
        }
    }
}

fn flag(p: &mut Problems, name: &str, v: &Option<String>) -> Option<bool> {
    match blank(v)? {
        "yes" | "true" | "on" => Some(true),
        "no" | "false" => Some(false),
        _ => {
            p.add(name, FLAG_INVALID);
            None
        }
    }
}

fn set(p: &mut Problems, f: &Field, v: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in v.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match f.find(s) {
            Some(c) if !out.iter().any(|o| o == c) => out.push(c.to_string()),
            Some(_) => {}
            None => p.add(f.name, INVALID),
        }
    }
    // Kept in the list's order, so the record reads the same however it was sent.
    out.sort_by_key(|c| f.codes.iter().position(|(k, _)| k == c));
    out
}

impl CaseFiguresInput {
    pub fn parse(&self) -> Result<CaseFigures, AppError> {
        let mut p = Problems::new();
        let age_band = one(&mut p, &codes::AGE_BAND, &self.age_band);
        let aged_16_17 = flag(&mut p, "aged_16_17", &self.aged_16_17);
        // The 16–17 flag marks a victim under 18: it cannot go with an adult age band.
        if aged_16_17 == Some(true) && age_band.as_deref().is_some_and(|b| b != "under_18") {
            p.add("aged_16_17", AGED_16_17_CONFLICT);
        }
        let children_in_household = blank(&self.children_in_household).and_then(|s| {
            p.take(
                "children_in_household",
                s.parse::<u8>()
                    .ok()
                    .filter(|n| *n <= 20)
                    .ok_or_else(|| CHILDREN_INVALID.to_string()),
            )
        });
        let f = CaseFigures {
            gender: one(&mut p, &codes::GENDER, &self.gender),
            age_band,
            aged_16_17,
            disability: flag(&mut p, "disability", &self.disability),
            ethnic_minority: flag(&mut p, "ethnic_minority", &self.ethnic_minority),
            lgbt: flag(&mut p, "lgbt", &self.lgbt),
            relationship: one(&mut p, &codes::RELATIONSHIP, &self.relationship),
            residence: one(&mut p, &codes::RESIDENCE, &self.residence),
            children_in_household,
            violence: set(&mut p, &codes::VIOLENCE, &self.violence),
            measures: set(&mut p, &codes::MEASURES, &self.measures),
            services: set(&mut p, &codes::SERVICES, &self.services),
        };
        p.into_result()?;
        Ok(f)
    }
}

impl CaseFigures {
    /// The names of the fields that differ from `before` (for the audit row: names, no values).
    pub fn changed_from(&self, before: &CaseFigures) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut diff = |name, same: bool| {
            if !same {
                out.push(name)
            }
        };
        diff("gender", self.gender == before.gender);
        diff("age_band", self.age_band == before.age_band);
        diff("aged_16_17", self.aged_16_17 == before.aged_16_17);
        diff("disability", self.disability == before.disability);
        diff(
            "ethnic_minority",
            self.ethnic_minority == before.ethnic_minority,
        );
        diff("lgbt", self.lgbt == before.lgbt);
        diff("relationship", self.relationship == before.relationship);
        diff("residence", self.residence == before.residence);
        diff(
            "children_in_household",
            self.children_in_household == before.children_in_household,
        );
        diff("violence", self.violence == before.violence);
        diff("measures", self.measures == before.measures);
        diff("services", self.services == before.services);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(json: serde_json::Value) -> CaseFiguresInput {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn known_codes_are_kept_in_the_lists_order_without_repeats() {
        let f = input(serde_json::json!({
            "gender": "female", "age_band": " 25_34 ", "disability": "no", "lgbt": true,
            "violence": ["sexual", "physical", "sexual"], "children_in_household": 2,
            "services": "shelter, counselling",
        }))
        .parse()
        .unwrap();
        assert_eq!(f.gender.as_deref(), Some("female"));
        assert_eq!(f.age_band.as_deref(), Some("25_34"));
        assert_eq!(f.disability, Some(false));
        assert_eq!(f.lgbt, Some(true));
        assert_eq!(f.ethnic_minority, None);
        assert_eq!(f.violence, ["physical", "sexual"]);
        assert_eq!(f.services, ["counselling", "shelter"]);
        assert_eq!(f.children_in_household, Some(2));
    }

    #[test]
    fn an_unknown_value_names_its_field() {
        let e = input(serde_json::json!({
            "gender": "unknown", "violence": ["physical", "shouting"], "residence": "suburb",
            "disability": "maybe", "children_in_household": "21",
        }))
        .parse()
        .unwrap_err();
        for f in [
            "gender",
            "violence",
            "residence",
            "disability",
            "children_in_household",
        ] {
            assert!(e.field(f).is_some(), "{f} not named");
        }
        assert!(e.field("age_band").is_none());
    }

    #[test]
    fn the_sixteen_to_seventeen_flag_cannot_go_with_an_adult_age_band() {
        let e = input(serde_json::json!({ "age_band": "25_34", "aged_16_17": "yes" }))
            .parse()
            .unwrap_err();
        assert!(e.field("aged_16_17").is_some());
        let ok = input(serde_json::json!({ "age_band": "under_18", "aged_16_17": "yes" }))
            .parse()
            .unwrap();
        assert_eq!(ok.aged_16_17, Some(true));
    }

    #[test]
    fn ticked_boxes_of_the_form_read_as_codes() {
        let f: CaseFiguresInput =
            serde_json::from_value(serde_json::json!({ "measures": { "complaint_filed": "on" } }))
                .unwrap();
        assert_eq!(f.parse().unwrap().measures, ["complaint_filed"]);
    }

    #[test]
    fn an_empty_input_records_nothing_and_changes_name_fields_only() {
        let empty = CaseFiguresInput::default().parse().unwrap();
        assert_eq!(empty, CaseFigures::default());
        let some = input(serde_json::json!({ "gender": "female", "violence": ["economic"] }))
            .parse()
            .unwrap();
        assert_eq!(some.changed_from(&empty), ["gender", "violence"]);
    }
}
