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
        match self {
            CaseStatus::Referred => "Referred",
            CaseStatus::Active => "Active",
            CaseStatus::Monitoring => "Monitoring",
            CaseStatus::Closed => "Closed",
        }
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

// ---------- what arrives ----------

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct VictimInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 120))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub date_of_birth: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 500))]
    pub safe_contact: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub safe_to_contact: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PerpetratorInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 120))]
    pub name: Option<String>,
    #[serde(default)]
    pub date_of_birth: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChildInput {
    #[serde(default)]
    pub initials: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub age: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConsentInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = crate::cases::types::VictimInformed))]
    pub victim_informed: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = crate::cases::types::ConsentToShare))]
    pub consent_to_share: String,
    #[serde(default)]
    pub lawful_basis: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct VictimVoiceInput {
    #[serde(default)]
    pub advocate_name: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub advocate_agency_id: Option<String>,
    #[serde(default)]
    pub views: Option<String>,
}

/// A referral as the form or the API sends it. `victim` is given with a new case
/// (`POST /cases`) and left out when referring an existing case again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReferralInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub referred_on: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub referring_agency_id: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 120))]
    pub referrer_name: Option<String>,
    #[serde(default)]
    pub victim: Option<VictimInput>,
    #[serde(default)]
    pub perpetrator: Option<PerpetratorInput>,
    #[serde(default)]
    pub children: Vec<ChildInput>,
    #[serde(default)]
    pub checklist: Vec<String>,
    #[serde(default)]
    pub judgement_reasons: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub incidents_last_12_months: Option<String>,
    #[serde(default)]
    pub consent: ConsentInput,
    #[serde(default)]
    pub victim_voice: Option<VictimVoiceInput>,
}

// ---------- parsed ----------

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Victim {
    pub name: String,
    pub date_of_birth: NaiveDate,
    pub safe_contact: Option<String>,
    pub safe_to_contact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perpetrator {
    pub name: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Child {
    pub initials: String,
    pub age: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub victim_informed: VictimInformed,
    pub consent_to_share: ConsentToShare,
    pub lawful_basis: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VictimVoice {
    pub advocate_name: Option<String>,
    pub advocate_agency_id: Option<AgencyId>,
    pub views: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub referred_on: NaiveDate,
    pub referring_agency_id: AgencyId,
    pub referrer_name: Option<String>,
    pub victim: Option<Victim>,
    pub perpetrator: Option<Perpetrator>,
    pub children: Vec<Child>,
    pub checklist: Checklist,
    pub judgement_reasons: Option<String>,
    pub incidents_last_12_months: u32,
    pub consent: Consent,
    pub victim_voice: VictimVoice,
}

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn limited(p: &mut Problems, field: &str, s: Option<String>, max: usize) -> Option<String> {
    match s {
        Some(v) if v.chars().count() > max => {
            p.add(field, format!("Use at most {max} characters."));
            None
        }
        other => other,
    }
}

fn date(s: &str, field_message: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| field_message.to_string())
}

fn name(s: &str, missing: &str) -> Result<String, String> {
    let v = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if v.is_empty() {
        Err(missing.into())
    } else if v.chars().count() > 120 {
        Err(t::NAME_TOO_LONG.into())
    } else {
        Ok(v)
    }
}

impl ReferralInput {
    /// Checks every field against today's date (UTC), reporting all problems at once.
    pub fn parse(&self, today: NaiveDate) -> Result<Referral, AppError> {
        let mut p = Problems::new();
        let referred_on = p.take(
            "referred_on",
            date(&self.referred_on, t::REFERRED_ON_INVALID),
        );
        if referred_on.is_some_and(|d| d > today) {
            p.add("referred_on", t::REFERRED_ON_FUTURE);
        }
        let referring_agency_id = match &self.referring_agency_id {
            None => {
                p.add("referring_agency_id", t::REFERRING_AGENCY_REQUIRED);
                None
            }
            Some(s) => p.take(
                "referring_agency_id",
                s.parse::<i64>()
                    .map(AgencyId)
                    .map_err(|_| t::REFERRING_AGENCY_REQUIRED.to_string()),
            ),
        };
        let referrer_name = limited(&mut p, "referrer_name", trimmed(&self.referrer_name), 120);

        let victim = self.victim.as_ref().map(|v| {
            let name = p.take("victim.name", name(&v.name, t::VICTIM_NAME_REQUIRED));
            let dob = p.take(
                "victim.date_of_birth",
                date(&v.date_of_birth, t::DOB_INVALID),
            );
            if dob.is_some_and(|d| d > today) {
                p.add("victim.date_of_birth", t::DOB_FUTURE);
            }
            let safe = match lenient::parse_bool(&v.safe_to_contact, t::SAFE_TO_CONTACT_REQUIRED) {
                Ok(Some(b)) => Some(b),
                Ok(None) => {
                    p.add("victim.safe_to_contact", t::SAFE_TO_CONTACT_REQUIRED);
                    None
                }
                Err(m) => {
                    p.add("victim.safe_to_contact", m);
                    None
                }
            };
            let contact = limited(&mut p, "victim.safe_contact", trimmed(&v.safe_contact), 500);
            (name, dob, safe, contact)
        });
        let perpetrator = self.perpetrator.as_ref().map(|x| {
            let n = limited(&mut p, "perpetrator.name", trimmed(&x.name), 120);
            let dob = trimmed(&x.date_of_birth)
                .and_then(|d| p.take("perpetrator.date_of_birth", date(&d, t::DOB_INVALID)));
            if dob.is_some_and(|d| d > today) {
                p.add("perpetrator.date_of_birth", t::DOB_FUTURE);
            }
            Perpetrator {
                name: n,
                date_of_birth: dob,
            }
        });

        let mut children = Vec::new();
        for (i, c) in self.children.iter().enumerate() {
            let initials = trimmed(&c.initials);
            // A blank row in the form is no child.
            if initials.is_none() && c.age.is_none() {
                continue;
            }
            let field = |f: &str| format!("children.{i}.{f}");
            let ok_initials = initials.filter(|s| {
                let letters = s.chars().filter(|c| c.is_alphabetic()).count();
                (1..=4).contains(&letters)
                    && s.chars().all(|c| c.is_alphabetic() || c == '.' || c == ' ')
            });
            if ok_initials.is_none() {
                p.add(&field("initials"), t::CHILD_INITIALS_INVALID);
            }
            let age = match lenient::parse_int(&c.age, 0, 17, t::CHILD_AGE_INVALID) {
                Ok(Some(a)) => Some(a as u8),
                Ok(None) => {
                    p.add(&field("age"), t::CHILD_AGE_INVALID);
                    None
                }
                Err(m) => {
                    p.add(&field("age"), m);
                    None
                }
            };
            if let (Some(initials), Some(age)) = (ok_initials, age) {
                children.push(Child {
                    initials: initials.to_uppercase(),
                    age,
                });
            }
        }
        if self.children.len() > 20 {
            p.add("children", t::TOO_MANY_CHILDREN);
        }

        let checklist = p.take("checklist", Checklist::parse(&self.checklist));
        let judgement_reasons = limited(
            &mut p,
            "judgement_reasons",
            trimmed(&self.judgement_reasons),
            4000,
        );
        let incidents = match lenient::parse_int(
            &self.incidents_last_12_months,
            0,
            1000,
            t::INCIDENTS_INVALID,
        ) {
            Ok(Some(n)) => Some(n as u32),
            Ok(None) => {
                p.add("incidents_last_12_months", t::INCIDENTS_INVALID);
                None
            }
            Err(m) => {
                p.add("incidents_last_12_months", m);
                None
            }
        };

        let informed = p.take(
            "consent.victim_informed",
            VictimInformed::parse(&self.consent.victim_informed),
        );
        let share = p.take(
            "consent.consent_to_share",
            ConsentToShare::parse(&self.consent.consent_to_share),
        );
        let lawful_basis = limited(
            &mut p,
            "consent.lawful_basis",
            trimmed(&self.consent.lawful_basis),
            2000,
        );
        if share.is_some_and(|s| s != ConsentToShare::Given) && lawful_basis.is_none() {
            p.add("consent.lawful_basis", t::LAWFUL_BASIS_REQUIRED);
        }

        let voice = match &self.victim_voice {
            None => VictimVoice::default(),
            Some(v) => VictimVoice {
                advocate_name: limited(
                    &mut p,
                    "victim_voice.advocate_name",
                    trimmed(&v.advocate_name),
                    120,
                ),
                advocate_agency_id: match &v.advocate_agency_id {
                    None => None,
                    Some(s) => p.take(
                        "victim_voice.advocate_agency_id",
                        s.parse::<i64>()
                            .map(AgencyId)
                            .map_err(|_| t::AGENCY_UNKNOWN.to_string()),
                    ),
                },
                views: limited(&mut p, "victim_voice.views", trimmed(&v.views), 4000),
            },
        };

        p.into_result()?;
        let victim = victim.map(|(n, d, s, c)| Victim {
            name: n.expect("checked"),
            date_of_birth: d.expect("checked"),
            safe_to_contact: s.expect("checked"),
            safe_contact: c,
        });
        Ok(Referral {
            referred_on: referred_on.expect("checked"),
            referring_agency_id: referring_agency_id.expect("checked"),
            referrer_name,
            victim,
            perpetrator,
            children,
            checklist: checklist.expect("checked"),
            judgement_reasons,
            incidents_last_12_months: incidents.expect("checked"),
            consent: Consent {
                victim_informed: informed.expect("checked"),
                consent_to_share: share.expect("checked"),
                lawful_basis,
            },
            victim_voice: voice,
        })
    }
}

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
                Some(Some(s)) => match date(s, t::DATE_INVALID) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    fn valid() -> ReferralInput {
        ReferralInput {
            referred_on: "2026-05-30".into(),
            referring_agency_id: Some("3".into()),
            victim: Some(VictimInput {
                name: "  Ana   Pop ".into(),
                date_of_birth: "1990-02-03".into(),
                safe_contact: None,
                safe_to_contact: Some("false".into()),
            }),
            children: vec![
                ChildInput {
                    initials: Some("a.p.".into()),
                    age: Some("7".into()),
                },
                ChildInput {
                    initials: None,
                    age: None,
                },
            ],
            checklist: vec!["no".into(); 24],
            incidents_last_12_months: Some("1".into()),
            consent: ConsentInput {
                victim_informed: "yes".into(),
                consent_to_share: "given".into(),
                lawful_basis: None,
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_referral_parses_and_blank_child_rows_are_skipped() {
        let r = valid().parse(today()).unwrap();
        let v = r.victim.unwrap();
        assert_eq!(v.name, "Ana Pop");
        assert!(!v.safe_to_contact);
        assert_eq!(
            r.children,
            vec![Child {
                initials: "A.P.".into(),
                age: 7
            }]
        );
        assert_eq!(r.incidents_last_12_months, 1);
    }

    #[test]
    fn a_referral_dated_tomorrow_is_refused() {
        let mut i = valid();
        i.referred_on = "2026-06-02".into();
        let e = i.parse(today()).unwrap_err();
        assert_eq!(
            e.field("referred_on").as_deref(),
            Some(t::REFERRED_ON_FUTURE)
        );
        i.referred_on = "2026-06-01".into();
        assert!(i.parse(today()).is_ok());
    }

    #[test]
    fn without_consent_a_lawful_basis_is_required() {
        let mut i = valid();
        i.consent.consent_to_share = "refused".into();
        let e = i.parse(today()).unwrap_err();
        assert!(e.field("consent.lawful_basis").is_some());
        i.consent.lawful_basis = Some("High risk of serious harm; police duty to share".into());
        assert!(i.parse(today()).is_ok());
    }

    #[test]
    fn every_problem_is_named_by_its_field_path() {
        let mut i = valid();
        i.victim.as_mut().unwrap().name = " ".into();
        i.victim.as_mut().unwrap().safe_to_contact = None;
        i.children[0].age = Some("19".into());
        i.checklist.pop();
        i.incidents_last_12_months = Some("many".into());
        i.referring_agency_id = None;
        let e = i.parse(today()).unwrap_err();
        for f in [
            "victim.name",
            "victim.safe_to_contact",
            "children.0.age",
            "checklist",
            "incidents_last_12_months",
            "referring_agency_id",
        ] {
            assert!(e.field(f).is_some(), "{f}: {e:?}");
        }
    }

    #[test]
    fn the_api_accepts_numbers_where_the_form_sends_text() {
        let json = r#"{"referred_on":"2026-05-01","referring_agency_id":3,"checklist":[],
            "incidents_last_12_months":4,"consent":{"victim_informed":"yes","consent_to_share":"given"},
            "children":[{"initials":"AB","age":5}]}"#;
        let i: ReferralInput = serde_json::from_str(json).unwrap();
        assert_eq!(i.referring_agency_id.as_deref(), Some("3"));
        assert_eq!(i.incidents_last_12_months.as_deref(), Some("4"));
        assert_eq!(i.children[0].age.as_deref(), Some("5"));
    }
}
