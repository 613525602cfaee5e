//! Small pieces shown wherever a case is: risk, criteria, status and deadline tags.

use crate::cases::criteria::Criteria;
use crate::cases::text as t;
use crate::cases::types::{CaseStatus, Deadline};
use leptos::prelude::*;

/// Risk as a word and a number, never colour alone.
#[component]
pub fn RiskTag(criteria: Criteria) -> impl IntoView {
    let (class, word) = if criteria.visible_high_risk {
        ("tag tag--risk-high", t::VISIBLE_HIGH_RISK)
    } else {
        ("tag tag--risk-medium", crate::i18n::Msg("cases-checklist"))
    };
    view! {
        <span class=class>
            <span aria-hidden="true">{if criteria.visible_high_risk { "▲ " } else { "● " }}</span>
            {word} " · " {crate::i18n::Msg("cases-yes-count").with(&[("count", criteria.dash_yes.into())])}
        </span>
    }
}

#[component]
pub fn CriteriaList(criteria: Criteria) -> impl IntoView {
    let labels = criteria.labels();
    view! {
        <span class="criteria">
            {if labels.is_empty() {
                view! { <span class="muted">{crate::i18n::Msg("cases-none")}</span> }.into_any()
            } else {
                labels.into_iter().map(|l| view! { <span class="tag tag--grey">{l}</span> " " }).collect_view().into_any()
            }}
        </span>
    }
}

#[component]
pub fn StatusTag(status: CaseStatus) -> impl IntoView {
    let class = match status {
        CaseStatus::Referred => "tag tag--blue",
        CaseStatus::Active => "tag tag--green",
        CaseStatus::Monitoring => "tag tag--yellow",
        CaseStatus::Closed => "tag tag--grey",
    };
    view! { <span class=class>{status.label()}</span> }
}

#[component]
pub fn DeadlineTag(label: &'static str, deadline: Deadline) -> impl IntoView {
    let when = |secs: i64| crate::time::format_local(secs);
    match deadline {
        Deadline::Overdue { by_unix } => view! {
            <span class="tag tag--red" title=crate::i18n::Msg("cases-was-due").with(&[("what", label.into()), ("when", when(by_unix).into())])>
                <span aria-hidden="true">"! "</span>{t::OVERDUE} ": " {label}
            </span>
        }
        .into_any(),
        Deadline::Due { by_unix } => view! {
            <span class="tag tag--yellow">{t::DUE} ": " {label} " – " {crate::i18n::Msg("cases-by").with(&[("when", when(by_unix).into())])}</span>
        }
        .into_any(),
        Deadline::Done { on } => view! { <span class="tag tag--green">{t::DONE} ": " {label} " – " {crate::time::format_day(on)}</span> }.into_any(),
        Deadline::NotApplicable => ().into_any(),
    }
}
