//! The live meeting screen: the current item large in the centre, the agenda beside it, who
//! is connected, the timer, what agencies share, the summary and the actions agreed. The
//! server renders the current state, so a reload is never blank; the socket then keeps it
//! current.

use super::protocol::{Change, LiveState};
use super::server_fns::{get_live_state, AcknowledgeLive};
use super::text as t;
use super::widgets::{CurrentItem, ItemList};
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, SubmitButton};
use crate::error::AppError;
use crate::meetings::pages::agenda::meeting_id;
use crate::meetings::pages::widgets::MeetingStatusTag;
use crate::meetings::types::MeetingStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conn {
    Connecting,
    Open,
    Reconnecting,
    /// The server closed the connection for good, with its reason.
    Ended(String),
}

/// The live page's state and its way to send changes, shared by its parts.
#[derive(Clone, Copy)]
pub struct LiveCtl {
    pub state: RwSignal<LiveState>,
    pub conn: RwSignal<Conn>,
    /// Changes sent (or waiting to be) and not yet acknowledged, with their keys.
    pub pending: RwSignal<Vec<(String, Change)>>,
    pub error: RwSignal<Option<AppError>>,
    /// Server clock minus this browser's, for the timers.
    pub offset_ms: RwSignal<f64>,
    pub now_ms: RwSignal<f64>,
}

impl LiveCtl {
    /// Queues the change and sends it; returns its key (kept until acknowledged).
    pub fn send(&self, change: Change) -> Option<String> {
        #[cfg(feature = "hydrate")]
        {
            let key = super::client::new_key();
            self.error.set(None);
            self.pending
                .update(|p| p.push((key.clone(), change.clone())));
            super::client::transmit(&key, &change);
            Some(key)
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = change;
            None
        }
    }

    /// Whether the change sent with `key` is still waiting for its acknowledgement.
    pub fn waiting(&self, key: &str) -> bool {
        self.pending.with(|p| p.iter().any(|(k, _)| k == key))
    }

    /// The server's time now, in milliseconds.
    pub fn server_now(&self) -> i64 {
        (self.now_ms.get() + self.offset_ms.get()) as i64
    }
}

pub fn live() -> LiveCtl {
    expect_context::<LiveCtl>()
}

#[component]
pub fn LivePage() -> impl IntoView {
    let id = meeting_id();
    let ack = ServerAction::<AcknowledgeLive>::new();
    let state = page_resource(|| {
        Resource::new(
            move || (id.get(), ack.version().get()),
            |(id, _)| async move {
                match id {
                    Some(id) => get_live_state(id).await,
                    None => Err(AppError::NotFound),
                }
            },
        )
    });
    view! {
        <Title text=t::TITLE.as_str()/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (state.await, id.get()) {
                    (Ok(s), _) => view! { <LiveView initial=s/> }.into_any(),
                    (Err(AppError::Conflict { message }), Some(id)) if message == t::ACKNOWLEDGE_FIRST => view! {
                        <h1>{t::TITLE}</h1>
                        <div class="notice notice--warning" role="alert">
                            <p><strong>{t::BEFORE_OPENS}</strong>" "{crate::meetings::minutes::text::CONFIDENTIALITY}</p>
                            <ActionForm action=ack>
                                <input type="hidden" name="id" value=id.to_string()/>
                                <SubmitButton pending=ack.pending() label=t::ACKNOWLEDGE/>
                            </ActionForm>
                        </div>
                    }.into_any(),
                    (Err(AppError::Conflict { message }), _) => view! {
                        <h1>{t::TITLE}</h1>
                        <p class="notice">{message}</p>
                    }.into_any(),
                    (Err(e), _) => error_view(e),
                }
            })}
        </Suspense>
    }
}

/// The fields of the live forms, for the summary of problems.
const LABELS: &[(&str, crate::i18n::Msg)] = &[
    ("item_id", t::ITEM),
    ("body", t::CONTRIBUTE_LABEL),
    ("summary", t::SUMMARY),
    ("decisions", t::DECISIONS),
    ("owner_agency_id", t::AGENCY),
    ("owner_user_id", t::PERSON),
    ("kind", t::KIND),
    ("text", t::ACTION),
    ("due_on", t::DUE_DATE),
    ("what_is_different", t::WHAT_IS_DIFFERENT),
    ("status", t::OUTCOME),
    ("reason", t::REASON),
    ("action_id", t::ACTION),
    ("key", t::KEY),
    ("message", t::MESSAGE),
];

#[component]
fn LiveView(initial: LiveState) -> impl IntoView {
    let meeting = initial.meeting_id;
    let title = initial.title.clone();
    let ctl = LiveCtl {
        offset_ms: RwSignal::new(0.0),
        now_ms: RwSignal::new(initial.now_ms as f64),
        state: RwSignal::new(initial),
        conn: RwSignal::new(Conn::Connecting),
        pending: RwSignal::new(vec![]),
        error: RwSignal::new(None),
    };
    provide_context(ctl);
    #[cfg(feature = "hydrate")]
    {
        ctl.now_ms.set(super::client::now_ms());
        super::client::start(ctl, meeting);
        chair_keys(ctl);
    }
    let projector = RwSignal::new(false);
    let st = ctl.state;
    view! {
        <div class=move || if projector.get() { "live live--projector" } else { "live" } data-seq=move || st.with(|s| s.seq)>
            <p class="marking" role="note"><strong>{crate::meetings::text::MARKING}</strong></p>
            <p class="no-print"><A href=format!("/meetings/{meeting}")>{t::BACK_TO_AGENDA}</A></p>
            <header class="live__bar">
                <h1>{title}</h1>
                {move || view! { <MeetingStatusTag status=st.with(|s| s.status)/> }}
                <ConnectionState/>
                <button type="button" class="button button--secondary live__projector" aria-pressed=move || projector.get().to_string()
                    on:click=move |_| projector.update(|p| *p = !*p)>
                    {move || if projector.get() { t::LEAVE_PROJECTOR.as_str() } else { t::PROJECTOR.as_str() }}
                </button>
            </header>
            <Presence/>
            <ErrorSummary error=ctl.error labels=LABELS/>
            <ChairControls/>
            {move || st.with(|s| s.left_after_children).then(|| view! { <p class="notice notice--warning" role="status">{t::LEFT_AFTER_CHILDREN}</p> })}
            {move || st.with(|s| s.children_done && !s.left_after_children).then(|| view! { <p class="notice">{t::CHILDREN_DONE_NOTE}</p> })}
            <div class="live__grid">
                <ItemList/>
                <CurrentItem/>
            </div>
        </div>
    }
}

#[component]
fn ConnectionState() -> impl IntoView {
    let ctl = live();
    let waiting = move || ctl.pending.with(|p| p.len());
    view! {
        <p class="live__conn" role="status" aria-live="polite" data-conn=move || match ctl.conn.get() {
            Conn::Connecting => "connecting", Conn::Open => "open", Conn::Reconnecting => "reconnecting", Conn::Ended(_) => "ended",
        }>
            {move || match ctl.conn.get() {
                Conn::Connecting => view! { <span class="tag tag--grey">{t::CONNECTING}</span> }.into_any(),
                Conn::Open => view! { <span class="tag tag--green">{t::CONNECTED}</span> }.into_any(),
                Conn::Reconnecting => view! { <span class="tag tag--yellow">{t::RECONNECTING}</span> }.into_any(),
                Conn::Ended(reason) => view! { <span class="tag tag--red">{if reason == crate::live::protocol::CLOSING_TOO_MANY_CHANGES { t::CLOSED_TOO_MANY_CHANGES } else { t::CLOSED_SIGNED_OUT }}</span> }.into_any(),
            }}
            {move || (waiting() > 0).then(|| view! { <span class="live__pending">{format!(" {}", t::UNSENT.with(&[("count", waiting().into())]))}</span> })}
        </p>
    }
}

#[component]
fn Presence() -> impl IntoView {
    let st = live().state;
    view! {
        <section class="live__presence" aria-label=t::PRESENT>
            <h2 class="visually-hidden">{t::PRESENT}</h2>
            <span class="live__presence-label">{t::PRESENT} ": "</span>
            <ul>
                {move || st.with(|s| s.people.iter().map(|p| view! {
                    <li>{p.name.clone()}{p.agency.clone().map(|a| format!(" ({a})"))}</li>
                }).collect_view())}
            </ul>
        </section>
    }
}

#[component]
fn ChairControls() -> impl IntoView {
    let ctl = live();
    let st = ctl.state;
    let status = move || st.with(|s| s.status);
    let running = move || {
        st.with(|s| {
            s.current_item_id
                .and_then(|c| s.items.iter().find(|i| i.id == c))
                .is_some_and(|i| i.timer.running_since_ms.is_some())
        })
    };
    view! {
        <Show when=move || st.with(|s| s.may_chair)>
            <div class="toolbar live__controls no-projector" role="group" aria-label=t::CHAIR_CONTROLS>
                <Show when=move || status() == MeetingStatus::AgendaPublished>
                    <button type="button" class="button" on:click=move |_| { ctl.send(Change::StartSession); }>{t::START}</button>
                </Show>
                <Show when=move || status() == MeetingStatus::InSession>
                    <button type="button" class="button button--secondary" aria-keyshortcuts="ArrowLeft" on:click=move |_| { ctl.send(Change::Previous); }>{t::PREVIOUS}</button>
                    <button type="button" class="button" aria-keyshortcuts="ArrowRight" on:click=move |_| { ctl.send(Change::Next); }>{t::NEXT}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| { ctl.send(Change::Timer { running: !running() }); }>
                        {move || if running() { t::TIMER_PAUSE.as_str() } else { t::TIMER_START.as_str() }}
                    </button>
                    <Show when=move || !st.with(|s| s.children_done)>
                        <button type="button" class="button button--secondary" on:click=move |_| { ctl.send(Change::ChildrenDone); }>{t::CHILDREN_DONE}</button>
                    </Show>
                    <button type="button" class="button button--warning" on:click=move |_| { ctl.send(Change::EndSession); }>{t::END}</button>
                </Show>
            </div>
        </Show>
    }
}

/// The chair moves between items with the arrow keys (not while typing).
#[cfg(feature = "hydrate")]
fn chair_keys(ctl: LiveCtl) {
    use wasm_bindgen::JsCast;
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let chairing = ctl
            .state
            .with_untracked(|s| s.may_chair && s.status == MeetingStatus::InSession);
        if typing || !chairing || e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        match e.key().as_str() {
            "ArrowRight" => {
                ctl.send(Change::Next);
            }
            "ArrowLeft" => {
                ctl.send(Change::Previous);
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}
