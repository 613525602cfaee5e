//! Writing to the outbox, inside the caller's transaction, and what the admin sees of it.

use super::store;
use super::types::{OutboxEntry, OutboxQuery};
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::{Actor, Role};
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{ActionId, AgencyId, CaseId, MeetingId, UserId};
use crate::notices::types::NoticeKind;
use crate::state::AppState;

/// One thing to tell; to whom is chosen by the function it is given to.
#[derive(Debug, Clone)]
pub struct Tell {
    pub kind: NoticeKind,
    pub case: Option<CaseId>,
    pub meeting: Option<MeetingId>,
    pub action: Option<ActionId>,
    /// Ids, times, counts and agency names at most: never personal data.
    pub params: serde_json::Value,
    pub urgent: bool,
    pub calendar: Option<String>,
    pub once: Option<String>,
    pub now: i64,
}

impl Tell {
    pub fn new(kind: NoticeKind, now: i64) -> Self {
        Self {
            kind,
            case: None,
            meeting: None,
            action: None,
            params: serde_json::Value::Null,
            urgent: false,
            calendar: None,
            once: None,
            now,
        }
    }

    pub fn case(mut self, case: CaseId) -> Self {
        self.case = Some(case);
        self
    }

    pub fn meeting(mut self, meeting: MeetingId) -> Self {
        self.meeting = Some(meeting);
        self
    }

    pub fn action(mut self, action: ActionId) -> Self {
        self.action = Some(action);
        self
    }

    pub fn params(mut self, params: serde_json::Value) -> Self {
        self.params = params;
        self
    }

    /// Sent at once (unless the person chose otherwise), not kept for the daily digest.
    pub fn urgent(mut self) -> Self {
        self.urgent = true;
        self
    }

    /// An iCalendar attachment (`METHOD:REQUEST` for a moved meeting, `CANCEL` for a cancelled).
    pub fn calendar(mut self, ics: String) -> Self {
        self.calendar = Some(ics);
        self
    }

    /// At most one row of this key per recipient, ever: for what time passing writes.
    pub fn once(mut self, key: impl Into<String>) -> Self {
        self.once = Some(key.into());
        self
    }
}

pub async fn to_user(conn: &mut Conn, user: UserId, t: &Tell) -> Result<(), AppError> {
    store::insert(conn, store::Recipients::User(user), t).await
}

/// To every active member and observer of the agency.
pub async fn to_agency(conn: &mut Conn, agency: AgencyId, t: &Tell) -> Result<(), AppError> {
    store::insert(conn, store::Recipients::Agency(agency), t).await
}

/// To the agency's regular representatives (its members if it has none).
pub async fn to_representatives(
    conn: &mut Conn,
    agency: AgencyId,
    t: &Tell,
) -> Result<(), AppError> {
    if store::has_regular(conn, agency).await? {
        store::insert(conn, store::Recipients::Regular(agency), t).await
    } else {
        to_agency(conn, agency, t).await
    }
}

pub async fn to_roles(conn: &mut Conn, roles: &[Role], t: &Tell) -> Result<(), AppError> {
    for role in roles {
        store::insert(conn, store::Recipients::Role(*role), t).await?;
    }
    Ok(())
}

/// To everyone invited to the group's meetings: every active chair, coordinator, member and
/// observer.
pub async fn to_members(conn: &mut Conn, t: &Tell) -> Result<(), AppError> {
    to_roles(
        conn,
        &[Role::Chair, Role::Coordinator, Role::Member, Role::Observer],
        t,
    )
    .await
}

/// What the outbox holds, for the admin: by state, newest first. Recipients by account number
/// and cases by reference only.
pub async fn list(
    state: &AppState,
    actor: Option<&Actor>,
    q: &OutboxQuery,
) -> Result<Vec<OutboxEntry>, AppError> {
    let actor = authorize(actor, Action::Read, Resource::Outbox)?;
    let mut tx = state.write().await?;
    let rows = store::list(&mut tx, q).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "read", "outbox")
            .details(serde_json::json!({ "count": rows.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(rows)
}

/// Sends a failed (or interrupted) message again: the admin has checked it did not arrive.
pub async fn retry(state: &AppState, actor: Option<&Actor>, id: i64) -> Result<(), AppError> {
    let actor = authorize(actor, Action::Update, Resource::Outbox)?;
    let mut tx = state.write().await?;
    if !store::retry(&mut tx, id, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "retry", "outbox").id(id),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}
