//! The signed-in person's notices. Reading them is audited: they name cases by reference.

use super::store;
use super::text;
use super::types::{Notice, NoticeKind};
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::error::AppError;
use crate::state::AppState;

/// For other domains, inside their transaction: telling people something.
pub use super::store::{to_agency, to_roles, to_user, NewNotice};

pub async fn list(state: &AppState, actor: Option<&Actor>) -> Result<Vec<Notice>, AppError> {
    let actor = authorize(actor, Action::Read, Resource::OwnAccount)?;
    let mut tx = state.write().await?;
    let rows = store::list_for(&mut tx, actor.user_id, 50).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "read", "notices")
            .details(serde_json::json!({ "count": rows.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            // A kind this build does not know (written by a newer one) is left out.
            let kind = NoticeKind::parse(&r.kind)?;
            let params = r
                .params
                .as_deref()
                .and_then(|p| serde_json::from_str(p).ok())
                .unwrap_or_default();
            Some(Notice {
                id: r.id,
                kind,
                reference: r.reference,
                text: text::sentence(kind, &params),
                created_at: crate::time::rfc3339(r.created_at),
                read: r.read_at.is_some(),
            })
        })
        .collect())
}

pub async fn mark_read(state: &AppState, actor: Option<&Actor>) -> Result<(), AppError> {
    let actor = authorize(actor, Action::Update, Resource::OwnAccount)?;
    let mut tx = state.write().await?;
    store::mark_read(&mut tx, actor.user_id, crate::time::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// For other domains, inside their transaction: the user has seen their notices.
pub async fn mark_read_in(
    conn: &mut crate::db::Conn,
    user: crate::ids::UserId,
    now: i64,
) -> Result<(), AppError> {
    store::mark_read(conn, user, now).await
}

/// A notice made by the outbox's worker from one of its rows (once per row).
pub struct FromOutbox {
    pub outbox_id: i64,
    pub user: crate::ids::UserId,
    pub kind: NoticeKind,
    pub case: Option<crate::ids::CaseId>,
    pub meeting: Option<crate::ids::MeetingId>,
    pub params: serde_json::Value,
    pub at: i64,
}

pub async fn from_outbox_in(conn: &mut crate::db::Conn, n: FromOutbox) -> Result<(), AppError> {
    store::from_outbox(conn, &n).await
}
