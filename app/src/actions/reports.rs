//! The steering group's figures: completion, time to done, overdue, carry-overs, escalations
//! and the barrier register.

use super::store::{self, Query};
use super::types::*;
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action as Do, Resource};
use crate::auth::types::Actor;
use crate::error::{AppError, Problems};
use crate::ids::AgencyId;
use crate::state::AppState;
use chrono::NaiveDate;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct Period {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
}

/// The period asked for, inclusive; by default the last twelve months up to today.
pub fn parse_period(p: &Period) -> Result<(NaiveDate, NaiveDate), AppError> {
    let mut problems = Problems::new();
    let mut day = |field: &str, v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .and_then(|s| {
                problems.take(
                    field,
                    NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .map_err(|_| super::text::DUE_INVALID.to_string()),
                )
            })
    };
    let to = day("to", &p.to).unwrap_or_else(store::today);
    let from = day("from", &p.from).unwrap_or(to - chrono::Days::new(365));
    if from > to {
        problems.add("to", super::text::PERIOD_INVALID);
    }
    problems.into_result()?;
    Ok((from, to))
}

fn rate(done: u32, due: u32) -> Option<f64> {
    (due > 0).then(|| (done as f64 * 1000.0 / due as f64).round() / 10.0)
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

pub async fn report(
    state: &AppState,
    actor: Option<&Actor>,
    period: Period,
) -> Result<ActionReport, AppError> {
    let actor = authorize(actor, Do::Update, Resource::Meetings)?;
    let (from, to) = parse_period(&period)?;
    let mut tx = state.write().await?;
    let all = store::list(&mut tx, &Query::default()).await?;
    let closed = store::done_times(&mut tx).await?;
    let due: Vec<&Action> = all
        .iter()
        .filter(|a| a.due_on >= from && a.due_on <= to && a.status != ActionStatus::Superseded)
        .collect();
    let done = due
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .count() as u32;
    let mut agencies: BTreeMap<(String, AgencyId), AgencyFigures> = BTreeMap::new();
    for a in &all {
        let e = agencies
            .entry((a.owner_agency_name.clone(), a.owner_agency_id))
            .or_insert_with(|| AgencyFigures {
                agency_id: a.owner_agency_id,
                agency_name: a.owner_agency_name.clone(),
                due: 0,
                done: 0,
                completion_rate: None,
                overdue: 0,
            });
        if a.overdue {
            e.overdue += 1;
        }
    }
    for a in &due {
        if let Some(e) = agencies.get_mut(&(a.owner_agency_name.clone(), a.owner_agency_id)) {
            e.due += 1;
            if a.status == ActionStatus::Done {
                e.done += 1;
            }
        }
    }
    let by_agency: Vec<AgencyFigures> = agencies
        .into_values()
        .map(|mut e| {
            e.completion_rate = rate(e.done, e.due);
            e
        })
        .collect();
    let days: Vec<f64> = closed
        .iter()
        .filter(|(id, _, _)| due.iter().any(|a| a.id == *id))
        .map(|(_, created, closed)| ((closed - created) as f64 / 86_400.0 * 10.0).round() / 10.0)
        .collect();
    let mut carry: BTreeMap<u32, u32> = BTreeMap::new();
    for a in &due {
        *carry.entry(a.carried_over).or_default() += 1;
    }
    let mut escalations = Vec::new();
    for a in all.iter().filter(|a| a.escalated) {
        let reasons = store::history_of(&mut tx, a.id)
            .await?
            .into_iter()
            .filter_map(|h| h.reason.or(h.note))
            .collect();
        escalations.push(Escalation {
            action_id: a.id,
            reference: a.reference.clone(),
            agency_name: a.owner_agency_name.clone(),
            kind: a.kind,
            carried_over: a.carried_over,
            reasons,
        });
    }
    let mut barriers: BTreeMap<&'static str, (BarrierCategory, u32)> = BTreeMap::new();
    for a in due.iter().filter(|a| a.barrier_category.is_some()) {
        let c = a.barrier_category.expect("filtered");
        barriers.entry(c.as_str()).or_insert((c, 0)).1 += 1;
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "report", "action")
            .details(serde_json::json!({ "from": from.to_string(), "to": to.to_string() })),
    )
    .await?;
    tx.commit().await?;
    Ok(ActionReport {
        from,
        to,
        due: due.len() as u32,
        done,
        completion_rate: rate(done, due.len() as u32),
        median_days_to_done: median(days),
        by_agency,
        carry_overs: carry.into_iter().collect(),
        escalations,
        barriers: barriers.into_values().collect(),
    })
}

/// Not-done outcomes by barrier category, agency and month.
pub async fn barriers(
    state: &AppState,
    actor: Option<&Actor>,
    period: Period,
) -> Result<Vec<BarrierGroup>, AppError> {
    let actor = authorize(actor, Do::Update, Resource::Meetings)?;
    let (from, to) = parse_period(&period)?;
    // Local days: a period ends at the group's midnight.
    let start = crate::time::local_day_start(from);
    let end = crate::time::local_day_start(to + chrono::Days::new(1));
    let mut tx = state.write().await?;
    let rows = store::barriers_closed_between(&mut tx, start, end).await?;
    let list = store::list(
        &mut tx,
        &Query {
            ids: Some(rows.iter().map(|r| r.0).collect()),
            ..Default::default()
        },
    )
    .await?;
    let mut groups: BTreeMap<(String, String, String), BarrierGroup> = BTreeMap::new();
    for (id, closed) in rows {
        let Some(a) = list.iter().find(|a| a.id == id) else {
            continue;
        };
        let Some(category) = a.barrier_category else {
            continue;
        };
        let period = chrono::DateTime::from_timestamp(closed, 0)
            .map(|t| t.format("%Y-%m").to_string())
            .unwrap_or_default();
        let reason = store::history_of(&mut tx, id)
            .await?
            .into_iter()
            .rev()
            .find_map(|h| h.reason);
        let entry = BarrierEntry {
            action_id: id,
            reference: a.reference.clone(),
            agency_id: a.owner_agency_id,
            agency_name: a.owner_agency_name.clone(),
            category,
            text: a.barrier_text.clone(),
            reason,
            period: period.clone(),
            at: crate::time::rfc3339(closed),
        };
        let g = groups
            .entry((
                category.as_str().to_string(),
                a.owner_agency_name.clone(),
                period.clone(),
            ))
            .or_insert_with(|| BarrierGroup {
                category,
                agency_name: a.owner_agency_name.clone(),
                period,
                count: 0,
                entries: vec![],
            });
        g.count += 1;
        g.entries.push(entry);
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "report", "barrier"),
    )
    .await?;
    tx.commit().await?;
    Ok(groups.into_values().collect())
}

/// The actions the actor may see, as CSV.
pub async fn csv(
    state: &AppState,
    actor: Option<&Actor>,
    filter: ActionFilter,
) -> Result<String, AppError> {
    let list = super::service::list(state, actor, filter).await?;
    Ok(super::csv::actions(&list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_medians_are_computed_as_people_would() {
        assert_eq!(rate(2, 3), Some(66.7));
        assert_eq!(rate(0, 0), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }
}
