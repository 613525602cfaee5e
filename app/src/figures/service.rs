//! Use cases: a case's aggregate fields (read and replace), the case figures report, the list
//! of cases behind one figure, and the data return.

use super::data_return::{self, DataReturn, Version};
use super::period::ReportQuery;
use super::report::{self, ActionFigures, CaseReport, FigureList};
use super::store;
use super::types::{CaseFiguresInput, CaseFiguresView};
use crate::audit::store::{record, AuditEvent};
use crate::auth::case_access::case_resource;
use crate::auth::policy::{authorize, Action as Do, Resource};
use crate::auth::types::Actor;
use crate::error::AppError;
use crate::ids::CaseId;
use crate::state::AppState;

/// The case's fields, for whoever may see the case; the read is audited.
pub async fn get(
    state: &AppState,
    actor: Option<&Actor>,
    case: CaseId,
) -> Result<CaseFiguresView, AppError> {
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, case).await?;
    let actor = authorize(actor, Do::Read, resource)?;
    let may_update = authorize(Some(actor), Do::Update, resource).is_ok();
    let reference = store::reference(&mut tx, case)
        .await?
        .ok_or(AppError::NotFound)?;
    let figures = store::get(&mut tx, case).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "read", "case")
            .id(case)
            .details(serde_json::json!({ "part": "figures" })),
    )
    .await?;
    tx.commit().await?;
    Ok(CaseFiguresView {
        case_id: case,
        reference,
        figures,
        may_update,
    })
}

/// Replaces the case's fields, for whoever may update the case; audited with the names of
/// the fields changed (never their values).
pub async fn put(
    state: &AppState,
    actor: Option<&Actor>,
    case: CaseId,
    input: CaseFiguresInput,
) -> Result<CaseFiguresView, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, case).await?;
    let actor = authorize(actor, Do::Update, resource)?;
    let figures = input.parse()?;
    let reference = store::reference(&mut tx, case)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = store::get(&mut tx, case).await?;
    store::put(&mut tx, case, &figures, Some(actor.user_id), now).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update_figures", "case")
            .id(case)
            .details(serde_json::json!({ "changed": figures.changed_from(&before) })),
    )
    .await?;
    tx.commit().await?;
    Ok(CaseFiguresView {
        case_id: case,
        reference,
        figures,
        may_update: true,
    })
}

/// The report with its lists, for the chair and coordinator (the same grant as the actions'
/// report); the read is audited as `what` with the period.
async fn compute(
    state: &AppState,
    actor: Option<&Actor>,
    q: &ReportQuery,
    what: &'static str,
) -> Result<CaseReport, AppError> {
    let actor = authorize(actor, Do::Update, Resource::Meetings)?;
    let period = q.parse()?;
    let adult_women = crate::settings::service::load(state).await?.adult_women;
    let a = crate::actions::reports::report(
        state,
        Some(actor),
        crate::actions::reports::Period {
            from: Some(period.from.to_string()),
            to: Some(period.to.to_string()),
        },
    )
    .await?;
    let actions = ActionFigures {
        due: a.due,
        done: a.done,
        completion_rate: a.completion_rate,
        median_days_to_done: a.median_days_to_done,
        escalations: a.escalations.len() as u32,
        barriers: a
            .barriers
            .iter()
            .map(|(c, n)| (c.as_str().to_string(), c.label().to_string(), *n))
            .collect(),
    };
    let mut tx = state.write().await?;
    let referrals =
        store::referrals_between(&mut tx, &period.from.to_string(), &period.to.to_string()).await?;
    let figures = store::all(&mut tx).await?;
    let agenda = store::agenda_cases(&mut tx).await?;
    let r = report::compute(report::Inputs {
        period,
        now: crate::time::now(),
        adult_women,
        referrals: &referrals,
        figures: &figures,
        agenda: &agenda,
        actions,
    });
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "report", what).details(serde_json::json!({
            "from": period.from.to_string(),
            "to": period.to.to_string(),
            "figure": q.figure,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(r)
}

pub async fn report(
    state: &AppState,
    actor: Option<&Actor>,
    q: ReportQuery,
) -> Result<CaseReport, AppError> {
    compute(state, actor, &q, "case_figures").await
}

/// The cases one figure counts, by reference.
pub async fn figure_list(
    state: &AppState,
    actor: Option<&Actor>,
    q: ReportQuery,
) -> Result<FigureList, AppError> {
    let r = compute(state, actor, &q, "case_figure_list").await?;
    let key = q.figure.clone().unwrap_or_default();
    let f = r.find(key.trim()).ok_or_else(|| {
        AppError::validation("figure", crate::i18n::Msg("figures-figure-unknown"))
    })?;
    Ok(FigureList {
        from: r.from,
        to: r.to,
        key: f.key.clone(),
        label: f.label.clone(),
        count: f.count,
        cases: f.members.clone(),
    })
}

pub async fn data_return(
    state: &AppState,
    actor: Option<&Actor>,
    q: ReportQuery,
) -> Result<DataReturn, AppError> {
    // Checked first, so that a bad version writes nothing.
    let version = Version::parse(q.version.as_deref())?;
    let r = compute(state, actor, &q, "data_return").await?;
    Ok(data_return::build(&r, version))
}

pub async fn data_return_csv(
    state: &AppState,
    actor: Option<&Actor>,
    q: ReportQuery,
) -> Result<String, AppError> {
    Ok(data_return::csv(&data_return(state, actor, q).await?))
}
