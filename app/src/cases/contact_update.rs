//! Safe-to-contact and the victim's contact details changed after the referral: by an involved
//! agency (or the chair or coordinator) with a reason, or by a new referral of the same
//! victim. The audit row names the fields that changed and why, never their values.

use super::contact_store as store;
use super::types::{ContactInput, ContactUpdated, Victim};
use crate::audit::store::{record, AuditEvent};
use crate::auth::case_access::case_resource;
use crate::auth::policy::{authorize, Action};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{CaseId, UserId};
use crate::state::AppState;

/// The audit action of a change of contact details (named in the case's timeline).
pub const AUDIT_ACTION: &str = "update_contact";

/// The fields that differ, by the names the audit log and the timeline use.
fn changed(
    before: &(bool, Option<String>),
    safe_to_contact: bool,
    safe_contact: Option<&str>,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    if before.0 != safe_to_contact {
        out.push("safe_to_contact");
    }
    if before.1.as_deref() != safe_contact {
        out.push("victim_safe_contact");
    }
    out
}

/// Writes the new values and the audit row; the values themselves go nowhere else.
async fn apply(
    conn: &mut Conn,
    by: UserId,
    case: CaseId,
    safe_to_contact: Option<bool>,
    safe_contact: Option<Option<String>>,
    why: serde_json::Value,
    now: i64,
) -> Result<ContactUpdated, AppError> {
    let before = store::current(conn, case)
        .await?
        .ok_or(AppError::NotFound)?;
    let safe = safe_to_contact.unwrap_or(before.0);
    let contact = match &safe_contact {
        Some(v) => v.clone(),
        None => before.1.clone(),
    };
    let fields = changed(&before, safe, contact.as_deref());
    if !fields.is_empty() {
        store::set(conn, case, safe, contact.as_deref(), now).await?;
        let mut details = why;
        details["changed"] = serde_json::json!(fields);
        record(
            conn,
            AuditEvent::new(Some(by), AUDIT_ACTION, "case")
                .id(case)
                .details(details),
        )
        .await?;
    }
    Ok(ContactUpdated {
        changed: fields.into_iter().map(str::to_string).collect(),
        not_safe_to_contact: !safe,
    })
}

/// An edit from the case page or `PUT /cases/{id}/contact`. Whoever may read these details
/// with a reason (an involved agency, the chair, the coordinator) may correct them with one.
pub async fn update(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    input: ContactInput,
) -> Result<ContactUpdated, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Reveal, resource)?;
    let change = input.parse()?;
    let why = serde_json::json!({
        "reason_category": change.reason.as_str(),
        "reason_length": change.reason_length,
    });
    let done = apply(
        &mut tx,
        actor.user_id,
        id,
        change.safe_to_contact,
        change.safe_contact,
        why,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(done)
}

/// A new referral of a victim whose case the referrer may see brings her latest word on
/// contact: safe-to-contact always, the details when given. In the referral's transaction.
pub async fn from_referral(
    conn: &mut Conn,
    by: UserId,
    case: CaseId,
    victim: &Victim,
    now: i64,
) -> Result<(), AppError> {
    let why = serde_json::json!({ "reason_category": "referral" });
    apply(
        conn,
        by,
        case,
        Some(victim.safe_to_contact),
        victim.safe_contact.clone().map(Some),
        why,
        now,
    )
    .await
    .map(|_| ())
}

/// Of these cases, those whose victim must not be contacted (for the live meeting's screen).
pub async fn not_safe_in(conn: &mut Conn, cases: &[CaseId]) -> Result<Vec<CaseId>, AppError> {
    store::not_safe_to_contact(conn, cases).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_fields_that_differ_count_as_changed() {
        let before = (true, Some("0722".to_string()));
        assert!(changed(&before, true, Some("0722")).is_empty());
        assert_eq!(changed(&before, false, Some("0722")), ["safe_to_contact"]);
        assert_eq!(changed(&before, true, None), ["victim_safe_contact"]);
    }
}
