//! Browsing the audit log. Filters travel in the query string, so a filtered view can be
//! bookmarked and works before the page's script has loaded.

use super::server_fns::browse_audit;
use super::text;
use super::types::{AuditEntry, AuditFilter, AuditPage as Browsed};
use crate::components::status::error_view;
use crate::components::FieldError;
use crate::error::AppError;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

const ENTITIES: &[(&str, Msg)] = &[
    ("", Msg("audit-entity-any")),
    ("agency", Msg("audit-entity-agency")),
    ("user", Msg("audit-entity-user")),
    ("settings", Msg("audit-entity-settings")),
    ("case", Msg("audit-entity-case")),
    ("retention", Msg("audit-entity-retention")),
    ("audit_log", Msg("audit-entity-audit-log")),
];

/// The filters the address asks for.
fn filter_from_query() -> impl Fn() -> AuditFilter + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        let q = query.read();
        let get = |k: &str| q.get(k).filter(|s| !s.is_empty());
        AuditFilter {
            actor_user_id: get("actor_user_id").and_then(|s| s.parse().ok()),
            entity: get("entity"),
            entity_id: get("entity_id"),
            action: get("action"),
            from: get("from"),
            to: get("to"),
            before_id: get("before_id").and_then(|s| s.parse().ok()),
            limit: None,
        }
    }
}

/// The page's data, made by the route outside the access guard: the guard's `Suspense` builds
/// its children more than once on the server, and each build would browse (and so audit) the
/// log again, leaving the browser data from the first browse under HTML from the last.
pub fn audit_resource() -> Resource<Result<Browsed, AppError>> {
    Resource::new(filter_from_query(), browse_audit)
}

#[component]
pub fn AuditPage(page: Resource<Result<Browsed, AppError>>) -> impl IntoView {
    let current = filter_from_query();
    view! {
        <Title text=text::TITLE.as_str()/>
        <h1>{text::TITLE}</h1>
        <p class="lead">{text::INTRO}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let result = page.await;
                let f = current();
                let err: Signal<Option<AppError>> = {
                    let e = result.as_ref().err().cloned();
                    Signal::derive(move || e.clone())
                };
                let filters = view! { <Filters filter=f.clone() error=err/> };
                let body = match result {
                    Err(AppError::Validation { .. }) => ().into_any(),
                    Err(e) => error_view(e),
                    Ok(p) if p.entries.is_empty() => view! { <p class="muted">{text::EMPTY}</p> }.into_any(),
                    Ok(p) => {
                        let next = p.next_before_id.map(|id| {
                            let mut f = f.clone();
                            f.before_id = Some(id);
                            format!("/audit?{}", query_string(&f))
                        });
                        view! {
                            <table class="table table--compact">
                                <caption class="visually-hidden">{text::TITLE}</caption>
                                <thead><tr>
                                    <th scope="col">{text::COL_WHEN}</th>
                                    <th scope="col">{text::COL_WHO}</th>
                                    <th scope="col">{text::COL_WHAT}</th>
                                    <th scope="col">{text::COL_RECORD}</th>
                                    <th scope="col">{text::COL_DETAILS}</th>
                                </tr></thead>
                                <tbody>{p.entries.into_iter().map(|e| view! { <Entry entry=e/> }).collect_view()}</tbody>
                            </table>
                            {next.map(|href| view! { <p><A href=href>{text::OLDER}</A></p> })}
                        }.into_any()
                    }
                };
                view! { {filters} {body} }
            })}
        </Suspense>
    }
}

fn query_string(f: &AuditFilter) -> String {
    let mut parts = vec![];
    let mut push = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            parts.push(format!("{k}={}", urlencode(&v)));
        }
    };
    push("actor_user_id", f.actor_user_id.map(|v| v.to_string()));
    push("entity", f.entity.clone());
    push("entity_id", f.entity_id.clone());
    push("action", f.action.clone());
    push("from", f.from.clone());
    push("to", f.to.clone());
    push("before_id", f.before_id.map(|v| v.to_string()));
    parts.join("&")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
fn Filters(filter: AuditFilter, #[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let entity = filter.entity.clone().unwrap_or_default();
    view! {
        <Form method="GET" action="/audit" attr:class="filters">
            <div class="field">
                <label class="field__label" for="entity">{text::RECORD_TYPE}</label>
                <select class="select" id="entity" name="entity">
                    {ENTITIES.iter().map(|(v, l)| view! { <option value=*v selected=entity == *v>{*l}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="field__label" for="action">{text::ACTION}</label>
                <input class="input input--medium" type="text" id="action" name="action" value=filter.action.clone().unwrap_or_default() placeholder=text::ACTION_PLACEHOLDER/>
            </div>
            <div class="field">
                <label class="field__label" for="from">{text::FROM}</label>
                <FieldError error=error name="from"/>
                <input class="input input--medium" type="date" id="from" name="from" value=filter.from.clone().unwrap_or_default()/>
            </div>
            <div class="field">
                <label class="field__label" for="to">{text::TO}</label>
                <FieldError error=error name="to"/>
                <input class="input input--medium" type="date" id="to" name="to" value=filter.to.clone().unwrap_or_default()/>
            </div>
            <button type="submit" class="button button--secondary">{text::FILTER}</button>
        </Form>
    }
}

#[component]
fn Entry(entry: AuditEntry) -> impl IntoView {
    let who = entry.actor_name.clone().unwrap_or_else(|| "—".into());
    // Record types the filter offers are named; any other stays the log's own code.
    let kind = ENTITIES
        .iter()
        .find(|(code, _)| !code.is_empty() && *code == entry.entity)
        .map(|(_, label)| label.as_str());
    let record = view! {
        {match kind {
            Some(label) => view! { {label} }.into_any(),
            None => view! { <code>{entry.entity.clone()}</code> }.into_any(),
        }}
        {entry.entity_id.clone().map(|id| format!(" {id}"))}
    };
    let details = entry.details.as_ref().map(|d| d.to_string());
    view! {
        <tr>
            <td><time datetime=entry.at.clone()>{crate::time::format_local(entry.at_unix)}</time></td>
            <td>{who}</td>
            // The action is the log's code, the same one the filter above takes.
            <td><code>{entry.action.clone()}</code></td>
            <td>{record}</td>
            <td>{entry.reason.clone()} {details.map(|d| view! { <code class="details">{d}</code> })}</td>
        </tr>
    }
}
