//! The live meeting's messages on the socket (JSON text frames). Documented for people in
//! `docs/live-protocol.md`; the browser client, the server, the tests and the load tool all
//! use these types.

use crate::actions::types::{Action, ActionPatchInput, NewActionInput};
use crate::error::AppError;
use crate::ids::{ActionId, AgencyId, CaseId, ItemId, MeetingId, UserId};
use crate::meetings::agenda::types::{AgendaAction, ItemKind};
use crate::meetings::types::MeetingStatus;
use serde::{Deserialize, Serialize};

/// Larger text frames are refused with an error; far larger ones end the connection.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;
/// A client further behind than this gets a fresh snapshot instead of a replay.
pub const MAX_REPLAY: i64 = 500;
/// The tracing target of the event the server logs right after a change's transaction commits
/// (fields `meeting` and `seq`). Part of the contract with the load tool (`server/bench`), which
/// reads these lines from the server's log for the moment of each commit.
pub const COMMITTED_TARGET: &str = "convene::live::committed";

/// What a client sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMsg {
    /// First message: `last_seq` is the last sequence number the client holds, if any.
    Join { last_seq: Option<i64> },
    /// Heartbeat; answered with `pong`.
    Ping,
    /// A change, applied once per `key` (an idempotency key the client makes up).
    Change { key: String, change: Box<Change> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    StartSession,
    EndSession,
    Next,
    Previous,
    GoTo {
        item_id: ItemId,
    },
    /// Starts (`running: true`) or pauses the current item's timer.
    Timer {
        running: bool,
    },
    /// The children's cases are over: children's-services-only agencies leave.
    ChildrenDone,
    Contribute {
        item_id: ItemId,
        body: String,
    },
    SaveSummary {
        item_id: ItemId,
        /// The version the editor started from; 0 when there was none.
        base_version: i64,
        summary: String,
        decisions: String,
    },
    AgreeAction {
        item_id: ItemId,
        action: NewActionInput,
    },
    /// The outcome of an earlier action brought back to this meeting.
    RecordOutcome {
        action_id: ActionId,
        outcome: ActionPatchInput,
    },
}

impl Change {
    pub fn name(&self) -> &'static str {
        match self {
            Change::StartSession => "start_session",
            Change::EndSession => "end_session",
            Change::Next => "next",
            Change::Previous => "previous",
            Change::GoTo { .. } => "go_to",
            Change::Timer { .. } => "timer",
            Change::ChildrenDone => "children_done",
            Change::Contribute { .. } => "contribute",
            Change::SaveSummary { .. } => "save_summary",
            Change::AgreeAction { .. } => "agree_action",
            Change::RecordOutcome { .. } => "record_outcome",
        }
    }
}

/// The `closing` reason for a socket that kept sending changes over its cap.
pub const CLOSING_TOO_MANY_CHANGES: &str = "too_many_changes";

/// What the server sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg {
    /// The whole state as this viewer may see it, up to and including `seq`.
    Snapshot {
        seq: i64,
        state: Box<LiveState>,
    },
    Event {
        seq: i64,
        event: Box<Event>,
    },
    /// A committed change this viewer may not see: only its number, so that gaps show.
    Hidden {
        seq: i64,
    },
    /// The change sent with `key` is committed as `seq` (sent after the commit).
    Ack {
        key: String,
        seq: i64,
    },
    /// The change sent with `key` was refused; nothing was written.
    Refused {
        key: Option<String>,
        error: AppError,
    },
    /// Who is connected now (not numbered: nothing is committed).
    Presence {
        people: Vec<Present>,
    },
    Pong,
    /// The server is closing the connection, and why (e.g. `signed_out`).
    Closing {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The meeting started or ended; `timers` are those it paused.
    Status {
        status: MeetingStatus,
        current_item_id: Option<ItemId>,
        #[serde(default)]
        timers: Vec<(ItemId, Timer)>,
    },
    /// Everyone follows the chair to this item; `timers` are those the move paused.
    Current {
        item_id: Option<ItemId>,
        #[serde(default)]
        timers: Vec<(ItemId, Timer)>,
    },
    Timer {
        item_id: ItemId,
        timer: Timer,
    },
    ChildrenDone,
    Contribution {
        item_id: ItemId,
        contribution: Contribution,
    },
    Summary {
        item_id: ItemId,
        summary: Summary,
    },
    ActionAgreed {
        item_id: ItemId,
        action: Action,
    },
    Outcome {
        action: Action,
    },
}

impl Event {
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Status { .. } => "status",
            Event::Current { .. } => "current",
            Event::Timer { .. } => "timer",
            Event::ChildrenDone => "children_done",
            Event::Contribution { .. } => "contribution",
            Event::Summary { .. } => "summary",
            Event::ActionAgreed { .. } => "action_agreed",
            Event::Outcome { .. } => "outcome",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Timer {
    /// Milliseconds used before the current run.
    pub used_ms: i64,
    /// When the current run started (unix milliseconds), while the timer runs.
    pub running_since_ms: Option<i64>,
}

impl Timer {
    pub fn used_at(&self, now_ms: i64) -> i64 {
        self.used_ms + self.running_since_ms.map_or(0, |s| (now_ms - s).max(0))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Contribution {
    pub id: i64,
    pub author: String,
    pub agency: Option<String>,
    pub body_md: String,
    /// Rendered and sanitised on the server.
    pub body_html: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Summary {
    pub version: i64,
    pub summary_md: String,
    pub decisions_md: String,
    pub summary_html: String,
    pub decisions_html: String,
    pub by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Present {
    pub user_id: UserId,
    pub name: String,
    pub agency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LiveItem {
    pub id: ItemId,
    pub position: u32,
    pub kind: ItemKind,
    pub title: String,
    pub minutes: u32,
    pub timer: Timer,
    pub case_id: Option<CaseId>,
    /// A case item the viewer may see; otherwise only its reference is shown.
    pub visible: bool,
    /// The case's victim must not be contacted (shown as a warning, with no detail; only on an
    /// item the viewer may see).
    #[serde(default)]
    pub not_safe_to_contact: bool,
    pub contributions: Vec<Contribution>,
    pub summary: Summary,
    pub actions: Vec<Action>,
    /// On the "actions not completed" item: the earlier actions brought back.
    pub earlier: Vec<AgendaAction>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgencyChoice {
    pub id: AgencyId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LiveState {
    pub meeting_id: MeetingId,
    /// The last change this state includes.
    pub seq: i64,
    pub title: String,
    pub status: MeetingStatus,
    pub current_item_id: Option<ItemId>,
    pub children_done: bool,
    /// The viewer's agency attends only the children's cases and they are over.
    pub left_after_children: bool,
    /// The viewer may run the meeting (start, move, timer, cut-off, end).
    pub may_chair: bool,
    /// The viewer may keep summaries and agree actions.
    pub may_record: bool,
    pub items: Vec<LiveItem>,
    pub agencies: Vec<AgencyChoice>,
    pub people: Vec<Present>,
    pub now_ms: i64,
}

impl LiveState {
    pub fn item_mut(&mut self, id: ItemId) -> Option<&mut LiveItem> {
        self.items.iter_mut().find(|i| i.id == id)
    }

    fn set_timers(&mut self, timers: &[(ItemId, Timer)]) {
        for (id, timer) in timers {
            if let Some(i) = self.item_mut(*id) {
                i.timer = *timer;
            }
        }
    }

    /// Applies one event to the state, as every client does on receipt.
    pub fn apply(&mut self, event: &Event) {
        match event {
            Event::Status {
                status,
                current_item_id,
                timers,
            } => {
                self.status = *status;
                self.current_item_id = *current_item_id;
                self.set_timers(timers);
            }
            Event::Current { item_id, timers } => {
                self.current_item_id = *item_id;
                self.set_timers(timers);
            }
            Event::Timer { item_id, timer } => {
                if let Some(i) = self.item_mut(*item_id) {
                    i.timer = *timer;
                }
            }
            Event::ChildrenDone => self.children_done = true,
            Event::Contribution {
                item_id,
                contribution,
            } => {
                if let Some(i) = self.item_mut(*item_id) {
                    if !i.contributions.iter().any(|c| c.id == contribution.id) {
                        i.contributions.push(contribution.clone());
                    }
                }
            }
            Event::Summary { item_id, summary } => {
                if let Some(i) = self.item_mut(*item_id) {
                    if summary.version > i.summary.version {
                        i.summary = summary.clone();
                    }
                }
            }
            Event::ActionAgreed { item_id, action } => {
                if let Some(i) = self.item_mut(*item_id) {
                    if !i.actions.iter().any(|a| a.id == action.id) {
                        i.actions.push(action.clone());
                    }
                }
            }
            Event::Outcome { action } => {
                for i in &mut self.items {
                    for e in i.earlier.iter_mut().filter(|e| e.id == action.id) {
                        e.status = action.status;
                        e.due_on = action.due_on;
                    }
                    for a in i.actions.iter_mut().filter(|a| a.id == action.id) {
                        *a = action.clone();
                    }
                }
            }
        }
    }
}

/// An idempotency key: 1 to 64 letters, digits, `-` or `_`.
pub fn valid_key(key: &str) -> bool {
    (1..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_reads_from_the_documented_json() {
        let m: ClientMsg = serde_json::from_str(
            r#"{"type":"change","key":"k-1","change":{"op":"contribute","item_id":7,"body":"Hi"}}"#,
        )
        .unwrap();
        assert_eq!(
            m,
            ClientMsg::Change {
                key: "k-1".into(),
                change: Box::new(Change::Contribute {
                    item_id: ItemId(7),
                    body: "Hi".into()
                })
            }
        );
        let j: ClientMsg = serde_json::from_str(r#"{"type":"join","last_seq":null}"#).unwrap();
        assert_eq!(j, ClientMsg::Join { last_seq: None });
    }

    #[test]
    fn server_messages_carry_their_type_and_seq() {
        let s = serde_json::to_value(ServerMsg::Ack {
            key: "a".into(),
            seq: 4,
        })
        .unwrap();
        assert_eq!(s, serde_json::json!({"type":"ack","key":"a","seq":4}));
        let e = serde_json::to_value(ServerMsg::Event {
            seq: 9,
            event: Box::new(Event::Current {
                item_id: Some(ItemId(3)),
                timers: vec![],
            }),
        })
        .unwrap();
        assert_eq!(
            e,
            serde_json::json!({"type":"event","seq":9,"event":{"kind":"current","item_id":3,"timers":[]}})
        );
    }

    #[test]
    fn keys_are_short_and_plain() {
        assert!(valid_key("abc-DEF_123"));
        assert!(!valid_key(""));
        assert!(!valid_key(&"x".repeat(65)));
        assert!(!valid_key("a b"));
    }

    #[test]
    fn a_running_timer_counts_from_its_start() {
        let t = Timer {
            used_ms: 1000,
            running_since_ms: Some(10_000),
        };
        assert_eq!(t.used_at(12_500), 3500);
        assert_eq!(Timer::default().used_at(5), 0);
    }

    #[test]
    fn an_older_summary_does_not_replace_a_newer_one() {
        let mut item = LiveItem {
            id: ItemId(1),
            position: 1,
            kind: ItemKind::NewCase,
            title: "C".into(),
            minutes: 10,
            timer: Timer::default(),
            case_id: None,
            visible: true,
            not_safe_to_contact: false,
            contributions: vec![],
            summary: Summary {
                version: 3,
                ..Default::default()
            },
            actions: vec![],
            earlier: vec![],
        };
        let mut st = LiveState {
            meeting_id: MeetingId(1),
            seq: 0,
            title: String::new(),
            status: MeetingStatus::InSession,
            current_item_id: None,
            children_done: false,
            left_after_children: false,
            may_chair: false,
            may_record: false,
            items: vec![item.clone()],
            agencies: vec![],
            people: vec![],
            now_ms: 0,
        };
        item.summary.version = 2;
        st.apply(&Event::Summary {
            item_id: ItemId(1),
            summary: item.summary.clone(),
        });
        assert_eq!(st.items[0].summary.version, 3);
    }
}
