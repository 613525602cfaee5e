//! Perpetrators go to structured programmes. Anger management, couples counselling, mediation
//! and family therapy put the victim in danger (mediation with the abuser also breaches the
//! Istanbul Convention), so an action that refers a perpetrator to them is refused.

use super::types::ActionKind;

const HARMFUL: &[&str] = &[
    "anger management",
    "anger-management",
    "couples counselling",
    "couples counseling",
    "couple counselling",
    "couple counseling",
    "couples therapy",
    "couple therapy",
    "marriage counselling",
    "marriage counseling",
    "relationship counselling",
    "mediation",
    "mediator",
    "family therapy",
    "family counselling",
    "family counseling",
];

pub const REFUSAL: &str = "A perpetrator must not be referred to anger management, couples counselling, mediation or family therapy: these put the victim in danger, and mediation with the abuser breaches the Istanbul Convention. Refer to a structured perpetrator programme (intake, assessment, individual or group work, follow-up), or, where none exists, to individual counselling aimed at stopping the violence and focused on the victim's safety.";

fn folded(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn check(kind: ActionKind, text: &str) -> Result<(), &'static str> {
    if kind != ActionKind::PerpetratorProgrammeReferral {
        return Ok(());
    }
    let t = folded(text);
    if HARMFUL.iter().any(|h| t.contains(h)) {
        Err(REFUSAL)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perpetrator_referral_to_anger_management_or_mediation_is_refused() {
        for bad in [
            "Refer him to ANGER  management",
            "Couples counselling with the victim",
            "Family mediation",
            "family therapy sessions",
        ] {
            assert_eq!(
                check(ActionKind::PerpetratorProgrammeReferral, bad),
                Err(REFUSAL),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_structured_programme_is_accepted_and_other_kinds_are_not_checked() {
        assert!(check(
            ActionKind::PerpetratorProgrammeReferral,
            "Refer to the domestic abuse perpetrator programme"
        )
        .is_ok());
        assert!(check(
            ActionKind::LegalAdvice,
            "Explain why mediation is not appropriate"
        )
        .is_ok());
    }
}
