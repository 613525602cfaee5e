//! The purge. Operator tooling (the daily task and the command line), not a request: there is
//! no actor to authorize, and the audit rows name none.

use super::store;
use super::types::{months_before, PurgePlan, PurgeReport};
use crate::audit::chain_store;
use crate::audit::store::{record, AuditEvent};
use crate::db::{Conn, Pool};
use crate::error::AppError;

async fn plan_in(conn: &mut Conn, now: i64) -> Result<PurgePlan, AppError> {
    let settings = crate::settings::service::read_in(conn).await?;
    let case_cutoff = months_before(now, settings.retention_case_months);
    let audit_cutoff = months_before(now, settings.retention_audit_months);
    let cases = store::due_cases(conn, case_cutoff, &today(now), None).await?;
    let audit = chain_store::purgeable(conn, audit_cutoff).await?;
    Ok(PurgePlan {
        case_months: settings.retention_case_months,
        audit_months: settings.retention_audit_months,
        case_cutoff,
        audit_cutoff,
        cases,
        audit_through: audit.map(|(through, _)| through),
        audit_rows: audit.map(|(_, n)| n).unwrap_or(0),
    })
}

fn today(now: i64) -> String {
    chrono::DateTime::from_timestamp(now, 0)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_default()
}

/// What a purge now would do (`--dry-run`). Changes nothing but the audit row recording that
/// the list of due cases was looked at.
pub async fn preview(db: &Pool, now: i64) -> Result<PurgePlan, AppError> {
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    let plan = plan_in(&mut tx, now).await?;
    record(
        &mut tx,
        AuditEvent::new(None, "preview", "retention").details(serde_json::json!({
            "due_cases": plan.cases.len(),
            "held_cases": plan.cases.iter().filter(|c| c.held()).count(),
            "audit_rows": plan.audit_rows,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(plan)
}

/// Erases every due case that is not held back (one transaction each, so the server keeps
/// serving meanwhile), then removes the audit rows past their period.
pub async fn purge(db: &Pool, now: i64) -> Result<PurgeReport, AppError> {
    let plan = {
        let mut conn = db.acquire().await?;
        plan_in(&mut conn, now).await?
    };
    let mut report = PurgeReport::default();
    for due in &plan.cases {
        let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
        // Re-checked under the write lock: an action may have been opened meanwhile.
        let now_due =
            store::due_cases(&mut tx, plan.case_cutoff, &today(now), Some(due.id)).await?;
        match now_due.first() {
            Some(c) if !c.held() => {
                // False when a concurrent run erased it first.
                let erased_now = store::erase_case(&mut tx, c.id, now).await?;
                if erased_now {
                    record(
                        &mut tx,
                        AuditEvent::new(None, "erase", "case").id(c.id).details(
                            serde_json::json!({
                                "reference": c.reference,
                                "closed_at": crate::time::rfc3339(c.closed_at),
                                "retention_months": plan.case_months,
                            }),
                        ),
                    )
                    .await?;
                    report.erased.push(c.reference.clone());
                }
            }
            Some(c) => report.held.push(c.reference.clone()),
            None => {}
        }
        tx.commit().await?;
    }
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    if let Some((through, _)) = chain_store::purgeable(&mut tx, plan.audit_cutoff).await? {
        let removed = chain_store::purge_through(&mut tx, through, now).await?;
        record(
            &mut tx,
            AuditEvent::new(None, "purge", "audit_log").details(serde_json::json!({
                "through_id": through,
                "rows": removed,
                "retention_months": plan.audit_months,
            })),
        )
        .await?;
        report.audit_rows_removed = removed;
    }
    tx.commit().await?;
    Ok(report)
}

/// Purges once at `first`, then every `period`, until `stop` resolves (checked while
/// waiting, so shutting down never waits for the next day). A failed run is logged and
/// retried at the next one.
pub async fn run_every(
    db: Pool,
    first: std::time::Duration,
    period: std::time::Duration,
    stop: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(stop);
    let mut wait = first;
    loop {
        tokio::select! {
            _ = &mut stop => return,
            _ = tokio::time::sleep(wait) => {}
        }
        match purge(&db, crate::time::now()).await {
            Ok(r) => tracing::info!(
                erased = r.erased.len(),
                held = r.held.len(),
                audit_rows_removed = r.audit_rows_removed,
                "retention purge done"
            ),
            Err(e) => tracing::error!(error = %e, "retention purge failed"),
        }
        wait = period;
    }
}
