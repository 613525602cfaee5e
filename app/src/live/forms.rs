//! The live forms. Each keeps what was typed until the server has acknowledged it, so that
//! a dropped connection or a refusal never loses text.

use super::page::{live, LiveCtl};
use super::protocol::Change;
use super::text as t;
use crate::actions::types::{
    ActionKind, ActionPatchInput, ActionStatus, BarrierCategory, BarrierInput, NewActionInput,
};
use crate::ids::{ActionId, ItemId};
use leptos::prelude::*;

/// Clears `fields` once the change sent with the key in `sent` is acknowledged.
fn clear_when_acknowledged(
    ctl: LiveCtl,
    sent: RwSignal<Option<String>>,
    fields: Vec<RwSignal<String>>,
) {
    Effect::new(move |_| {
        if let Some(key) = sent.get() {
            if !ctl.waiting(&key) {
                if ctl.error.get_untracked().is_none() {
                    for f in &fields {
                        f.set(String::new());
                    }
                }
                sent.set(None);
            }
        }
    });
}

#[component]
pub fn ContributeForm(id: ItemId) -> impl IntoView {
    let ctl = live();
    let body = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<String>);
    clear_when_acknowledged(ctl, sent, vec![body]);
    let field = format!("contribution-{id}");
    view! {
        <form class="live__form no-projector" on:submit=move |e| {
            e.prevent_default();
            if !body.get_untracked().trim().is_empty() {
                sent.set(ctl.send(Change::Contribute { item_id: id, body: body.get_untracked() }));
            }
        }>
            <label class="field__label" for=field.clone()>{t::CONTRIBUTE_LABEL}</label>
            <p class="field__hint">{t::MARKDOWN_HINT}</p>
            <textarea id=field name="body" rows="3" class="input" prop:value=move || body.get()
                on:input=move |e| body.set(event_target_value(&e))></textarea>
            <button type="submit" class="button">{t::CONTRIBUTE}</button>
        </form>
    }
}

#[component]
pub fn SummaryEditor(id: ItemId, may_edit: bool) -> impl IntoView {
    let ctl = live();
    let st = ctl.state;
    let saved = Memo::new(move |_| {
        st.with(|s| {
            s.items
                .iter()
                .find(|i| i.id == id)
                .map(|i| i.summary.clone())
                .unwrap_or_default()
        })
    });
    let editing = RwSignal::new(false);
    let base = RwSignal::new(0i64);
    let summary = RwSignal::new(String::new());
    let decisions = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<String>);
    // Done once our save is acknowledged; a refusal keeps the editor and the text.
    Effect::new(move |_| {
        if let Some(key) = sent.get() {
            if !ctl.waiting(&key) {
                if ctl.error.get_untracked().is_none() {
                    editing.set(false);
                }
                sent.set(None);
            }
        }
    });
    let open = move |_| {
        let s = saved.get_untracked();
        base.set(s.version);
        summary.set(s.summary_md);
        decisions.set(s.decisions_md);
        editing.set(true);
    };
    let newer = move || editing.get() && saved.get().version > base.get();
    view! {
        <section class="live__block">
            <h3>{t::SUMMARY}</h3>
            {move || {
                let s = saved.get();
                if s.version == 0 {
                    view! { <p class="muted">{t::NO_SUMMARY}</p> }.into_any()
                } else {
                    view! {
                        <div class="prose live__summary" inner_html=s.summary_html></div>
                        <h4>{t::DECISIONS}</h4>
                        <div class="prose live__decisions" inner_html=s.decisions_html></div>
                        <p class="muted">{s.by.map(|b| t::LAST_SAVED.with(&[("name", b.into()), ("version", s.version.into())]))}</p>
                    }.into_any()
                }
            }}
            {may_edit.then(|| view! {
                <Show when=move || editing.get() fallback=move || view! {
                    <button type="button" class="button button--secondary no-projector" on:click=open>{t::EDIT_SUMMARY}</button>
                }>
                    <form class="live__form" on:submit=move |e| {
                        e.prevent_default();
                        sent.set(ctl.send(Change::SaveSummary {
                            item_id: id,
                            base_version: base.get_untracked(),
                            summary: summary.get_untracked(),
                            decisions: decisions.get_untracked(),
                        }));
                    }>
                        <Show when=newer>
                            <div class="notice notice--warning" role="alert">
                                <p>{t::SUMMARY_STALE}</p>
                                <button type="button" class="button button--secondary" on:click=move |_| base.set(saved.get_untracked().version)>
                                    {t::SAVE_MINE}
                                </button>
                            </div>
                        </Show>
                        <label class="field__label" for=format!("summary-{id}")>{t::SUMMARY}</label>
                        <textarea id=format!("summary-{id}") class="input" rows="4" prop:value=move || summary.get()
                            on:input=move |e| summary.set(event_target_value(&e))></textarea>
                        <label class="field__label" for=format!("decisions-{id}")>{t::DECISIONS}</label>
                        <textarea id=format!("decisions-{id}") class="input" rows="3" prop:value=move || decisions.get()
                            on:input=move |e| decisions.set(event_target_value(&e))></textarea>
                        <div class="toolbar">
                            <button type="submit" class="button">{t::SAVE_SUMMARY}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| editing.set(false)>{t::CANCEL}</button>
                        </div>
                    </form>
                </Show>
            })}
        </section>
    }
}

#[component]
pub fn AgreeActionForm(id: ItemId) -> impl IntoView {
    let ctl = live();
    let agencies = ctl.state.with_untracked(|s| s.agencies.clone());
    let agency = RwSignal::new(String::new());
    let kind = RwSignal::new(ActionKind::ALL[0].as_str().to_string());
    let text = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let different = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<String>);
    clear_when_acknowledged(ctl, sent, vec![text, due, different]);
    let f = |n: &str| format!("action-{n}-{id}");
    view! {
        <form class="live__form no-projector" on:submit=move |e| {
            e.prevent_default();
            let what = different.get_untracked();
            sent.set(ctl.send(Change::AgreeAction {
                item_id: id,
                action: NewActionInput {
                    owner_agency_id: Some(agency.get_untracked()),
                    kind: kind.get_untracked(),
                    text: text.get_untracked(),
                    due_on: due.get_untracked(),
                    what_is_different: (!what.trim().is_empty()).then_some(what),
                    ..Default::default()
                },
            }));
        }>
            <h4>{t::AGREE}</h4>
            <label class="field__label" for=f("agency")>{t::AGENCY}</label>
            <select id=f("agency") class="select" on:change=move |e| agency.set(event_target_value(&e)) prop:value=move || agency.get()>
                <option value="">{t::CHOOSE_AGENCY}</option>
                {agencies.into_iter().map(|a| view! { <option value=a.id.to_string()>{a.name}</option> }).collect_view()}
            </select>
            <label class="field__label" for=f("kind")>{t::KIND}</label>
            <select id=f("kind") class="select" on:change=move |e| kind.set(event_target_value(&e)) prop:value=move || kind.get()>
                {ActionKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{k.label()}</option> }).collect_view()}
            </select>
            <label class="field__label" for=f("text")>{t::ACTION}</label>
            <textarea id=f("text") class="input" rows="2" prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))></textarea>
            <label class="field__label" for=f("due")>{t::DUE_DATE}</label>
            <input id=f("due") type="date" class="input input--date" prop:value=move || due.get() on:input=move |e| due.set(event_target_value(&e))/>
            <label class="field__label" for=f("different")>{t::WHAT_IS_DIFFERENT}" " <span class="muted">{t::IF_FAILED_BEFORE}</span></label>
            <textarea id=f("different") class="input" rows="2" prop:value=move || different.get() on:input=move |e| different.set(event_target_value(&e))></textarea>
            <button type="submit" class="button">{t::AGREE}</button>
        </form>
    }
}

#[component]
pub fn OutcomeForm(action_id: ActionId) -> impl IntoView {
    let ctl = live();
    let status = RwSignal::new(ActionStatus::Done.as_str().to_string());
    let reason = RwSignal::new(String::new());
    let barrier = RwSignal::new(String::new());
    let not_done = move || ActionStatus::parse(&status.get()).is_ok_and(|s| s.is_not_done());
    let f = move |n: &str| format!("outcome-{n}-{action_id}");
    view! {
        <form class="live__form live__form--inline no-projector" on:submit=move |e| {
            e.prevent_default();
            let r = reason.get_untracked();
            ctl.send(Change::RecordOutcome {
                action_id,
                outcome: ActionPatchInput {
                    status: Some(status.get_untracked()),
                    reason: (!r.trim().is_empty()).then_some(r),
                    barrier: not_done().then(|| BarrierInput { category: barrier.get_untracked(), text: None }),
                    ..Default::default()
                },
            });
        }>
            <label class="field__label" for=f("status")>{t::OUTCOME}</label>
            <select id=f("status") class="select" on:change=move |e| status.set(event_target_value(&e)) prop:value=move || status.get()>
                {ActionStatus::ALL.iter().filter(|s| **s != ActionStatus::Open).map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
            </select>
            <label class="field__label" for=f("reason")>{t::REASON}" " <span class="muted">{t::REASON_WHEN}</span></label>
            <input id=f("reason") class="input" prop:value=move || reason.get() on:input=move |e| reason.set(event_target_value(&e))/>
            <Show when=not_done>
                <label class="field__label" for=f("barrier")>{t::IN_THE_WAY}</label>
                <select id=f("barrier") class="select" on:change=move |e| barrier.set(event_target_value(&e)) prop:value=move || barrier.get()>
                    <option value="">{t::CHOOSE}</option>
                    {BarrierCategory::ALL.iter().map(|b| view! { <option value=b.as_str()>{b.label()}</option> }).collect_view()}
                </select>
            </Show>
            <button type="submit" class="button button--secondary">{t::RECORD_OUTCOME}</button>
        </form>
    }
}
