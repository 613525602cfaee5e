//! What leaves: a case as its readers see it.

use super::*;

// ---------- what leaves ----------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseCreated {
    pub id: CaseId,
    pub reference: String,
    /// Added to a case the referrer could already see. A new case is `false` whether or not
    /// the register knew the victim: that is for the coordinator to settle.
    pub existing_case: bool,
    pub referral_id: ReferralId,
    pub criteria: Criteria,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Assessment {
    pub criteria: Criteria,
    /// Questions of the checklist not yet answered (1-based), for the live summary.
    pub unanswered: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Deadline {
    Done {
        on: NaiveDate,
    },
    Due {
        by_unix: i64,
    },
    Overdue {
        by_unix: i64,
    },
    /// The case is closed or monitored: the stage no longer applies.
    NotApplicable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Deadlines {
    pub initial_assessment: Deadline,
    pub intervention_plan: Deadline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseSummary {
    pub id: CaseId,
    pub reference: String,
    pub status: CaseStatus,
    pub lead_agency_id: Option<AgencyId>,
    pub lead_agency_name: Option<String>,
    pub children_count: u32,
    pub referral_count: u32,
    pub last_referred_on: NaiveDate,
    pub criteria: Criteria,
    pub deadlines: Deadlines,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonRef {
    pub id: UserId,
    pub name: String,
    pub agency_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InvolvedAgency {
    pub id: AgencyId,
    pub name: String,
    /// referring, lead, added, action
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReferralView {
    pub id: ReferralId,
    pub referred_on: NaiveDate,
    pub registered_at: String,
    pub referring_agency_id: AgencyId,
    pub referring_agency_name: String,
    pub referrer: Option<String>,
    pub criteria: Criteria,
    pub checklist: Vec<Answer>,
    pub judgement_reasons: Option<String>,
    pub incidents_last_12_months: u32,
    pub victim_informed: VictimInformed,
    pub consent_to_share: ConsentToShare,
    pub lawful_basis: Option<String>,
    pub advocate_name: Option<String>,
    pub advocate_agency_name: Option<String>,
    pub victim_views: Option<String>,
    pub children_count: u32,
    pub initial_assessment_on: Option<NaiveDate>,
    pub intervention_plan_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseDetail {
    pub id: CaseId,
    pub reference: String,
    pub status: CaseStatus,
    pub lead_agency: Option<InvolvedAgency>,
    pub case_manager: Option<PersonRef>,
    pub case_responsible: Option<PersonRef>,
    pub agencies: Vec<InvolvedAgency>,
    pub children_ages: Vec<u8>,
    pub has_perpetrator_details: bool,
    /// Oldest first.
    pub referrals: Vec<ReferralView>,
    pub deadlines: Deadlines,
    /// The restricted fields this case holds; their values only come through `reveal`.
    pub restricted: Vec<RestrictedField>,
    /// The victim must not be contacted: shown to everyone who sees the case, with no detail.
    #[serde(default)]
    pub not_safe_to_contact: bool,
    /// Every action agreed on the case, open ones first; with the earlier ones and their
    /// outcomes the group sees what was tried when a case comes back.
    #[serde(default)]
    pub actions: Vec<crate::actions::types::Action>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Revealed {
    pub field: RestrictedField,
    pub value: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    pub at: String,
    pub at_unix: i64,
    pub what: String,
    pub who: Option<String>,
    pub detail: Option<String>,
}
