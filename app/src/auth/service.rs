//! Signing in and out, and looking after one's own account.

use super::password_rules::NewPasswordInput;
use super::policy::{authorize, Action, Resource};
use super::types::{Actor, Me, TotpEnrolment};
use super::{account_limit, password, session, text, throttle, totp};
use crate::audit::store::{record, AuditEvent};
use crate::error::{AppError, FieldErrors, OrInternal, Problems};
use crate::state::AppState;
use crate::users::credentials as users;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignInInput {
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub totp: Option<String>,
}

pub struct SignedIn {
    pub me: Me,
    /// For the session cookie.
    pub token: String,
}

fn refused() -> AppError {
    AppError::Unauthorized {
        message: text::SIGN_IN_FAILED.into(),
        fields: FieldErrors::new(),
    }
}

fn totp_problem(message: &str) -> AppError {
    let mut fields = FieldErrors::new();
    fields.insert("totp".into(), message.into());
    AppError::Unauthorized {
        message: message.into(),
        fields,
    }
}

/// Checks the credentials and starts a new session, ending `previous` (the session id the
/// browser had, if any) so that a session id is never carried across a sign-in.
pub async fn sign_in(
    state: &AppState,
    input: SignInInput,
    addr: IpAddr,
    previous: Option<String>,
) -> Result<SignedIn, AppError> {
    let mut p = Problems::new();
    if input.email.trim().is_empty() {
        p.add("email", text::EMAIL_REQUIRED);
    }
    if input.password.is_empty() {
        p.add("password", text::PASSWORD_REQUIRED);
    }
    p.into_result()?;
    let now = crate::time::now();
    state.limiter.attempt(addr, now)?;
    let email = input.email.trim().to_lowercase();
    let _turn = state.password_turns.turn(&email).await;

    {
        let mut conn = state.db.acquire().await?;
        throttle::check(&mut conn, &email, addr, now).await?;
        account_limit::check(&mut conn, &email, now).await?;
    }
    let user = {
        let mut conn = state.db.acquire().await?;
        users::by_email(&mut conn, &email).await?
    };
    let ok = password::verify(
        input.password,
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await;

    let mut tx = state.write().await?;
    let user = match user {
        Some(u) if ok && u.active => u,
        other => {
            throttle::record_failure(&mut tx, &email, addr, now).await?;
            let owner = other.as_ref().filter(|u| u.active).map(|u| u.id);
            account_limit::record_failure(&mut tx, &email, owner, now).await?;
            record(
                &mut tx,
                AuditEvent::new(None, "sign_in_failed", "user").id(other
                    .map(|u| u.id.to_string())
                    .unwrap_or_else(|| "unknown".into())),
            )
            .await?;
            tx.commit().await?;
            return Err(refused());
        }
    };
    if let Some(sealed) = &user.totp_secret {
        let code = input.totp.as_deref().map(str::trim).unwrap_or_default();
        if code.is_empty() {
            return Err(totp_problem(text::TOTP_NEEDED.as_str()));
        }
        let secret = totp::open_secret(&state.sealer, user.id, sealed)?;
        let step = totp::accept(&secret, code, now as u64, user.totp_last_step);
        let used = match step {
            Some(step) => users::use_totp_step(&mut tx, user.id, step).await?,
            None => false,
        };
        if !used {
            throttle::record_failure(&mut tx, &email, addr, now).await?;
            account_limit::record_failure(&mut tx, &email, Some(user.id), now).await?;
            record(
                &mut tx,
                AuditEvent::new(None, "sign_in_failed", "user")
                    .id(user.id)
                    .reason("second factor"),
            )
            .await?;
            tx.commit().await?;
            return Err(totp_problem(text::TOTP_WRONG.as_str()));
        }
    }
    throttle::clear(&mut tx, &email, addr).await?;
    if let Some(prev) = previous {
        session::delete(&mut tx, &session::hash_token(&prev)).await?;
    }
    let token =
        session::create(&mut tx, user.id, now, state.security.session_absolute_secs).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(user.id), "sign_in", "user").id(user.id),
    )
    .await?;
    tx.commit().await?;

    let actor = session::resolve(state, &token)
        .await?
        .or_internal("the session just created resolves")?;
    Ok(SignedIn {
        me: actor.me(),
        token,
    })
}

pub async fn sign_out(state: &AppState, actor: Option<&Actor>) -> Result<(), AppError> {
    let Some(actor) = actor else { return Ok(()) };
    let mut tx = state.write().await?;
    session::delete(&mut tx, &actor.session_id).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "sign_out", "user").id(actor.user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub fn me(actor: Option<&Actor>) -> Result<Me, AppError> {
    authorize(actor, Action::Read, Resource::OwnAccount).map(Actor::me)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    pub current_password: String,
    #[cfg_attr(feature = "ssr", schema(min_length = 12, max_length = 200))]
    pub new_password: String,
}

/// Changes the actor's password, ends all their sessions and returns a token for a fresh
/// session on this device.
pub async fn change_password(
    state: &AppState,
    actor: Option<&Actor>,
    input: PasswordChange,
) -> Result<String, AppError> {
    let actor = authorize(actor, Action::Update, Resource::OwnAccount)?;
    let mut p = Problems::new();
    let new = p.take("new_password", NewPasswordInput::parse(&input.new_password));
    if input.current_password.is_empty() {
        p.add("current_password", text::PASSWORD_REQUIRED);
    }
    if input.current_password == input.new_password && !input.new_password.is_empty() {
        p.add("new_password", text::PASSWORD_SAME);
    }
    p.into_result()?;
    let row = {
        let mut conn = state.db.acquire().await?;
        users::by_id(&mut conn, actor.user_id)
            .await?
            .or_internal("the signed-in user's row")?
    };
    let now = crate::time::now();
    check_current_password(
        state,
        actor,
        input.current_password,
        row.password_hash,
        "current_password",
        now,
    )
    .await?;
    let hash = password::hash(new.expect("checked")).await?;
    let mut tx = state.write().await?;
    users::set_own_password(&mut tx, actor.user_id, &hash, now).await?;
    session::delete_all_for_user(&mut tx, actor.user_id).await?;
    let token = session::create(
        &mut tx,
        actor.user_id,
        now,
        state.security.session_absolute_secs,
    )
    .await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "change_password", "user")
            .id(actor.user_id)
            .details(serde_json::json!({ "sessions_ended": true })),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Starts enrolment: a new secret is kept pending until a code from it is confirmed.
pub async fn totp_start(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<TotpEnrolment, AppError> {
    let actor = authorize(actor, Action::Update, Resource::OwnAccount)?;
    let secret = totp::new_secret();
    let uri = totp::otpauth_uri(&secret, &actor.email)
        .or_internal("an otpauth URI for a fresh secret")?;
    let qr_svg = totp::qr_svg(&uri).or_internal("a QR code for the otpauth URI")?;
    let mut tx = state.write().await?;
    let sealed = totp::seal_secret(&state.sealer, actor.user_id, &secret);
    users::set_totp_pending(&mut tx, actor.user_id, &sealed).await?;
    tx.commit().await?;
    Ok(TotpEnrolment {
        otpauth_uri: uri,
        secret,
        qr_svg,
    })
}

pub async fn totp_confirm(
    state: &AppState,
    actor: Option<&Actor>,
    code: String,
) -> Result<Me, AppError> {
    let actor = authorize(actor, Action::Update, Resource::OwnAccount)?;
    let mut tx = state.write().await?;
    let row = users::by_id(&mut tx, actor.user_id)
        .await?
        .or_internal("the signed-in user's row")?;
    let Some(pending) = row.totp_pending_secret else {
        return Err(AppError::validation("code", text::TOTP_NOT_STARTED));
    };
    let secret = totp::open_secret(&state.sealer, actor.user_id, &pending)?;
    let step = totp::accept(
        &secret,
        &code,
        crate::time::now() as u64,
        row.totp_last_step,
    )
    .ok_or_else(|| AppError::validation("code", text::TOTP_WRONG))?;
    users::enable_totp(&mut tx, actor.user_id, &pending, step).await?;
    // A session opened with the password alone (perhaps by whoever prompted the change) must
    // not outlive the switch to two factors; nor one opened with two after they are dropped.
    session::delete_others(&mut tx, actor.user_id, &actor.session_id).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "enable_totp", "user")
            .id(actor.user_id)
            .details(serde_json::json!({ "other_sessions_ended": true })),
    )
    .await?;
    tx.commit().await?;
    let mut me = actor.me();
    me.totp_enabled = true;
    me.must_enrol_totp = false;
    Ok(me)
}

pub async fn totp_disable(
    state: &AppState,
    actor: Option<&Actor>,
    password: String,
) -> Result<(), AppError> {
    let actor = authorize(actor, Action::Update, Resource::OwnAccount)?;
    let settings = crate::settings::service::load(state).await?;
    if settings.require_totp {
        return Err(AppError::conflict(text::TOTP_REQUIRED_BY_GROUP));
    }
    let row = {
        let mut conn = state.db.acquire().await?;
        users::by_id(&mut conn, actor.user_id)
            .await?
            .or_internal("the signed-in user's row")?
    };
    check_current_password(
        state,
        actor,
        password,
        row.password_hash,
        "password",
        crate::time::now(),
    )
    .await?;
    let mut tx = state.write().await?;
    users::disable_totp(&mut tx, actor.user_id).await?;
    session::delete_others(&mut tx, actor.user_id, &actor.session_id).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "disable_totp", "user")
            .id(actor.user_id)
            .details(serde_json::json!({ "other_sessions_ended": true })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The current password asked again before a change to the account. A wrong one counts against
/// the account's sign-in limit like a failed sign-in: a stolen session must not become a way to
/// guess the password without limit.
async fn check_current_password(
    state: &AppState,
    actor: &Actor,
    given: String,
    hash: String,
    field: &str,
    now: i64,
) -> Result<(), AppError> {
    let _turn = state.password_turns.turn(&actor.email).await;
    {
        let mut conn = state.db.acquire().await?;
        account_limit::check(&mut conn, &actor.email, now).await?;
    }
    if password::verify(given, Some(hash)).await {
        return Ok(());
    }
    let mut tx = state.write().await?;
    account_limit::record_failure(&mut tx, &actor.email, Some(actor.user_id), now).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "current_password_wrong", "user").id(actor.user_id),
    )
    .await?;
    tx.commit().await?;
    Err(AppError::validation(field, text::CURRENT_PASSWORD_WRONG))
}
