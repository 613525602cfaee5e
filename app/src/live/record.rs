//! What the room records on an item: each agency's contribution, the summary and decisions.

use super::changes::{in_session, item_for, Applied};
use super::hub::Viewer;
use super::protocol::Event;
use super::store;
use super::text as t;
use crate::auth::case_access::Seen;
use crate::auth::policy::{authorize, Action as Do, Resource};
use crate::db::Conn;
use crate::error::{AppError, Problems};
use crate::ids::{CaseId, ItemId};
use crate::meetings::agenda::service::ItemRow;
use crate::meetings::types::Meeting;

const MAX_BODY: usize = 4000;
const MAX_SUMMARY: usize = 20_000;

fn text_field(
    p: &mut Problems,
    field: &str,
    v: &str,
    max: usize,
    required: Option<crate::i18n::Msg>,
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

/// The item as the policy sees it for the viewer: its case on the agenda in session, or the
/// meeting itself.
async fn item_resource(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    case: Option<CaseId>,
) -> Result<Resource, AppError> {
    match case {
        Some(c) => {
            let seen = Seen::OnAgenda {
                attending_in_session: true,
            };
            crate::auth::case_access::resource(conn, Some(&viewer.actor), c, seen).await
        }
        None => Ok(Resource::Meeting {
            published: m.status.published(),
        }),
    }
}

/// The item, if the meeting is in session and the viewer may `action` on it.
async fn item_to(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    item_id: ItemId,
    action: Do,
) -> Result<ItemRow, AppError> {
    in_session(m)?;
    let item = item_for(conn, viewer, m, item_id).await?;
    let resource = item_resource(conn, viewer, m, item.case_id).await?;
    authorize(Some(&viewer.actor), action, resource)?;
    Ok(item)
}

pub async fn contribute(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    item_id: ItemId,
    body: &str,
    now: i64,
) -> Result<Applied, AppError> {
    let actor = &viewer.actor;
    let item = item_to(conn, viewer, m, item_id, Do::Create).await?;
    let mut p = Problems::new();
    let body = text_field(&mut p, "body", body, MAX_BODY, Some(t::BODY_REQUIRED));
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

pub struct SummaryText {
    /// The version the editor started from; 0 when there was none.
    pub base_version: i64,
    pub summary: String,
    pub decisions: String,
}

pub async fn save_summary(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    item_id: ItemId,
    text: SummaryText,
    now: i64,
) -> Result<Applied, AppError> {
    let actor = &viewer.actor;
    let item = item_to(conn, viewer, m, item_id, Do::Update).await?;
    let mut p = Problems::new();
    let summary = text_field(&mut p, "summary", &text.summary, MAX_SUMMARY, None);
    let decisions = text_field(&mut p, "decisions", &text.decisions, MAX_SUMMARY, None);
    if text.base_version < 0 {
        p.add("base_version", t::VERSION_INVALID);
    }
    p.into_result()?;
    let saved = store::save_summary(
        conn,
        m.id,
        item.id,
        text.base_version,
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
