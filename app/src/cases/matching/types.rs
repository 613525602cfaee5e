use super::super::text as t;
use crate::ids::{CaseId, MatchId};
use serde::{Deserialize, Serialize};

/// A provisional case that may be the same victim as a known one: the pair of references,
/// for the coordinator and chair only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PendingMatch {
    pub id: MatchId,
    /// The case the referral opened.
    pub case_id: CaseId,
    pub case_reference: String,
    /// The known case with the same victim's name and date of birth.
    pub matched_case_id: CaseId,
    pub matched_reference: String,
    pub referring_agency_name: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MatchDecisionInput {
    /// "confirm" (the same victim: merge the cases) or "reject" (another person).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = crate::cases::matching::types::Decision))]
    pub decision: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Confirm,
    Reject,
}

impl Decision {
    pub fn parse(s: &str) -> Result<Decision, String> {
        match s.trim() {
            "confirm" => Ok(Decision::Confirm),
            "reject" => Ok(Decision::Reject),
            _ => Err(t::DECISION_INVALID.to_string()),
        }
    }

    pub fn state(self) -> &'static str {
        match self {
            Decision::Confirm => "confirmed",
            Decision::Reject => "rejected",
        }
    }
}

/// What a decision left: on confirm, the referral(s) now belong to `case_id` (the known case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MatchDecided {
    pub id: MatchId,
    pub decision: Decision,
    pub case_id: CaseId,
    pub reference: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_confirm_or_reject_is_a_decision() {
        assert_eq!(Decision::parse(" confirm "), Ok(Decision::Confirm));
        assert_eq!(Decision::parse("reject"), Ok(Decision::Reject));
        assert!(Decision::parse("").is_err());
        assert!(Decision::parse("merge").is_err());
    }
}
