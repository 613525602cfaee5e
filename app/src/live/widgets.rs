//! The agenda beside the screen, and the current item in the centre.

use super::forms::{AgreeActionForm, ContributeForm, OutcomeForm, SummaryEditor};
use super::page::live;
use super::protocol::{Change, LiveItem};
use super::text as t;
use crate::ids::ItemId;
use crate::meetings::agenda::types::ItemKind;
use crate::meetings::types::MeetingStatus;
use leptos::prelude::*;

fn clock(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

#[component]
pub fn ItemList() -> impl IntoView {
    let ctl = live();
    let st = ctl.state;
    let rows = Memo::new(move |_| {
        st.with(|s| {
            s.items
                .iter()
                .map(|i| (i.id, i.position, i.title.clone(), i.kind, i.minutes))
                .collect::<Vec<_>>()
        })
    });
    let chairing = move || st.with(|s| s.may_chair && s.status == MeetingStatus::InSession);
    view! {
        <nav class="live__agenda" aria-label=t::AGENDA>
            <h2>{t::AGENDA}</h2>
            <ol>
                <For each=move || rows.get() key=|r| r.clone() let:r>
                    {
                        let (id, position, title, kind, minutes) = r;
                        let here = move || st.with(|s| s.current_item_id == Some(id));
                        let label = format!("{}: {title}", t::GO);
                        view! {
                            <li class=move || if here() { "live__item live__item--current" } else { "live__item" }
                                aria-current=move || here().then_some("true") data-item=id.0>
                                <span class="live__item-n">{position}"."</span>
                                {
                                    let title = title.clone();
                                    let label = label.clone();
                                    move || if chairing() && !here() {
                                        view! {
                                            <button type="button" class="live__go" aria-label=label.clone()
                                                on:click=move |_| { ctl.send(Change::GoTo { item_id: id }); }>{title.clone()}</button>
                                        }.into_any()
                                    } else {
                                        view! { <span class="live__item-title">{title.clone()}</span> }.into_any()
                                    }
                                }
                                <span class="live__item-meta">{(title != kind.section()).then(|| format!("{} · ", kind.section()))} {t::MINUTES.with(&[("minutes", minutes.into())])}</span>
                            </li>
                        }
                    }
                </For>
            </ol>
        </nav>
    }
}

#[component]
pub fn CurrentItem() -> impl IntoView {
    let st = live().state;
    let current = Memo::new(move |_| st.with(|s| s.current_item_id));
    let status = Memo::new(move |_| st.with(|s| s.status));
    view! {
        <section class="live__current" aria-live="polite" aria-label=t::CURRENT_ITEM>
            {move || match (status.get(), current.get()) {
                (MeetingStatus::Closed | MeetingStatus::MinutesApproved, _) => view! { <p class="notice">{t::ENDED}</p> }.into_any(),
                (_, None) => view! { <p class="notice">{t::NOT_STARTED}</p> }.into_any(),
                (_, Some(id)) if st.with_untracked(|s| s.items.iter().any(|i| i.id == id)) => view! { <ItemDetail id=id/> }.into_any(),
                (_, Some(_)) => view! { <p class="notice">{t::LEFT_AFTER_CHILDREN}</p> }.into_any(),
            }}
        </section>
    }
}

/// One item; rebuilt only when the chair moves, so that nobody's typing is lost when
/// others' changes arrive.
#[component]
fn ItemDetail(id: ItemId) -> impl IntoView {
    let ctl = live();
    let st = ctl.state;
    let item = move || st.with(|s| s.items.iter().find(|i| i.id == id).cloned());
    let first: Option<LiveItem> =
        st.with_untracked(|s| s.items.iter().find(|i| i.id == id).cloned());
    let Some(first) = first else {
        return view! { <p class="notice">{t::HIDDEN_ITEM}</p> }.into_any();
    };
    let may_record = st.with_untracked(|s| s.may_record);
    let is_case = first.case_id.is_some();
    let used = move || {
        item().map(|i| {
            let used = i.timer.used_at(ctl.server_now());
            let over = used > i.minutes as i64 * 60_000;
            (
                clock(used),
                i.minutes,
                over,
                i.timer.running_since_ms.is_some(),
            )
        })
    };
    view! {
        <div class="live__item-detail" data-current-item=id.0>
            <p class="live__section">{first.kind.section()}</p>
            <h2 class="live__title">{first.title.clone()}</h2>
            {move || used().map(|(u, budget, over, running)| view! {
                <p class=if over { "live__timer live__timer--over" } else { "live__timer" } role="timer">
                    <strong>{u}</strong> " " {t::USED.with(&[("minutes", budget.into())])} {running.then_some(" ▶")}
                </p>
            })}
            <crate::cases::pages::contact::NotSafeToContact not_safe=Signal::derive(move || item().is_some_and(|i| i.not_safe_to_contact))/>
            {if !first.visible {
                view! { <p class="notice">{t::HIDDEN_ITEM}</p> }.into_any()
            } else {
                view! {
                    {(first.kind == ItemKind::IncompleteActions).then(|| view! { <Earlier id=id/> })}
                    <section class="live__block">
                        <h3>{t::CONTRIBUTIONS}</h3>
                        {move || {
                            let list = item().map(|i| i.contributions).unwrap_or_default();
                            if list.is_empty() {
                                view! { <p class="muted">{t::NO_CONTRIBUTIONS}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="live__contributions">
                                        {list.into_iter().map(|c| view! {
                                            <li>
                                                <p class="live__who"><strong>{c.agency.clone().unwrap_or_else(|| c.author.clone())}</strong>
                                                    {c.agency.as_ref().map(|_| format!(" – {}", c.author))}</p>
                                                <div class="prose" inner_html=c.body_html></div>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }
                        }}
                        <ContributeForm id=id/>
                    </section>
                    <SummaryEditor id=id may_edit=may_record/>
                    {is_case.then(|| view! {
                        <section class="live__block">
                            <h3>{t::ACTIONS}</h3>
                            {move || {
                                let list = item().map(|i| i.actions).unwrap_or_default();
                                if list.is_empty() {
                                    view! { <p class="muted">{t::NO_ACTIONS}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="live__actions">
                                            {list.into_iter().map(|a| view! {
                                                <li><strong>{a.owner_agency_name.clone()}</strong>
                                                    {a.owner_user_name.clone().map(|n| format!(" ({n})"))}
                                                    " – " {a.kind.label()} ": " {a.text.clone()} " "
                                                    <span class="muted">{t::DUE.with(&[("date", crate::time::format_day(a.due_on).into())])}</span></li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }
                            }}
                            {may_record.then(|| view! { <AgreeActionForm id=id/> })}
                        </section>
                    })}
                }.into_any()
            }}
        </div>
    }
    .into_any()
}

/// The earlier actions brought back, each with its outcome.
#[component]
fn Earlier(id: ItemId) -> impl IntoView {
    let st = live().state;
    let list = Memo::new(move |_| {
        st.with(|s| {
            s.items
                .iter()
                .find(|i| i.id == id)
                .map(|i| i.earlier.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="live__block">
            <h3>{t::EARLIER}</h3>
            <ul class="live__earlier">
                <For each=move || list.get() key=|a| (a.id, a.status) let:a>
                    <li>
                        <strong>{a.reference.clone()}</strong> " – " {a.owner_agency_name.clone()} " – " {a.kind.label()}
                        {a.text.clone().map(|x| format!(": {x}"))}
                        " " <span class="tag tag--grey">{a.status.label()}</span>
                        {(a.text.is_some() && !a.status.is_final()).then(|| view! { <OutcomeForm action_id=a.id/> })}
                    </li>
                </For>
            </ul>
        </section>
    }
}
