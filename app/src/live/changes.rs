//! What each change does, inside the caller's transaction. Every change is authorised here
//! against the one policy before anything is written.

use super::hub::{Resync, Viewer};
use super::protocol::{Change, Event, Timer};
use super::store;
use super::text as t;
use crate::auth::policy::{authorize, Action as Do, Resource};
use crate::db::Conn;
use crate::error::{AppError, Problems};
use crate::ids::{CaseId, ItemId};
use crate::meetings::agenda::store::{self as agenda, ItemRow};
use crate::meetings::agenda::types::ItemKind;
use crate::meetings::types::{Meeting, MeetingStatus};

pub struct Applied {
    pub event: Event,
    pub item: Option<ItemId>,
    pub case: Option<CaseId>,
    pub resync: Resync,
}

impl Applied {
    fn open(event: Event) -> Self {
        Applied {
            event,
            item: None,
            case: None,
            resync: Resync::Nobody,
        }
    }
}

const MAX_BODY: usize = 4000;
const MAX_SUMMARY: usize = 20_000;

fn in_session(m: &Meeting) -> Result<(), AppError> {
    if m.status == MeetingStatus::InSession {
        Ok(())
    } else {
        Err(AppError::conflict(t::NOT_IN_SESSION))
    }
}

async fn live_items(conn: &mut Conn, m: &Meeting) -> Result<Vec<ItemRow>, AppError> {
    Ok(agenda::items(conn, m.id)
        .await?
        .into_iter()
        .filter(|i| i.removed_at.is_none())
        .collect())
}

/// The item, if it is on the agenda and the viewer may see it (otherwise it does not exist).
async fn item_for(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    id: ItemId,
) -> Result<ItemRow, AppError> {
    live_items(conn, m)
        .await?
        .into_iter()
        .find(|i| i.id == id && viewer.may_see(Some(i.id), i.case_id))
        .ok_or_else(|| AppError::validation("item_id", t::UNKNOWN_ITEM))
}

/// The viewer's relation to a case item, as the policy wants it.
async fn case_resource(
    conn: &mut Conn,
    viewer: &Viewer,
    case: CaseId,
) -> Result<Resource, AppError> {
    let (involved, _) = crate::cases::store::access(conn, case, viewer.actor.agency_id)
        .await?
        .unwrap_or((false, false));
    Ok(Resource::AgendaCase {
        involved,
        attending_in_session: true,
    })
}

/// Pauses the item's timer if it runs; returns its timer when it changed.
async fn pause(conn: &mut Conn, item: ItemId, now_ms: i64) -> Result<Option<Timer>, AppError> {
    let timer = store::timer(conn, item).await?;
    if timer.running_since_ms.is_none() {
        return Ok(None);
    }
    let paused = Timer {
        used_ms: timer.used_at(now_ms),
        running_since_ms: None,
    };
    store::set_timer(conn, item, paused).await?;
    Ok(Some(paused))
}

fn text_field(
    p: &mut Problems,
    field: &str,
    v: &str,
    max: usize,
    required: Option<&str>,
) -> String {
    let v = v.trim().to_string();
    if let Some(msg) = required.filter(|_| v.is_empty()) {
        p.add(field, msg);
    } else if v.chars().count() > max {
        p.add(
            field,
            if max == MAX_BODY {
                t::BODY_TOO_LONG
            } else {
                t::SUMMARY_TOO_LONG
            },
        );
    }
    v
}

#[allow(clippy::too_many_arguments)]
pub async fn decide(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    meeting_resource: Resource,
    change: Change,
    carry_over_limit: u32,
    now: i64,
    now_ms: i64,
) -> Result<Applied, AppError> {
    let actor = &viewer.actor;
    let chair = |r: Resource| authorize(Some(actor), Do::Update, r).map(|_| ());
    let live = store::state(conn, m.id).await?;
    match change {
        Change::StartSession => {
            chair(meeting_resource)?;
            if m.status != MeetingStatus::AgendaPublished {
                return Err(AppError::conflict(t::CANNOT_START));
            }
            let first = live_items(conn, m).await?.first().map(|i| i.id);
            let Some(first) = first else {
                return Err(AppError::conflict(t::NO_ITEMS));
            };
            crate::meetings::store::set_status(conn, m.id, MeetingStatus::InSession, now).await?;
            store::set_current(conn, m.id, Some(first)).await?;
            Ok(Applied {
                resync: Resync::Everyone,
                ..Applied::open(Event::Status {
                    status: MeetingStatus::InSession,
                    current_item_id: Some(first),
                    timers: vec![],
                })
            })
        }
        Change::EndSession => {
            chair(meeting_resource)?;
            in_session(m)?;
            let mut timers = vec![];
            if let Some(cur) = live.current_item_id {
                if let Some(tm) = pause(conn, cur, now_ms).await? {
                    timers.push((cur, tm));
                }
            }
            crate::meetings::store::set_status(conn, m.id, MeetingStatus::Closed, now).await?;
            store::set_current(conn, m.id, None).await?;
            crate::actions::follow_up::on_close(conn, m.id, actor.user_id, carry_over_limit, now)
                .await?;
            Ok(Applied {
                resync: Resync::Everyone,
                ..Applied::open(Event::Status {
                    status: MeetingStatus::Closed,
                    current_item_id: None,
                    timers,
                })
            })
        }
        Change::Next | Change::Previous | Change::GoTo { .. } => {
            chair(meeting_resource)?;
            in_session(m)?;
            let items = live_items(conn, m).await?;
            let at = live
                .current_item_id
                .and_then(|c| items.iter().position(|i| i.id == c));
            let target = match (&change, at) {
                (Change::GoTo { item_id }, _) => items
                    .iter()
                    .find(|i| i.id == *item_id)
                    .map(|i| i.id)
                    .ok_or_else(|| AppError::validation("item_id", t::UNKNOWN_ITEM))?,
                (Change::Next, None) => items
                    .first()
                    .map(|i| i.id)
                    .ok_or_else(|| AppError::conflict(t::NO_NEXT))?,
                (Change::Next, Some(n)) => items
                    .get(n + 1)
                    .map(|i| i.id)
                    .ok_or_else(|| AppError::conflict(t::NO_NEXT))?,
                (_, Some(n)) if n > 0 => items[n - 1].id,
                _ => return Err(AppError::conflict(t::NO_PREVIOUS)),
            };
            let mut timers = vec![];
            if let Some(cur) = live.current_item_id.filter(|c| *c != target) {
                if let Some(tm) = pause(conn, cur, now_ms).await? {
                    timers.push((cur, tm));
                }
            }
            store::set_current(conn, m.id, Some(target)).await?;
            Ok(Applied::open(Event::Current {
                item_id: Some(target),
                timers,
            }))
        }
        Change::Timer { running } => {
            chair(meeting_resource)?;
            in_session(m)?;
            let item = live
                .current_item_id
                .ok_or_else(|| AppError::conflict(t::NO_CURRENT))?;
            let timer = store::timer(conn, item).await?;
            let next = match (running, timer.running_since_ms) {
                (true, None) => Timer {
                    used_ms: timer.used_ms,
                    running_since_ms: Some(now_ms),
                },
                (false, Some(_)) => Timer {
                    used_ms: timer.used_at(now_ms),
                    running_since_ms: None,
                },
                _ => timer,
            };
            store::set_timer(conn, item, next).await?;
            Ok(Applied {
                item: Some(item),
                ..Applied::open(Event::Timer {
                    item_id: item,
                    timer: next,
                })
            })
        }
        Change::ChildrenDone => {
            chair(meeting_resource)?;
            in_session(m)?;
            store::set_children_done(conn, m.id, now).await?;
            Ok(Applied {
                resync: Resync::Everyone,
                ..Applied::open(Event::ChildrenDone)
            })
        }
        Change::Contribute { item_id, body } => {
            in_session(m)?;
            let item = item_for(conn, viewer, m, item_id).await?;
            let resource = match item.case_id {
                Some(c) => case_resource(conn, viewer, c).await?,
                None => meeting_resource,
            };
            authorize(Some(actor), Do::Create, resource)?;
            let mut p = Problems::new();
            let body = text_field(&mut p, "body", &body, MAX_BODY, Some(t::BODY_REQUIRED));
            p.into_result()?;
            let contribution = store::insert_contribution(
                conn,
                m.id,
                item.id,
                item.case_id,
                actor.user_id,
                actor.agency_id,
                &body,
                now,
            )
            .await?;
            Ok(Applied {
                item: Some(item.id),
                case: item.case_id,
                ..Applied::open(Event::Contribution {
                    item_id: item.id,
                    contribution,
                })
            })
        }
        Change::SaveSummary {
            item_id,
            base_version,
            summary,
            decisions,
        } => {
            in_session(m)?;
            let item = item_for(conn, viewer, m, item_id).await?;
            let resource = match item.case_id {
                Some(c) => case_resource(conn, viewer, c).await?,
                None => meeting_resource,
            };
            authorize(Some(actor), Do::Update, resource)?;
            let mut p = Problems::new();
            let summary = text_field(&mut p, "summary", &summary, MAX_SUMMARY, None);
            let decisions = text_field(&mut p, "decisions", &decisions, MAX_SUMMARY, None);
            if base_version < 0 {
                p.add("base_version", t::VERSION_INVALID);
            }
            p.into_result()?;
            let saved = store::save_summary(
                conn,
                m.id,
                item.id,
                base_version,
                &summary,
                &decisions,
                actor.user_id,
                now,
            )
            .await?
            .ok_or_else(|| AppError::conflict(t::SUMMARY_STALE))?;
            Ok(Applied {
                item: Some(item.id),
                case: item.case_id,
                ..Applied::open(Event::Summary {
                    item_id: item.id,
                    summary: saved,
                })
            })
        }
        Change::AgreeAction {
            item_id,
            mut action,
        } => {
            in_session(m)?;
            let item = item_for(conn, viewer, m, item_id).await?;
            let case = item
                .case_id
                .ok_or_else(|| AppError::validation("item_id", t::NOT_A_CASE_ITEM))?;
            action.case_id = Some(case.to_string());
            action.meeting_id = Some(m.id.to_string());
            let agreed = crate::actions::service::create_in(conn, Some(actor), action).await?;
            Ok(Applied {
                item: Some(item.id),
                case: Some(case),
                resync: Resync::Agency(agreed.owner_agency_id),
                event: Event::ActionAgreed {
                    item_id: item.id,
                    action: agreed,
                },
            })
        }
        Change::RecordOutcome {
            action_id,
            mut outcome,
        } => {
            in_session(m)?;
            let brought_back = crate::actions::follow_up::on_agenda(conn, m.id).await?;
            let Some(before) = brought_back.iter().find(|a| a.id == action_id) else {
                return Err(AppError::validation("action_id", t::NOT_BROUGHT_BACK));
            };
            if !viewer.may_see(None, Some(before.case_id)) {
                return Err(AppError::validation("action_id", t::NOT_BROUGHT_BACK));
            }
            // Seen in the room (an observer attending sees it too), so refused as forbidden
            // rather than as the "not found" of the case outside the meeting.
            crate::auth::policy::authorize(
                Some(actor),
                crate::auth::policy::Action::Update,
                crate::auth::policy::Resource::CaseAction {
                    involved: true,
                    own_agency: actor.agency_id == Some(before.owner_agency_id),
                },
            )?;
            let item = live_items(conn, m)
                .await?
                .into_iter()
                .find(|i| i.kind() == ItemKind::IncompleteActions)
                .map(|i| i.id);
            outcome.meeting_id = Some(m.id.to_string());
            let after =
                crate::actions::service::update_in(conn, Some(actor), action_id, outcome).await?;
            Ok(Applied {
                item,
                case: Some(after.case_id),
                ..Applied::open(Event::Outcome { action: after })
            })
        }
    }
}
