//! Asking, confirming, refusing and withdrawing access requests. Each use case authorizes,
//! runs in one transaction, audits and tells the people concerned through notices.

use super::store::{self, NewRequest};
use super::text;
use super::types::{any_request, AccessKind, AccessRequest, AccessState, Confirmed};
use crate::agencies::service as agencies;
use crate::audit::store::{record, AuditEvent};
use crate::auth::password;
use crate::auth::password_rules::NewPasswordInput;
use crate::auth::policy::{authorize, permits, Action, Resource};
use crate::auth::session;
use crate::auth::types::{Actor, Role};
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{AccessRequestId, UserId};
use crate::notices::service::{self as notices, NewNotice};
use crate::notices::types::NoticeKind;
use crate::state::AppState;
use crate::users::store as users;
use crate::users::types::UserAccount;

/// The most requests a list shows (pending ones first).
const LIST_LIMIT: i64 = 100;

/// The request seen from `actor`, as the policy needs it.
async fn resource(conn: &mut Conn, actor: &Actor, r: &AccessRequest) -> Result<Resource, AppError> {
    Ok(Resource::AccessRequest {
        asked_by_self: r.asked_by == actor.user_id,
        target_self: r.user_id == actor.user_id,
        asker: r.asked_by_role,
        chair_available: store::other_chair_exists(conn, &[r.asked_by, r.user_id]).await?,
    })
}

/// Fills in what the person looking may do with the request.
async fn seen_by(
    conn: &mut Conn,
    actor: &Actor,
    mut r: AccessRequest,
) -> Result<AccessRequest, AppError> {
    let res = resource(conn, actor, &r).await?;
    let me = actor.me();
    let pending = r.state == AccessState::Pending;
    r.may_confirm = pending && permits(&me, Action::Approve, res);
    r.may_withdraw = pending && permits(&me, Action::Update, res);
    Ok(r)
}

fn change(kind: AccessKind) -> serde_json::Value {
    serde_json::json!({ "change": kind.as_str() })
}

/// Writes a request in the caller's transaction (the caller has authorized the change
/// itself), tells the person concerned and audits it.
pub async fn ask(
    tx: &mut Conn,
    actor: &Actor,
    user: &UserAccount,
    kind: AccessKind,
    role: Role,
    agency: Option<crate::ids::AgencyId>,
    activate: bool,
) -> Result<AccessRequest, AppError> {
    if user.id == actor.user_id {
        // Nobody asks for their own access; the forms never offer it.
        return Err(AppError::Forbidden);
    }
    if store::pending_for(tx, user.id).await? {
        return Err(AppError::conflict(text::ALREADY_PENDING));
    }
    let now = crate::time::now();
    let id = store::insert(
        tx,
        &NewRequest {
            kind,
            user: user.id,
            role,
            agency,
            activate,
            asked_by: actor.user_id,
            asked_by_role: actor.role,
        },
        now,
    )
    .await?;
    record(
        tx,
        AuditEvent::new(Some(actor.user_id), "ask", "access_request")
            .id(id)
            .details(serde_json::json!({ "kind": kind.as_str(), "user_id": user.id, "role": role.as_str() })),
    )
    .await?;
    notices::to_user(
        tx,
        user.id,
        &NewNotice::new(NoticeKind::AccessAsked, now).params(change(kind)),
    )
    .await?;
    // Those who may decide it (the policy still decides who actually can).
    crate::outbox::service::to_roles(
        tx,
        &[Role::Admin, Role::Chair],
        &crate::outbox::service::Tell::new(NoticeKind::AccessAwaitingDecision, now).urgent(),
    )
    .await?;
    let r = store::get(tx, id)
        .await?
        .or_internal("the access request just decided")?;
    seen_by(tx, actor, r).await
}

/// Withdraws what is pending for `user` because their access was just removed or narrowed:
/// a request asked before must not hand it back.
pub async fn withdraw_pending_for(
    tx: &mut Conn,
    actor: &Actor,
    user: UserId,
) -> Result<(), AppError> {
    let now = crate::time::now();
    for id in store::withdraw_pending_for(tx, user, actor.user_id, now).await? {
        record(
            tx,
            AuditEvent::new(Some(actor.user_id), "withdraw", "access_request")
                .id(id)
                .reason("access changed"),
        )
        .await?;
        notices::to_user(tx, user, &NewNotice::new(NoticeKind::AccessWithdrawn, now)).await?;
    }
    Ok(())
}

pub async fn list(state: &AppState, actor: Option<&Actor>) -> Result<Vec<AccessRequest>, AppError> {
    let actor = authorize(actor, Action::Read, any_request())?;
    let mut conn = state.db.acquire().await?;
    let mut out = Vec::new();
    for r in store::list(&mut conn, LIST_LIMIT).await? {
        let res = resource(&mut conn, actor, &r).await?;
        if permits(&actor.me(), Action::Read, res) {
            out.push(seen_by(&mut conn, actor, r).await?);
        }
    }
    Ok(out)
}

/// Loads a request and checks `action` on it; `Conflict` once it is no longer pending.
async fn pending(
    conn: &mut Conn,
    actor: &Actor,
    id: AccessRequestId,
    action: Action,
) -> Result<AccessRequest, AppError> {
    let r = store::get(conn, id).await?.ok_or(AppError::NotFound)?;
    let res = resource(conn, actor, &r).await?;
    authorize(Some(actor), action, res)?;
    if r.state != AccessState::Pending {
        return Err(AppError::conflict(text::NOT_PENDING));
    }
    Ok(r)
}

pub async fn confirm(
    state: &AppState,
    actor: Option<&Actor>,
    id: AccessRequestId,
) -> Result<Confirmed, AppError> {
    let actor = authorize(actor, Action::Read, any_request())?;
    let (kind, known) = {
        let mut conn = state.db.acquire().await?;
        let r = pending(&mut conn, actor, id, Action::Approve).await?;
        (
            r.kind,
            users::password_known_to_others(&mut conn, r.user_id).await?,
        )
    };
    // Whoever set a password the person has not changed since must not read cases through
    // it: the access comes with a fresh one, passed on by the confirmer.
    let fresh = kind.makes_password() || (kind.gives_access() && known);
    // Hashing is slow: done before the write lock is taken.
    let password = if fresh {
        Some(one_time_password().await?)
    } else {
        None
    };
    let mut tx = state.write().await?;
    // Checked again inside the transaction: someone else may have decided it meanwhile.
    let r = pending(&mut tx, actor, id, Action::Approve).await?;
    let now = crate::time::now();
    store::decide(&mut tx, id, AccessState::Confirmed, actor.user_id, now).await?;
    if r.kind.gives_access() {
        if let Some(a) = r.agency_id {
            if !agencies::is_active(&mut tx, a).await? {
                return Err(AppError::conflict(text::AGENCY_GONE));
            }
        }
        store::apply_access(&mut tx, &r, now).await?;
    }
    if let Some((_, hash)) = &password {
        users::set_password(&mut tx, r.user_id, hash, Some(actor.user_id), now).await?;
    }
    if r.kind == AccessKind::ResetTotp {
        users::disable_totp(&mut tx, r.user_id).await?;
    }
    let ends_sessions =
        matches!(r.kind, AccessKind::ResetPassword | AccessKind::ResetTotp) || password.is_some();
    if ends_sessions {
        session::delete_all_for_user(&mut tx, r.user_id).await?;
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "confirm", "access_request")
            .id(id)
            .details(serde_json::json!({ "kind": r.kind.as_str(), "user_id": r.user_id })),
    )
    .await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), r.kind.as_str(), "user")
            .id(r.user_id)
            .details(serde_json::json!({
                "access_request": id, "asked_by": r.asked_by, "sessions_ended": ends_sessions,
            })),
    )
    .await?;
    tell(&mut tx, &r, NoticeKind::AccessChanged, "confirmed", now).await?;
    let r = store::get(&mut tx, id)
        .await?
        .or_internal("the access request just read")?;
    let request = seen_by(&mut tx, actor, r).await?;
    tx.commit().await?;
    Ok(Confirmed {
        request,
        one_time_password: password.map(|(plain, _)| plain),
    })
}

/// A new password to pass on, and its hash.
pub async fn one_time_password() -> Result<(String, String), AppError> {
    let plain = password::generate();
    let input =
        NewPasswordInput::parse(&plain).or_internal("a generated password meets the rules")?;
    Ok((plain, password::hash(input).await?))
}

/// Tells the person concerned (`kind`) and the asker (`outcome`).
async fn tell(
    tx: &mut Conn,
    r: &AccessRequest,
    kind: NoticeKind,
    outcome: &str,
    now: i64,
) -> Result<(), AppError> {
    notices::to_user(
        tx,
        r.user_id,
        &NewNotice::new(kind, now).params(change(r.kind)),
    )
    .await?;
    let decided = serde_json::json!({ "change": r.kind.as_str(), "outcome": outcome });
    notices::to_user(
        tx,
        r.asked_by,
        &NewNotice::new(NoticeKind::AccessRequestDecided, now).params(decided),
    )
    .await
}

pub async fn refuse(
    state: &AppState,
    actor: Option<&Actor>,
    id: AccessRequestId,
) -> Result<AccessRequest, AppError> {
    let actor = authorize(actor, Action::Read, any_request())?;
    let mut tx = state.write().await?;
    let r = pending(&mut tx, actor, id, Action::Approve).await?;
    let now = crate::time::now();
    store::decide(&mut tx, id, AccessState::Refused, actor.user_id, now).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "refuse", "access_request")
            .id(id)
            .details(serde_json::json!({ "kind": r.kind.as_str(), "user_id": r.user_id })),
    )
    .await?;
    tell(&mut tx, &r, NoticeKind::AccessRefused, "refused", now).await?;
    let r = store::get(&mut tx, id)
        .await?
        .or_internal("the access request just written")?;
    let r = seen_by(&mut tx, actor, r).await?;
    tx.commit().await?;
    Ok(r)
}

pub async fn withdraw(
    state: &AppState,
    actor: Option<&Actor>,
    id: AccessRequestId,
) -> Result<AccessRequest, AppError> {
    let actor = authorize(actor, Action::Read, any_request())?;
    let mut tx = state.write().await?;
    let r = pending(&mut tx, actor, id, Action::Update).await?;
    let now = crate::time::now();
    store::decide(&mut tx, id, AccessState::Withdrawn, actor.user_id, now).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "withdraw", "access_request")
            .id(id)
            .details(serde_json::json!({ "kind": r.kind.as_str(), "user_id": r.user_id })),
    )
    .await?;
    notices::to_user(
        &mut tx,
        r.user_id,
        &NewNotice::new(NoticeKind::AccessWithdrawn, now).params(change(r.kind)),
    )
    .await?;
    let r = store::get(&mut tx, id)
        .await?
        .or_internal("the access request just written")?;
    let r = seen_by(&mut tx, actor, r).await?;
    tx.commit().await?;
    Ok(r)
}
