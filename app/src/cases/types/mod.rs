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
        crate::i18n::Msg(match self {
            VictimInformed::Yes => "common-yes",
            VictimInformed::No => "common-no",
            VictimInformed::UnsafeToInform => "cases-informed-unsafe",
        })
        .as_str()
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
        crate::i18n::Msg(match self {
            ConsentToShare::Given => "cases-consent-given",
            ConsentToShare::Refused => "cases-consent-refused",
            ConsentToShare::NotSought => "cases-consent-not-sought",
        })
        .as_str()
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
        crate::i18n::Msg(match self {
            RestrictedField::VictimName => "cases-field-victim-name",
            RestrictedField::VictimDateOfBirth => "cases-form-victim-dob",
            RestrictedField::VictimSafeContact => "cases-form-safe-contact",
            RestrictedField::SafeToContact => "cases-field-safe-to-contact",
            RestrictedField::PerpetratorName => "cases-form-perpetrator-name",
            RestrictedField::PerpetratorDateOfBirth => "cases-form-perpetrator-dob",
            RestrictedField::ChildrenInitials => "cases-field-children-initials",
        })
        .as_str()
    }
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| t::FIELD_INVALID.to_string())
    }
}

mod contact;
mod patch;
mod referral;
mod views;

pub use contact::*;
pub use patch::*;
pub use referral::*;
pub use views::*;

#[cfg(test)]
mod tests;
