//! The group's four referral criteria, computed exactly as the protocol states them.

use super::checklist::Checklist;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// "Yes" answers from which a referral is visible high risk.
pub const VISIBLE_HIGH_RISK_YES: u32 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Criteria {
    pub dash_yes: u32,
    pub visible_high_risk: bool,
    pub professional_judgement: bool,
    pub potential_escalation: bool,
    pub repeat: bool,
}

impl Criteria {
    pub fn any(&self) -> bool {
        self.visible_high_risk
            || self.professional_judgement
            || self.potential_escalation
            || self.repeat
    }

    /// The criteria met, named as the audit log keeps them (the same in every language).
    pub fn codes(&self) -> Vec<&'static str> {
        [
            (self.visible_high_risk, "visible_high_risk"),
            (self.professional_judgement, "professional_judgement"),
            (self.potential_escalation, "potential_escalation"),
            (self.repeat, "repeat"),
        ]
        .into_iter()
        .filter_map(|(met, code)| met.then_some(code))
        .collect()
    }

    /// The names of the criteria met, for lists and summaries.
    pub fn labels(&self) -> Vec<&'static str> {
        self.codes().into_iter().filter_map(label_of).collect()
    }
}

/// The name of a criterion in the current language, from the code the audit log keeps.
pub fn label_of(code: &str) -> Option<&'static str> {
    let m = match code {
        "visible_high_risk" => super::text::VISIBLE_HIGH_RISK,
        "professional_judgement" => super::text::PROFESSIONAL_JUDGEMENT,
        "potential_escalation" => super::text::POTENTIAL_ESCALATION,
        "repeat" => super::text::REPEAT,
        _ => return None,
    };
    Some(m.as_str())
}

/// Whether a referral made on `referred_on` repeats one made on `earlier`: it is at most
/// twelve months later — on or before the same calendar date a year on (29 February counts
/// to 28 February).
pub fn within_twelve_months(earlier: NaiveDate, referred_on: NaiveDate) -> bool {
    match earlier.checked_add_months(Months::new(12)) {
        Some(limit) => earlier <= referred_on && referred_on <= limit,
        None => false,
    }
}

pub struct Inputs<'a> {
    pub checklist: &'a Checklist,
    pub judgement_reasons: Option<&'a str>,
    pub incidents_last_12_months: u32,
    pub escalation_threshold: u32,
    /// `referred_on` of this victim's earlier referrals.
    pub earlier_referrals: &'a [NaiveDate],
    pub referred_on: NaiveDate,
}

pub fn compute(i: &Inputs) -> Criteria {
    let dash_yes = i.checklist.yes_count();
    Criteria {
        dash_yes,
        visible_high_risk: dash_yes >= VISIBLE_HIGH_RISK_YES,
        professional_judgement: i.judgement_reasons.is_some_and(|r| !r.trim().is_empty()),
        potential_escalation: i.incidents_last_12_months >= i.escalation_threshold,
        repeat: i
            .earlier_referrals
            .iter()
            .any(|e| within_twelve_months(*e, i.referred_on)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::checklist::Answer;

    fn checklist(yes: usize, unknown: usize) -> Checklist {
        let mut a = [Answer::No; 24];
        for (i, slot) in a.iter_mut().enumerate() {
            if i < yes {
                *slot = Answer::Yes;
            } else if i < yes + unknown {
                *slot = Answer::Unknown;
            }
        }
        Checklist(a)
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn with(c: &Checklist) -> Inputs<'_> {
        Inputs {
            checklist: c,
            judgement_reasons: None,
            incidents_last_12_months: 0,
            escalation_threshold: 3,
            earlier_referrals: &[],
            referred_on: d("2026-06-01"),
        }
    }

    #[test]
    fn thirteen_yes_is_not_visible_high_risk_and_fourteen_is() {
        let c13 = checklist(13, 0);
        let c14 = checklist(14, 0);
        assert!(!compute(&with(&c13)).visible_high_risk);
        assert!(compute(&with(&c14)).visible_high_risk);
        assert_eq!(compute(&with(&c14)).dash_yes, 14);
    }

    #[test]
    fn dont_know_is_not_counted_as_yes() {
        let c = checklist(13, 11);
        let r = compute(&with(&c));
        assert_eq!(r.dash_yes, 13);
        assert!(!r.visible_high_risk);
    }

    #[test]
    fn professional_judgement_needs_reasons_in_words() {
        let c = checklist(0, 0);
        let mut i = with(&c);
        i.judgement_reasons = Some("   ");
        assert!(!compute(&i).professional_judgement);
        i.judgement_reasons = Some("Threats with a knife reported by the school");
        assert!(compute(&i).professional_judgement);
    }

    #[test]
    fn escalation_is_incidents_at_or_above_the_threshold() {
        let c = checklist(0, 0);
        let mut i = with(&c);
        i.incidents_last_12_months = 2;
        assert!(!compute(&i).potential_escalation);
        i.incidents_last_12_months = 3;
        assert!(compute(&i).potential_escalation);
        i.escalation_threshold = 4;
        assert!(!compute(&i).potential_escalation);
    }

    #[test]
    fn a_referral_on_the_same_date_a_year_later_is_a_repeat_and_a_day_after_is_not() {
        assert!(within_twelve_months(d("2025-06-01"), d("2026-06-01")));
        assert!(!within_twelve_months(d("2025-06-01"), d("2026-06-02")));
        assert!(within_twelve_months(d("2025-06-01"), d("2025-06-01")));
        assert!(
            !within_twelve_months(d("2026-06-02"), d("2026-06-01")),
            "a later referral is not earlier"
        );
    }

    #[test]
    fn the_twelve_months_from_a_leap_day_end_on_the_last_day_of_february() {
        assert!(within_twelve_months(d("2024-02-29"), d("2025-02-28")));
        assert!(!within_twelve_months(d("2024-02-29"), d("2025-03-01")));
    }

    #[test]
    fn repeat_looks_at_every_earlier_referral() {
        let c = checklist(0, 0);
        let earlier = [d("2023-01-01"), d("2025-09-30")];
        let mut i = with(&c);
        i.earlier_referrals = &earlier;
        assert!(compute(&i).repeat);
        i.earlier_referrals = &earlier[..1];
        assert!(!compute(&i).repeat);
        assert!(!compute(&i).any());
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn the_audit_log_keeps_codes_that_read_back_as_the_criteria_names() {
        let c = Criteria {
            visible_high_risk: true,
            repeat: true,
            ..Default::default()
        };
        assert_eq!(c.codes(), ["visible_high_risk", "repeat"]);
        let named: Vec<_> = c.codes().into_iter().filter_map(label_of).collect();
        assert_eq!(named, c.labels());
        assert_eq!(label_of("Visible high risk"), None);
    }
}
