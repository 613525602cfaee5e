//! User administration: each use case authorizes, runs in one transaction and audits.

use super::access::service as access;
use super::access::text as access_text;
use super::access::types::AccessKind;
use super::store;
use super::text;
use super::types::{CreatedUser, NewUserInput, UpdatedUser, UserAccount, UserPatchInput};
use crate::agencies::service as agencies;
use crate::audit::store::{record, AuditEvent};
use crate::auth::password;
use crate::auth::password_rules::NewPasswordInput;
use crate::auth::policy::{authorize, needs_second_person, reads_cases, Action, Resource};
use crate::auth::session;
use crate::auth::types::{Actor, Role};
use crate::error::{AppError, OrInternal, Problems};
use crate::ids::{AgencyId, UserId};
use crate::state::AppState;

pub async fn list(state: &AppState, actor: Option<&Actor>) -> Result<Vec<UserAccount>, AppError> {
    authorize(actor, Action::Read, Resource::UserAccounts)?;
    let mut conn = state.db.acquire().await?;
    store::list_accounts(&mut conn).await
}

pub async fn get(
    state: &AppState,
    actor: Option<&Actor>,
    id: UserId,
) -> Result<UserAccount, AppError> {
    authorize(actor, Action::Read, Resource::UserAccounts)?;
    let mut conn = state.db.acquire().await?;
    store::get_account(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn check_agency(
    conn: &mut crate::db::Conn,
    agency: Option<AgencyId>,
    p: &mut Problems,
) -> Result<(), AppError> {
    if let Some(a) = agency {
        if !agencies::is_active(conn, a).await? {
            p.add("agency_id", text::AGENCY_UNKNOWN);
        }
    }
    Ok(())
}

pub async fn create(
    state: &AppState,
    actor: Option<&Actor>,
    input: NewUserInput,
) -> Result<CreatedUser, AppError> {
    // Someone who may not create even a member's account is refused before their input is read.
    authorize(
        actor,
        Action::Create,
        Resource::UserAccount { role: Role::Member },
    )?;
    let new = input.parse()?;
    let actor = authorize(
        actor,
        Action::Create,
        Resource::UserAccount { role: new.role },
    )?;
    // An account that will read cases starts inactive, with a password nobody knows: the one
    // to pass on is made when a second person confirms it, and shown to them.
    let reader = reads_cases(new.role, new.agency_id);
    if reader && new.password.is_some() {
        return Err(AppError::validation(
            "password",
            access_text::FIRST_PASSWORD_NEEDS_REQUEST,
        ));
    }
    let (plain, generated) = match &new.password {
        Some(p) => (p.clone(), None),
        None => {
            let g = password::generate();
            (
                NewPasswordInput::parse(&g).or_internal("a generated password meets the rules")?,
                (!reader).then_some(g),
            )
        }
    };
    let hash = password::hash(plain).await?;
    let mut tx = state.write().await?;
    let mut p = Problems::new();
    check_agency(&mut tx, new.agency_id, &mut p).await?;
    if store::email_taken(&mut tx, new.email.as_str()).await? {
        p.add("email", text::EMAIL_TAKEN);
    }
    p.into_result()?;
    let now = crate::time::now();
    // Whoever creates the account knows its first password.
    let id = store::insert(&mut tx, &new, &hash, Some(actor.user_id), now).await?;
    if reader {
        store::set_active(&mut tx, id, false, now).await?;
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "create", "user")
            .id(id)
            .details(serde_json::json!({ "role": new.role.as_str(), "active": !reader })),
    )
    .await?;
    let user = store::get_account(&mut tx, id)
        .await?
        .or_internal("the user account just written")?;
    let request = if reader {
        Some(
            access::ask(
                &mut tx,
                actor,
                &user,
                AccessKind::CreateAccount,
                new.role,
                new.agency_id,
                true,
            )
            .await?,
        )
    } else {
        None
    };
    tx.commit().await?;
    Ok(CreatedUser {
        user,
        initial_password: generated,
        request,
    })
}

pub async fn update(
    state: &AppState,
    actor: Option<&Actor>,
    id: UserId,
    input: UserPatchInput,
) -> Result<UpdatedUser, AppError> {
    // Someone who may not change even a member's account is refused before their input is read.
    authorize(
        actor,
        Action::Update,
        Resource::UserAccount { role: Role::Member },
    )?;
    // The account's own role decides before its input is read: a coordinator learns nothing
    // about a chair's account from a validation message.
    let target_role = {
        let mut conn = state.db.acquire().await?;
        store::get_account(&mut conn, id)
            .await?
            .ok_or(AppError::NotFound)?
            .role
    };
    authorize(
        actor,
        Action::Update,
        Resource::UserAccount { role: target_role },
    )?;
    let patch = input.parse()?;
    let hash = match patch.password.clone() {
        Some(p) => Some(password::hash(p).await?),
        None => None,
    };
    let mut tx = state.write().await?;
    let before = store::get_account(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Checked again inside the transaction: the role may have changed meanwhile.
    let actor = authorize(
        actor,
        Action::Update,
        Resource::UserAccount { role: before.role },
    )?;
    if let Some(role) = patch.role {
        authorize(Some(actor), Action::Update, Resource::UserAccount { role })?;
    }
    let mut p = Problems::new();
    if id == actor.user_id {
        if patch.active == Some(false) {
            p.add("active", text::CANNOT_DISABLE_SELF);
        }
        if patch.role.is_some_and(|r| r != before.role) {
            p.add("role", text::CANNOT_CHANGE_OWN_ROLE);
        }
    }
    if let Some(agency) = patch.agency_id {
        check_agency(&mut tx, agency, &mut p).await?;
    }
    let role_after = patch.role.unwrap_or(before.role);
    let agency_after = patch.agency_id.unwrap_or(before.agency_id);
    let active_after = patch.active.unwrap_or(before.active);
    if role_after == Role::Member && agency_after.is_none() {
        p.add("agency_id", text::AGENCY_REQUIRED_FOR_MEMBER);
    }
    let access = |active: bool, role, agency| active.then_some((role, agency));
    let second_person = needs_second_person(
        access(before.active, before.role, before.agency_id),
        access(active_after, role_after, agency_after),
    );
    // A case reader's password is reset through a request, so that the one who asks never
    // knows it (the confirmer gets a one-time password).
    let reader_after = if second_person {
        reads_cases(before.role, before.agency_id)
    } else {
        reads_cases(role_after, agency_after)
    };
    if hash.is_some() && (second_person || reader_after) {
        p.add("password", access_text::PASSWORD_NEEDS_REQUEST);
    }
    p.into_result()?;

    let now = crate::time::now();
    let mut patch = patch;
    let request = if second_person {
        let kind =
            if !before.active && role_after == before.role && agency_after == before.agency_id {
                AccessKind::Enable
            } else {
                AccessKind::GrantRole
            };
        // Only what gives no access is done now; the rest waits in the request.
        patch.role = None;
        patch.agency_id = None;
        patch.active = None;
        Some((kind, !before.active && active_after))
    } else {
        None
    };
    store::update(&mut tx, id, &patch, now).await?;
    if let Some(h) = &hash {
        store::set_password(&mut tx, id, h, Some(actor.user_id), now).await?;
    }
    let after = store::get_account(&mut tx, id)
        .await?
        .or_internal("the user account just updated")?;
    // Whoever is signed in as a disabled user, or with a password that was just replaced,
    // is signed out everywhere.
    let ends_sessions = (before.active && !after.active) || hash.is_some();
    if ends_sessions {
        session::delete_all_for_user(&mut tx, id).await?;
    }
    let access_changed = (before.role, before.agency_id, before.active)
        != (after.role, after.agency_id, after.active);
    if access_changed {
        access::withdraw_pending_for(&mut tx, actor, id).await?;
    }
    let mut changed = changed_fields(&before, &after);
    if hash.is_some() {
        changed.push("password");
    }
    let action = match (before.active, after.active) {
        (true, false) => "deactivate",
        (false, true) => "reactivate",
        _ => "update",
    };
    if !changed.is_empty() || request.is_none() {
        record(
            &mut tx,
            AuditEvent::new(Some(actor.user_id), action, "user")
                .id(id)
                .details(
                    serde_json::json!({ "changed": changed, "sessions_ended": ends_sessions }),
                ),
        )
        .await?;
    }
    let request = match request {
        Some((kind, activate)) => Some(
            access::ask(
                &mut tx,
                actor,
                &after,
                kind,
                role_after,
                agency_after,
                activate,
            )
            .await?,
        ),
        None => None,
    };
    tx.commit().await?;
    Ok(UpdatedUser {
        user: after,
        request,
    })
}

fn changed_fields(a: &UserAccount, b: &UserAccount) -> Vec<&'static str> {
    let mut v = Vec::new();
    if a.name != b.name {
        v.push("name");
    }
    if a.role != b.role {
        v.push("role");
    }
    if a.agency_id != b.agency_id {
        v.push("agency_id");
    }
    if a.representation != b.representation {
        v.push("representation");
    }
    if a.active != b.active {
        v.push("active");
    }
    v
}
