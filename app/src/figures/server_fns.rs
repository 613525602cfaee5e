//! The browser's doors to the case figures: decode, one use case, map the error.

use super::report::{CaseReport, FigureList};
use super::types::{CaseFiguresInput, CaseFiguresView};
use crate::error::AppError;
use crate::ids::CaseId;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn case_figures(id: CaseId) -> Result<CaseFiguresView, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::get(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn save_case_figures(
    id: CaseId,
    form: CaseFiguresInput,
) -> Result<CaseFiguresView, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::put(&state, actor.as_ref(), id, form).await)
}

#[server(prefix = "/_fn")]
pub async fn case_figures_report(
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    figure: Option<String>,
) -> Result<CaseReport, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let q = super::period::ReportQuery {
        period,
        from,
        to,
        figure,
        version: None,
    };
    respond(super::service::report(&state, actor.as_ref(), q).await)
}

#[server(prefix = "/_fn")]
pub async fn case_figure_list(
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    figure: Option<String>,
) -> Result<FigureList, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let q = super::period::ReportQuery {
        period,
        from,
        to,
        figure,
        version: None,
    };
    respond(super::service::figure_list(&state, actor.as_ref(), q).await)
}
