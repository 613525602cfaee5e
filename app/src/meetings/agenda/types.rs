//! The agenda on the wire.

use super::super::types::Meeting;
use crate::cases::criteria::Criteria;
use crate::cases::types::CaseStatus;
use crate::ids::{AgencyId, CaseId, ItemId, MeetingId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Confidentiality,
    PreviousMinutes,
    IncompleteActions,
    NewCaseChildren,
    NewCase,
    Review,
    TwelveMonthNotice,
    Barriers,
    Aob,
    Other,
}

impl ItemKind {
    pub const ALL: [ItemKind; 10] = [
        ItemKind::Confidentiality,
        ItemKind::PreviousMinutes,
        ItemKind::IncompleteActions,
        ItemKind::NewCaseChildren,
        ItemKind::NewCase,
        ItemKind::Review,
        ItemKind::TwelveMonthNotice,
        ItemKind::Barriers,
        ItemKind::Aob,
        ItemKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Confidentiality => "confidentiality",
            ItemKind::PreviousMinutes => "previous_minutes",
            ItemKind::IncompleteActions => "incomplete_actions",
            ItemKind::NewCaseChildren => "new_case_children",
            ItemKind::NewCase => "new_case",
            ItemKind::Review => "review",
            ItemKind::TwelveMonthNotice => "twelve_month_notice",
            ItemKind::Barriers => "barriers",
            ItemKind::Aob => "aob",
            ItemKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The heading of the agenda section the item belongs to (SafeLives order).
    pub fn section(self) -> &'static str {
        crate::i18n::Msg(match self {
            ItemKind::Confidentiality => "agenda-section-confidentiality",
            ItemKind::PreviousMinutes => "agenda-section-previous-minutes",
            ItemKind::IncompleteActions => "agenda-section-incomplete-actions",
            ItemKind::NewCaseChildren => "agenda-section-new-case-children",
            ItemKind::NewCase => "agenda-section-new-case",
            ItemKind::Review => "agenda-section-review",
            ItemKind::TwelveMonthNotice => "agenda-section-twelve-months",
            ItemKind::Barriers => "agenda-section-barriers",
            ItemKind::Aob => "agenda-section-aob",
            ItemKind::Other => "agenda-section-other",
        })
        .as_str()
    }

    pub fn is_case(self) -> bool {
        matches!(
            self,
            ItemKind::NewCaseChildren
                | ItemKind::NewCase
                | ItemKind::Review
                | ItemKind::TwelveMonthNotice
        )
    }

    /// Fixed items' default minutes; case items use the group's setting.
    pub fn default_minutes(self, case_minutes: u32) -> u32 {
        match self {
            ItemKind::Confidentiality | ItemKind::PreviousMinutes => 5,
            ItemKind::IncompleteActions => 15,
            ItemKind::TwelveMonthNotice => 2,
            ItemKind::Barriers | ItemKind::Aob | ItemKind::Other => 10,
            _ => case_minutes,
        }
    }
}

/// What a case item may show: never names; details only on need-to-know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgendaCaseDetails {
    pub status: CaseStatus,
    pub criteria: Criteria,
    pub children_count: u32,
    pub referring_agencies: Vec<String>,
    pub lead_agency: Option<String>,
    pub referral_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResearchChip {
    pub agency_id: AgencyId,
    pub agency_name: String,
    /// "holds" or "no_trace".
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgendaItem {
    pub id: ItemId,
    pub position: u32,
    pub kind: ItemKind,
    pub title: String,
    pub case_id: Option<CaseId>,
    pub reference: Option<String>,
    /// Present when the viewer may see the case (and, in session, has acknowledged).
    pub details: Option<AgendaCaseDetails>,
    /// Agencies that have sent their research for this case.
    pub research: Vec<ResearchChip>,
    pub minutes: u32,
    /// When the item is expected to start, counting the time budgets before it.
    pub starts_unix: i64,
    pub manual: bool,
    pub notes: Option<String>,
    pub removed: bool,
    pub removed_reason: Option<String>,
    pub deferred_to: Option<MeetingId>,
    /// On the "actions not completed" item: every unfinished action brought back.
    #[serde(default)]
    pub actions: Vec<AgendaAction>,
}

/// An unfinished action on the agenda. Its words and history follow need-to-know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgendaAction {
    pub id: crate::ids::ActionId,
    pub case_id: CaseId,
    pub reference: String,
    pub owner_agency_name: String,
    pub kind: crate::actions::types::ActionKind,
    pub due_on: chrono::NaiveDate,
    pub status: crate::actions::types::ActionStatus,
    pub overdue: bool,
    pub carried_over: u32,
    pub escalated: bool,
    pub text: Option<String>,
    pub history: Vec<crate::actions::types::HistoryEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgendaChange {
    pub at: String,
    pub at_unix: i64,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PreviousMeeting {
    pub id: MeetingId,
    pub starts_at_unix: i64,
    pub minutes_approved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Agenda {
    pub meeting: Meeting,
    /// In order; removed items are listed last with `removed: true`.
    pub items: Vec<AgendaItem>,
    pub expected_end_unix: i64,
    /// Minutes past the meeting's end at which the agenda would finish (0 when it fits).
    pub overrun_minutes: i64,
    pub built: bool,
    pub changes_since_publication: Vec<AgendaChange>,
    /// The meeting is in session and the viewer has not yet acknowledged confidentiality:
    /// case details are held back until they do.
    pub must_acknowledge: bool,
    pub previous_meeting: Option<PreviousMeeting>,
    pub marking: String,
    pub viewer: String,
    pub viewed_at: String,
}

/// One change to an agenda, as the coordinator makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum AgendaOp {
    /// Move the item to `position` (1-based).
    Move {
        item_id: ItemId,
        position: u32,
    },
    Remove {
        item_id: ItemId,
        reason: String,
    },
    Restore {
        item_id: ItemId,
    },
    /// Take the item off this agenda and put it on the next meeting's.
    Defer {
        item_id: ItemId,
    },
    SetMinutes {
        item_id: ItemId,
        minutes: u32,
    },
    SetNotes {
        item_id: ItemId,
        notes: String,
    },
    Add {
        kind: ItemKind,
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        case_id: Option<CaseId>,
        #[serde(default)]
        minutes: Option<u32>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgendaPatch {
    pub operations: Vec<AgendaOp>,
}

/// One agenda change as the agenda page's small forms send it: the `op` and its fields.
/// `op()` makes it the `AgendaOp` the HTTP API receives, so both go one way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaOpForm {
    pub op: String,
    pub item_id: Option<ItemId>,
    pub position: Option<u32>,
    pub reason: Option<String>,
    pub minutes: Option<String>,
    pub title: Option<String>,
}

impl AgendaOpForm {
    pub fn op(self) -> Result<AgendaOp, crate::error::AppError> {
        use crate::error::AppError;
        let item = || {
            self.item_id
                .ok_or_else(|| AppError::validation("item_id", text::UNKNOWN_ITEM))
        };
        let minutes = match self.minutes.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(m) => Some(
                m.parse::<u32>()
                    .map_err(|_| AppError::validation("minutes", text::MINUTES_INVALID))?,
            ),
        };
        Ok(match self.op.as_str() {
            "move" => AgendaOp::Move {
                item_id: item()?,
                position: self.position.unwrap_or(0),
            },
            "remove" => AgendaOp::Remove {
                item_id: item()?,
                reason: self.reason.unwrap_or_default(),
            },
            "restore" => AgendaOp::Restore { item_id: item()? },
            "defer" => AgendaOp::Defer { item_id: item()? },
            "set_minutes" => AgendaOp::SetMinutes {
                item_id: item()?,
                minutes: minutes
                    .ok_or_else(|| AppError::validation("minutes", text::MINUTES_INVALID))?,
            },
            "add" => AgendaOp::Add {
                kind: ItemKind::Other,
                title: self.title,
                case_id: None,
                minutes,
            },
            _ => return Err(AppError::validation("op", text::UNKNOWN_CHANGE)),
        })
    }
}

/// The words the form's decoding needs on both sides (the service has the rest).
pub mod text {
    use crate::i18n::Msg;
    pub const UNKNOWN_ITEM: Msg = Msg("agenda-unknown-item");
    pub const MINUTES_INVALID: Msg = Msg("agenda-minutes-invalid");
    pub const UNKNOWN_CHANGE: Msg = Msg("agenda-unknown-change");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;

    fn form(op: &str) -> AgendaOpForm {
        AgendaOpForm {
            op: op.into(),
            item_id: Some(ItemId(7)),
            ..Default::default()
        }
    }

    fn field_of(e: AppError) -> String {
        match e {
            AppError::Validation { fields } => fields.into_keys().collect::<Vec<_>>().join(","),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn the_agenda_form_becomes_the_same_change_the_api_takes() {
        let set = AgendaOpForm {
            minutes: Some(" 12 ".into()),
            ..form("set_minutes")
        };
        assert_eq!(
            set.op().unwrap(),
            AgendaOp::SetMinutes {
                item_id: ItemId(7),
                minutes: 12
            }
        );
        let add = AgendaOpForm {
            item_id: None,
            title: Some("Room booking".into()),
            minutes: Some(String::new()),
            ..form("add")
        };
        assert_eq!(
            add.op().unwrap(),
            AgendaOp::Add {
                kind: ItemKind::Other,
                title: Some("Room booking".into()),
                case_id: None,
                minutes: None
            }
        );
    }

    #[test]
    fn agenda_and_minutes_words_read_in_romanian_with_their_plural_forms() {
        use crate::i18n::{Lang, Msg};
        let ro = Lang::parse("ro").unwrap();
        let n = |key: &'static str, name: &'static str, count: i64| {
            Msg(key).with_in(ro, &[(name, count.into()), ("title", "Locuință".into())])
        };
        assert_eq!(
            n("agenda-change-rebuilt", "count", 1),
            "Un punct a fost adăugat la reîntocmirea ordinii de zi."
        );
        assert_eq!(
            n("agenda-change-rebuilt", "count", 3),
            "3 puncte au fost adăugate la reîntocmirea ordinii de zi."
        );
        assert_eq!(
            n("agenda-overrun", "minutes", 25),
            "Ordinea de zi depășește cu 25 de minute timpul programat. Scurtați sau amânați unele puncte."
        );
        assert_eq!(n("agenda-children", "count", 2), "2 copii");
        assert_eq!(
            n("agenda-change-minutes", "minutes", 10),
            "„Locuință” are acum 10 minute."
        );
        assert_eq!(
            Msg("agenda-section-review").in_lang(ro),
            "Cazuri pentru reevaluare"
        );
        // English keeps the words the code had.
        let en = Lang::english();
        assert_eq!(
            Msg("agenda-overrun").with_in(en, &[("minutes", 25i64.into())]),
            "The agenda runs 25 minutes over the time booked. Shorten or defer some items."
        );
        assert_eq!(
            Msg("agenda-section-new-case-children").in_lang(en),
            "New cases with children in the household"
        );
    }

    #[test]
    fn a_bad_agenda_form_names_the_field_that_is_wrong() {
        let lots = AgendaOpForm {
            minutes: Some("lots".into()),
            ..form("set_minutes")
        };
        assert_eq!(field_of(lots.op().unwrap_err()), "minutes");
        let no_item = AgendaOpForm {
            item_id: None,
            ..form("defer")
        };
        assert_eq!(field_of(no_item.op().unwrap_err()), "item_id");
        assert_eq!(field_of(form("shuffle").op().unwrap_err()), "op");
    }
}
