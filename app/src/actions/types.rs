//! Actions on the wire.

use crate::error::{AppError, Problems};
use crate::ids::{ActionId, AgencyId, CaseId, MeetingId, UserId};
use crate::lenient;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

macro_rules! wire_enum {
    ($name:ident, $invalid:expr, [$($variant:ident => $wire:literal, $key:literal),+ $(,)?]) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $wire),+ } }
            /// The catalogue message of the label (for another person's language: `.in_lang`).
            pub fn msg(self) -> crate::i18n::Msg { crate::i18n::Msg(match self { $($name::$variant => $key),+ }) }
            /// The label in the current language.
            pub fn label(self) -> &'static str { self.msg().as_str() }
            pub fn parse(s: &str) -> Result<Self, String> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s.trim()).ok_or_else(|| $invalid.to_string())
            }
        }
    };
}

wire_enum!(ActionKind, super::text::KIND_INVALID, [
    SafetyPlanning => "safety_planning", "actions-kind-safety-planning",
    PoliceMarker => "police_marker", "actions-kind-police-marker",
    ProtectionOrderSupport => "protection_order_support", "actions-kind-protection-order-support",
    Housing => "housing", "actions-kind-housing",
    PerpetratorProgrammeReferral => "perpetrator_programme_referral", "actions-kind-perpetrator-programme-referral",
    ChildSafeguarding => "child_safeguarding", "actions-kind-child-safeguarding",
    Health => "health", "actions-kind-health",
    MentalHealth => "mental_health", "actions-kind-mental-health",
    SubstanceUse => "substance_use", "actions-kind-substance-use",
    LegalAdvice => "legal_advice", "actions-kind-legal-advice",
    AdvocateSupport => "advocate_support", "actions-kind-advocate-support",
    InformationSharing => "information_sharing", "actions-kind-information-sharing",
    Other => "other", "actions-kind-other",
]);

wire_enum!(ActionStatus, super::text::STATUS_INVALID, [
    Open => "open", "actions-status-open",
    InProgress => "in_progress", "actions-status-in-progress",
    Done => "done", "actions-status-done",
    NotDoneCircumstances => "not_done_circumstances", "actions-status-not-done-circumstances",
    NotDoneAgency => "not_done_agency", "actions-status-not-done-agency",
    Superseded => "superseded", "actions-status-superseded",
]);

wire_enum!(BarrierCategory, super::text::BARRIER_INVALID, [
    ResourcesCapacity => "resources_capacity", "actions-barrier-resources-capacity",
    LegalProcedural => "legal_procedural", "actions-barrier-legal-procedural",
    InformationSharing => "information_sharing", "actions-barrier-information-sharing",
    VictimEngagement => "victim_engagement", "actions-barrier-victim-engagement",
    InterAgencyCommunication => "inter_agency_communication", "actions-barrier-inter-agency-communication",
    Other => "other", "actions-barrier-other",
]);

impl ActionStatus {
    /// Done, not done, or superseded: the action is finished with.
    pub fn is_final(self) -> bool {
        !matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }

    pub fn is_not_done(self) -> bool {
        matches!(
            self,
            ActionStatus::NotDoneCircumstances | ActionStatus::NotDoneAgency
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Action {
    pub id: ActionId,
    pub case_id: CaseId,
    pub reference: String,
    pub meeting_id: Option<MeetingId>,
    pub owner_agency_id: AgencyId,
    pub owner_agency_name: String,
    pub owner_user_id: Option<UserId>,
    pub owner_user_name: Option<String>,
    pub kind: ActionKind,
    pub text: String,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    pub overdue: bool,
    pub superseded_by: Option<ActionId>,
    pub barrier_category: Option<BarrierCategory>,
    pub barrier_text: Option<String>,
    pub what_is_different: Option<String>,
    pub carried_over: u32,
    pub escalated: bool,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    pub at: String,
    pub at_unix: i64,
    pub who: Option<String>,
    pub meeting_id: Option<MeetingId>,
    pub from: Option<ActionStatus>,
    pub to: ActionStatus,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub due_from: Option<NaiveDate>,
    pub due_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewActionInput {
    #[serde(default, deserialize_with = "lenient::text")]
    pub case_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub meeting_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub owner_agency_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub owner_user_id: Option<String>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub due_on: String,
    /// Required when an action of this kind for this agency ended not done before on the case.
    #[serde(default)]
    pub what_is_different: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAction {
    pub case_id: CaseId,
    pub meeting_id: Option<MeetingId>,
    pub owner_agency_id: AgencyId,
    pub owner_user_id: Option<UserId>,
    pub kind: ActionKind,
    pub text: String,
    pub due_on: NaiveDate,
    pub what_is_different: Option<String>,
}

fn id_of<T>(
    p: &mut Problems,
    field: &str,
    raw: &Option<String>,
    wrap: fn(i64) -> T,
    required: bool,
    message: &str,
) -> Option<T> {
    match raw {
        None if required => {
            p.add(field, message);
            None
        }
        None => None,
        Some(s) => p.take(
            field,
            s.parse::<i64>().map(wrap).map_err(|_| message.to_string()),
        ),
    }
}

fn text_of(p: &mut Problems, field: &str, raw: &Option<String>, max: usize) -> Option<String> {
    let t = raw.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    if t.chars().count() > max {
        p.add(field, super::text::TOO_LONG.with(&[("max", max.into())]));
        None
    } else {
        Some(t.to_string())
    }
}

impl NewActionInput {
    pub fn parse(&self) -> Result<NewAction, AppError> {
        self.parse_at(None)
    }

    /// As `parse`; on a case item of a meeting the item gives the meeting and the case.
    pub fn parse_at(&self, item: Option<(MeetingId, CaseId)>) -> Result<NewAction, AppError> {
        use super::text as t;
        let mut p = Problems::new();
        let case_id = match item {
            Some((_, case)) => Some(case),
            None => id_of(
                &mut p,
                "case_id",
                &self.case_id,
                CaseId,
                true,
                t::CASE_REQUIRED.as_str(),
            ),
        };
        let meeting_id = match item {
            Some((meeting, _)) => Some(meeting),
            None => id_of(
                &mut p,
                "meeting_id",
                &self.meeting_id,
                MeetingId,
                false,
                t::MEETING_INVALID.as_str(),
            ),
        };
        let owner_agency_id = id_of(
            &mut p,
            "owner_agency_id",
            &self.owner_agency_id,
            AgencyId,
            true,
            t::AGENCY_REQUIRED.as_str(),
        );
        let owner_user_id = id_of(
            &mut p,
            "owner_user_id",
            &self.owner_user_id,
            UserId,
            false,
            t::PERSON_INVALID.as_str(),
        );
        let kind = p.take("kind", ActionKind::parse(&self.kind));
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            p.add("text", t::TEXT_REQUIRED);
        } else if text.chars().count() > 2000 {
            p.add("text", t::TEXT_TOO_LONG);
        }
        if let (Some(k), false) = (kind, text.is_empty()) {
            if let Err(m) = super::guard::check(k, &text) {
                p.add("text", m);
            }
        }
        let due_on = p.take(
            "due_on",
            NaiveDate::parse_from_str(self.due_on.trim(), "%Y-%m-%d")
                .map_err(|_| t::DUE_INVALID.to_string()),
        );
        let what_is_different = text_of(&mut p, "what_is_different", &self.what_is_different, 2000);
        p.into_result()?;
        Ok(NewAction {
            case_id: case_id.expect("checked"),
            meeting_id,
            owner_agency_id: owner_agency_id.expect("checked"),
            owner_user_id,
            kind: kind.expect("checked"),
            text,
            due_on: due_on.expect("checked"),
            what_is_different,
        })
    }
}

/// A change to an action: a new status (with a reason where needed), a progress note, a new
/// due date (with a reason), or the action that replaces it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActionPatchInput {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub barrier: Option<BarrierInput>,
    #[serde(default)]
    pub due_on: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub superseded_by: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The meeting at which the outcome is recorded, if any.
    #[serde(default, deserialize_with = "lenient::text")]
    pub meeting_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BarrierInput {
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPatch {
    pub status: Option<ActionStatus>,
    pub reason: Option<String>,
    pub barrier: Option<(BarrierCategory, Option<String>)>,
    pub due_on: Option<NaiveDate>,
    pub superseded_by: Option<ActionId>,
    pub note: Option<String>,
    pub meeting_id: Option<MeetingId>,
}

impl ActionPatchInput {
    pub fn parse(&self) -> Result<ActionPatch, AppError> {
        use super::text as t;
        let mut p = Problems::new();
        let status = self
            .status
            .as_deref()
            .filter(|s| !s.is_empty())
            .and_then(|s| p.take("status", ActionStatus::parse(s)));
        let reason = text_of(&mut p, "reason", &self.reason, 2000);
        let note = text_of(&mut p, "note", &self.note, 4000);
        let barrier = self
            .barrier
            .as_ref()
            .filter(|b| !b.category.trim().is_empty())
            .and_then(|b| {
                let c = p.take("barrier.category", BarrierCategory::parse(&b.category));
                let words = text_of(&mut p, "barrier.text", &b.text, 2000);
                c.map(|c| (c, words))
            });
        let due_on = self
            .due_on
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .and_then(|s| {
                p.take(
                    "due_on",
                    NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .map_err(|_| t::DUE_INVALID.to_string()),
                )
            });
        let superseded_by = id_of(
            &mut p,
            "superseded_by",
            &self.superseded_by,
            ActionId,
            false,
            t::SUPERSEDED_INVALID.as_str(),
        );
        let meeting_id = id_of(
            &mut p,
            "meeting_id",
            &self.meeting_id,
            MeetingId,
            false,
            t::MEETING_INVALID.as_str(),
        );
        if let Some(s) = status {
            if (s.is_not_done() || s == ActionStatus::Superseded) && reason.is_none() {
                p.add("reason", t::REASON_REQUIRED);
            }
            if s.is_not_done() && barrier.is_none() {
                p.add("barrier.category", t::BARRIER_REQUIRED);
            }
            if s == ActionStatus::Superseded && superseded_by.is_none() {
                p.add("superseded_by", t::SUPERSEDED_REQUIRED);
            }
        }
        if due_on.is_some() && reason.is_none() && status.is_none() {
            p.add("reason", t::DUE_REASON_REQUIRED);
        }
        if status.is_none() && due_on.is_none() && note.is_none() {
            p.add("status", t::NOTHING_TO_CHANGE);
        }
        p.into_result()?;
        Ok(ActionPatch {
            status,
            reason,
            barrier,
            due_on,
            superseded_by,
            note,
            meeting_id,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct ActionFilter {
    #[serde(default, deserialize_with = "lenient::text")]
    pub agency_id: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub case_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub meeting_id: Option<String>,
    /// "true": only open actions past their due date.
    #[serde(default, deserialize_with = "lenient::text")]
    pub overdue: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgencyFigures {
    pub agency_id: AgencyId,
    pub agency_name: String,
    pub due: u32,
    pub done: u32,
    /// done ÷ due, in percent (none when nothing was due).
    pub completion_rate: Option<f64>,
    pub overdue: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Escalation {
    pub action_id: ActionId,
    pub reference: String,
    pub agency_name: String,
    pub kind: ActionKind,
    pub carried_over: u32,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActionReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub due: u32,
    pub done: u32,
    pub completion_rate: Option<f64>,
    pub median_days_to_done: Option<f64>,
    pub by_agency: Vec<AgencyFigures>,
    /// Number of actions carried over 0, 1, 2, … times.
    pub carry_overs: Vec<(u32, u32)>,
    pub escalations: Vec<Escalation>,
    pub barriers: Vec<(BarrierCategory, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BarrierEntry {
    pub action_id: ActionId,
    pub reference: String,
    pub agency_id: AgencyId,
    pub agency_name: String,
    pub category: BarrierCategory,
    pub text: Option<String>,
    pub reason: Option<String>,
    pub period: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BarrierGroup {
    pub category: BarrierCategory,
    pub agency_name: String,
    pub period: String,
    pub count: u32,
    pub entries: Vec<BarrierEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: i64,
    /// assigned, due_soon, overdue, escalated
    pub kind: String,
    pub action_id: ActionId,
    pub reference: String,
    pub text: String,
    pub created_at: String,
    pub read: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_done_needs_a_reason_and_a_barrier() {
        let e = ActionPatchInput {
            status: Some("not_done_agency".into()),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.field("reason").is_some());
        assert!(e.field("barrier.category").is_some());
        let ok = ActionPatchInput {
            status: Some("not_done_agency".into()),
            reason: Some("No worker available".into()),
            barrier: Some(BarrierInput {
                category: "resources_capacity".into(),
                text: None,
            }),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(ok.barrier.unwrap().0, BarrierCategory::ResourcesCapacity);
    }

    #[test]
    fn superseded_names_its_replacement_and_a_new_due_date_needs_a_reason() {
        let e = ActionPatchInput {
            status: Some("superseded".into()),
            reason: Some("x".into()),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.field("superseded_by").is_some());
        let e = ActionPatchInput {
            due_on: Some("2027-01-01".into()),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.field("reason").is_some());
        assert!(
            ActionPatchInput::default().parse().is_err(),
            "an empty change is refused"
        );
    }

    #[test]
    fn a_new_action_names_every_missing_field() {
        let e = NewActionInput::default().parse().unwrap_err();
        for f in ["case_id", "owner_agency_id", "kind", "text", "due_on"] {
            assert!(e.field(f).is_some(), "{f}");
        }
    }

    #[test]
    fn final_statuses_are_done_not_done_and_superseded() {
        assert!(!ActionStatus::Open.is_final() && !ActionStatus::InProgress.is_final());
        for s in [
            ActionStatus::Done,
            ActionStatus::NotDoneAgency,
            ActionStatus::NotDoneCircumstances,
            ActionStatus::Superseded,
        ] {
            assert!(s.is_final());
        }
    }
}
