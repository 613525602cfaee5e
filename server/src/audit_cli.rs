//! `convene purge [--dry-run]` and `convene audit verify`: what they print.

use crate::startup::BoxError;
use convene_app::db::Pool;
use convene_app::retention::types::PurgePlan;

fn day(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_default()
}

pub async fn purge(db: &Pool, dry_run: bool) -> Result<(), BoxError> {
    let now = convene_app::time::now();
    if dry_run {
        let plan = convene_app::retention::service::preview(db, now).await?;
        print!("{}", describe_plan(&plan));
        println!("Nothing was changed (dry run).");
        return Ok(());
    }
    let r = convene_app::retention::service::purge(db, now).await?;
    println!(
        "Erased the personal data of {} case(s){}",
        r.erased.len(),
        list(&r.erased)
    );
    if !r.held.is_empty() {
        println!(
            "Held back (under review or with open actions): {}",
            r.held.join(", ")
        );
    }
    println!("Removed {} audit row(s).", r.audit_rows_removed);
    Ok(())
}

fn list(refs: &[String]) -> String {
    if refs.is_empty() {
        ".".into()
    } else {
        format!(": {}.", refs.join(", "))
    }
}

pub fn describe_plan(plan: &PurgePlan) -> String {
    let mut out = format!(
        "Closed cases are kept {} months (due: closed before {}); audit rows {} months (due: written before {}).\n",
        plan.case_months,
        day(plan.case_cutoff),
        plan.audit_months,
        day(plan.audit_cutoff)
    );
    let (held, due): (Vec<_>, Vec<_>) = plan.cases.iter().partition(|c| c.held());
    out.push_str(&format!(
        "Cases whose personal data would be erased: {}\n",
        due.len()
    ));
    for c in &due {
        out.push_str(&format!("  {}  closed {}\n", c.reference, day(c.closed_at)));
    }
    if !held.is_empty() {
        out.push_str(&format!(
            "Cases due but kept (never purged while under review or with open actions): {}\n",
            held.len()
        ));
        for c in &held {
            let why: Vec<&str> = [
                (c.under_review, "under review"),
                (c.open_actions, "open actions"),
            ]
            .into_iter()
            .filter_map(|(on, w)| on.then_some(w))
            .collect();
            out.push_str(&format!(
                "  {}  closed {}  ({})\n",
                c.reference,
                day(c.closed_at),
                why.join(", ")
            ));
        }
    }
    match plan.audit_through {
        Some(through) => out.push_str(&format!(
            "Audit rows that would be removed: {} (up to row {through}).\n",
            plan.audit_rows
        )),
        None => out.push_str("Audit rows that would be removed: 0\n"),
    }
    out
}

pub async fn verify(db: &Pool) -> Result<(), BoxError> {
    let v = convene_app::audit::service::verify(db).await?;
    if let Some((id, why)) = v.broken {
        return Err(format!("audit row {id} does not fit the chain: {why}.").into());
    }
    let from = match v.anchored_after {
        Some(a) => format!("chained on from purged row {a}"),
        None => "chained from the start".into(),
    };
    let range = match (v.first_id, v.last_id) {
        (Some(a), Some(b)) => format!(" (ids {a}–{b})"),
        _ => String::new(),
    };
    println!(
        "The audit log is intact: {} row(s){range}, {from}.\nNewest hash: {}",
        v.rows, v.head_hash
    );
    Ok(())
}
