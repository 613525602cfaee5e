//! Changes to a case, and the questions asked of the case list.

use super::*;

pub const CLOSING_REASON_MAX: usize = 2000;

/// A change to a case; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CasePatchInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<crate::cases::types::CaseStatus>))]
    pub status: Option<String>,
    /// Why the case is closed: required when the status changes to closed.
    #[serde(default)]
    pub closing_reason: Option<String>,
    /// `null` clears; an id sets.
    #[serde(default, with = "crate::users::types::double_option")]
    pub lead_agency_id: Option<Option<AgencyId>>,
    #[serde(default, with = "crate::users::types::double_option")]
    pub case_manager_id: Option<Option<UserId>>,
    #[serde(default, with = "crate::users::types::double_option")]
    pub case_responsible_id: Option<Option<UserId>>,
    /// The agencies the chair or coordinator added to the case (replaces that list).
    #[serde(default)]
    pub added_agency_ids: Option<Vec<AgencyId>>,
    /// When the initial assessment / intervention plan of the latest referral was done.
    #[serde(default, with = "crate::users::types::double_option")]
    pub initial_assessment_on: Option<Option<String>>,
    #[serde(default, with = "crate::users::types::double_option")]
    pub intervention_plan_on: Option<Option<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CasePatch {
    pub status: Option<CaseStatus>,
    /// Given with a change to closed (the service requires it then).
    pub closing_reason: Option<String>,
    pub lead_agency_id: Option<Option<AgencyId>>,
    pub case_manager_id: Option<Option<UserId>>,
    pub case_responsible_id: Option<Option<UserId>>,
    pub added_agency_ids: Option<Vec<AgencyId>>,
    pub initial_assessment_on: Option<Option<NaiveDate>>,
    pub intervention_plan_on: Option<Option<NaiveDate>>,
}

impl CasePatchInput {
    pub fn parse(&self, today: NaiveDate) -> Result<CasePatch, AppError> {
        let mut p = Problems::new();
        let mut day = |field: &str, v: &Option<Option<String>>| -> Option<Option<NaiveDate>> {
            match v {
                None => None,
                Some(None) => Some(None),
                Some(Some(s)) if s.trim().is_empty() => Some(None),
                Some(Some(s)) => match date(s, t::DATE_INVALID.as_str()) {
                    Ok(d) if d > today => {
                        p.add(field, t::DATE_FUTURE);
                        None
                    }
                    Ok(d) => Some(Some(d)),
                    Err(m) => {
                        p.add(field, m);
                        None
                    }
                },
            }
        };
        let initial_assessment_on = day("initial_assessment_on", &self.initial_assessment_on);
        let intervention_plan_on = day("intervention_plan_on", &self.intervention_plan_on);
        let status = self
            .status
            .as_deref()
            .and_then(|s| p.take("status", CaseStatus::parse(s)));
        let closing_reason = self
            .closing_reason
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        if closing_reason
            .as_ref()
            .is_some_and(|r| r.chars().count() > CLOSING_REASON_MAX)
        {
            p.add("closing_reason", t::CLOSING_REASON_LONG);
        }
        p.into_result()?;
        Ok(CasePatch {
            status,
            closing_reason: closing_reason.filter(|_| status == Some(CaseStatus::Closed)),
            lead_agency_id: self.lead_agency_id,
            case_manager_id: self.case_manager_id,
            case_responsible_id: self.case_responsible_id,
            added_agency_ids: self.added_agency_ids.clone(),
            initial_assessment_on,
            intervention_plan_on,
        })
    }
}

/// The case management form as the browser sends it: every choice as text, an empty one
/// meaning "none". Turned into a `CasePatchInput` on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseForm {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub closing_reason: Option<String>,
    #[serde(default)]
    pub lead_agency_id: Option<String>,
    #[serde(default)]
    pub case_manager_id: Option<String>,
    #[serde(default)]
    pub case_responsible_id: Option<String>,
    /// Ticked boxes only; `agencies_listed` tells "none ticked" from "not on the form".
    #[serde(default)]
    pub added_agency_ids: Option<Vec<String>>,
    #[serde(default)]
    pub agencies_listed: Option<String>,
    #[serde(default)]
    pub initial_assessment_on: Option<String>,
    #[serde(default)]
    pub intervention_plan_on: Option<String>,
}

impl CaseForm {
    pub fn into_patch(self) -> CasePatchInput {
        fn choice<T>(raw: Option<String>, wrap: fn(i64) -> T) -> Option<Option<T>> {
            raw.map(|s| s.trim().parse::<i64>().ok().map(wrap))
        }
        CasePatchInput {
            status: self.status,
            closing_reason: self.closing_reason,
            lead_agency_id: choice(self.lead_agency_id, AgencyId),
            case_manager_id: choice(self.case_manager_id, UserId),
            case_responsible_id: choice(self.case_responsible_id, UserId),
            added_agency_ids: match (self.added_agency_ids, self.agencies_listed) {
                (Some(v), _) => Some(
                    v.iter()
                        .filter_map(|s| s.trim().parse::<i64>().ok().map(AgencyId))
                        .collect(),
                ),
                (None, Some(_)) => Some(vec![]),
                (None, None) => None,
            },
            initial_assessment_on: self.initial_assessment_on.map(Some),
            intervention_plan_on: self.intervention_plan_on.map(Some),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RevealInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = crate::cases::types::RestrictedField))]
    pub field: String,
    #[serde(default)]
    pub reason: String,
}

/// Which agency's involvement through research to withdraw.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WithdrawResearchInput {
    #[serde(default, deserialize_with = "lenient::text")]
    pub agency_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct CaseFilter {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub agency_id: Option<String>,
}
