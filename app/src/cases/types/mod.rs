//! Cases and referrals on the wire: what arrives (raw, checked by `parse`) and what leaves.
//! Restricted fields are never part of what leaves, except through `Revealed`.

use super::checklist::{Answer, Checklist};
use super::criteria::Criteria;
use super::text as t;
use crate::error::{AppError, Problems};
use crate::ids::{AgencyId, CaseId, ReferralId, UserId};
use crate::lenient;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Referred,
    Active,
    Monitoring,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 4] = [
        CaseStatus::Referred,
        CaseStatus::Active,
        CaseStatus::Monitoring,
        CaseStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Referred => "referred",
            CaseStatus::Active => "active",
            CaseStatus::Monitoring => "monitoring",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        crate::i18n::Msg(match self {
            CaseStatus::Referred => "case-status-referred",
            CaseStatus::Active => "case-status-active",
            CaseStatus::Monitoring => "case-status-monitoring",
            CaseStatus::Closed => "case-status-closed",
        })
        .as_str()
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| t::STATUS_INVALID.to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VictimInformed {
    Yes,
    No,
    UnsafeToInform,
}

impl VictimInformed {
    pub const ALL: [VictimInformed; 3] = [
        VictimInformed::Yes,
        VictimInformed::No,
        VictimInformed::UnsafeToInform,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            VictimInformed::Yes => "yes",
            VictimInformed::No => "no",
            VictimInformed::UnsafeToInform => "unsafe_to_inform",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            VictimInformed::Yes => "Yes",
            VictimInformed::No => "No",
            VictimInformed::UnsafeToInform => "No – it is not safe to inform her",
        }
    }
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| t::INFORMED_INVALID.to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentToShare {
    Given,
    Refused,
    NotSought,
}

impl ConsentToShare {
    pub const ALL: [ConsentToShare; 3] = [
        ConsentToShare::Given,
        ConsentToShare::Refused,
        ConsentToShare::NotSought,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentToShare::Given => "given",
            ConsentToShare::Refused => "refused",
            ConsentToShare::NotSought => "not_sought",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ConsentToShare::Given => "Given",
            ConsentToShare::Refused => "Refused",
            ConsentToShare::NotSought => "Not sought",
        }
    }
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| t::CONSENT_INVALID.to_string())
    }
}

/// The restricted fields of a case, as named by `reveal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RestrictedField {
    VictimName,
    VictimDateOfBirth,
    VictimSafeContact,
    SafeToContact,
    PerpetratorName,
    PerpetratorDateOfBirth,
    ChildrenInitials,
}

impl RestrictedField {
    pub const ALL: [RestrictedField; 7] = [
        RestrictedField::VictimName,
        RestrictedField::VictimDateOfBirth,
        RestrictedField::VictimSafeContact,
        RestrictedField::SafeToContact,
        RestrictedField::PerpetratorName,
        RestrictedField::PerpetratorDateOfBirth,
        RestrictedField::ChildrenInitials,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            RestrictedField::VictimName => "victim_name",
            RestrictedField::VictimDateOfBirth => "victim_date_of_birth",
            RestrictedField::VictimSafeContact => "victim_safe_contact",
            RestrictedField::SafeToContact => "safe_to_contact",
            RestrictedField::PerpetratorName => "perpetrator_name",
            RestrictedField::PerpetratorDateOfBirth => "perpetrator_date_of_birth",
            RestrictedField::ChildrenInitials => "children_initials",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            RestrictedField::VictimName => "Victim's name",
            RestrictedField::VictimDateOfBirth => "Victim's date of birth",
            RestrictedField::VictimSafeContact => "Safe contact details",
            RestrictedField::SafeToContact => "Safe to contact?",
            RestrictedField::PerpetratorName => "Perpetrator's name",
            RestrictedField::PerpetratorDateOfBirth => "Perpetrator's date of birth",
            RestrictedField::ChildrenInitials => "Children's initials",
        }
    }
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| t::FIELD_INVALID.to_string())
    }
}

mod patch;
mod referral;
mod views;

pub use patch::*;
pub use referral::*;
pub use views::*;

#[cfg(test)]
mod tests;
