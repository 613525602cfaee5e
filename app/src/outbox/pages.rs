//! The admin's outbox page and the choices on "Your account".

use super::server_fns::{my_preferences, outbox_entries, RetryMessage, SavePreferences};
use super::text;
use super::types::{Delivery, OutboxState};
use crate::components::forms::action_error;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, SubmitButton};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const NO_LABELS: &[(&str, crate::i18n::Msg)] = &[];

/// What Convene emails the person, kind by kind.
#[component]
pub fn PreferencesForm() -> impl IntoView {
    let action = ServerAction::<SavePreferences>::new();
    let prefs = Resource::new(move || action.version().get(), |_| my_preferences());
    let error = action_error(action.value());
    view! {
        <section aria-labelledby="prefs-title">
            <h2 id="prefs-title">{text::PREFS_TITLE}</h2>
            <p class="field__hint">{text::PREFS_INTRO}</p>
            <ErrorSummary error=error labels=NO_LABELS/>
            <Show when=move || matches!(action.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{text::PREFS_SAVED}</p>
            </Show>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match prefs.await {
                        Err(e) => error_view(e),
                        Ok(list) => view! {
                            <ActionForm action=action attr:class="form" attr:id="preferences">
                                <table class="table">
                                    <thead><tr><th scope="col">{text::PREFS_KIND}</th><th scope="col">{text::PREFS_HOW}</th></tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|p| {
                                            let name = format!("choices[{}]", p.kind.as_str());
                                            let id = format!("pref-{}", p.kind.as_str());
                                            let hint = format!("{id}-hint");
                                            view! {
                                                <tr>
                                                    <td><label for=id.clone()>{p.label.clone()}</label>
                                                        {p.mandatory.then(|| view! { <p class="field__hint" id=hint.clone()>{text::PREFS_MANDATORY}</p> })}
                                                    </td>
                                                    <td>
                                                        <select class="select" id=id name=name aria-describedby=p.mandatory.then(|| hint.clone())>
                                                            {Delivery::ALL.into_iter()
                                                                .filter(|d| !(p.mandatory && *d == Delivery::None))
                                                                .map(|d| view! { <option value=d.as_str() selected=d == p.delivery>{d.label()}</option> })
                                                                .collect_view()}
                                                        </select>
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <SubmitButton pending=action.pending() label=text::PREFS_SAVE/>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || query.read().get("state").filter(|s| !s.is_empty());
    let retry = ServerAction::<RetryMessage>::new();
    let entries = Resource::new(
        move || (filter(), retry.version().get()),
        |(f, _)| outbox_entries(f),
    );
    let error = action_error(retry.value());
    view! {
        <Title text=text::PAGE_TITLE.as_str()/>
        <h1>{text::PAGE_TITLE}</h1>
        <p>{text::PAGE_INTRO}</p>
        <ErrorSummary error=error labels=NO_LABELS/>
        <Show when=move || matches!(retry.value().get(), Some(Ok(_)))>
            <p class="notice notice--success" role="status">{text::RETRIED}</p>
        </Show>
        <form method="get" action="/outbox" class="form form--inline">
            <label class="field__label" for="state">{text::FILTER_STATE}</label>
            <select class="select" id="state" name="state">
                <option value="">{text::FILTER_ALL}</option>
                {OutboxState::ALL.into_iter().map(|s| {
                    let selected = filter().as_deref() == Some(s.as_str());
                    view! { <option value=s.as_str() selected=selected>{s.label()}</option> }
                }).collect_view()}
            </select>
            <button class="button button--secondary" type="submit">{text::FILTER}</button>
        </form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match entries.await {
                    Err(e) => error_view(e),
                    Ok((rows, configured)) => view! {
                        {(!configured).then(|| view! { <p class="notice notice--warning" role="status">{text::NO_SERVER}</p> })}
                        {if rows.is_empty() { view! { <p class="muted">{text::EMPTY}</p> }.into_any() } else { view! {
                            <table class="table" id="outbox">
                                <thead><tr>
                                    <th scope="col">{text::COL_WHEN}</th><th scope="col">{text::COL_KIND}</th>
                                    <th scope="col">{text::COL_TO}</th><th scope="col">{text::COL_ABOUT}</th>
                                    <th scope="col">{text::COL_STATE}</th><th scope="col">{text::COL_ERROR}</th><th></th>
                                </tr></thead>
                                <tbody>{rows.into_iter().map(|r| {
                                    let retryable = matches!(r.state, OutboxState::Failed | OutboxState::Interrupted);
                                    view! { <tr data-state=r.state.as_str()>
                                        <td>{crate::time::format_local(crate::time::parse_rfc3339(&r.created_at))}</td>
                                        <td>{super::text::kind_label(r.kind)}</td>
                                        <td>{text::USER.with(&[("user", r.user_id.0.into())])}</td>
                                        <td>{r.reference.clone().unwrap_or_default()}</td>
                                        <td>{r.state.label()}</td>
                                        <td>{r.last_error.clone().unwrap_or_default()}</td>
                                        <td>{retryable.then(|| view! {
                                            <ActionForm action=retry>
                                                <input type="hidden" name="id" value=r.id.to_string()/>
                                                <button class="button button--secondary" type="submit">{text::RETRY}</button>
                                            </ActionForm>
                                        })}</td>
                                    </tr> }
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any() }}
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
