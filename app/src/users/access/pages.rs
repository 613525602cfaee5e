//! The access changes waiting for a second person: on the home page of those who may decide
//! them, and on the users page.

use super::server_fns::{
    list_access_requests, ConfirmAccessRequest, RefuseAccessRequest, ResetUserPassword,
    ResetUserTotp, WithdrawAccessRequest,
};
use super::text;
use super::types::{any_request, AccessRequest, AccessState};
use crate::auth::policy::{permits, Action};
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::{ErrorSummary, SubmitButton};
use crate::ids::UserId;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shows nothing to someone who may not see requests, nor when none is waiting (unless
/// `always`, as on the users page).
#[component]
pub fn PendingAccessRequests(#[prop(optional)] always: bool) -> impl IntoView {
    let may_see = signed_in_user().is_some_and(|m| permits(&m, Action::Read, any_request()));
    may_see.then(|| view! { <PendingList always=always/> })
}

#[component]
fn PendingList(always: bool) -> impl IntoView {
    let confirm = ServerAction::<ConfirmAccessRequest>::new();
    let refuse = ServerAction::<RefuseAccessRequest>::new();
    let withdraw = ServerAction::<WithdrawAccessRequest>::new();
    let versions = move || {
        (
            confirm.version().get(),
            refuse.version().get(),
            withdraw.version().get(),
        )
    };
    let requests = page_resource(|| {
        Resource::new(versions, |_| async move {
            list_access_requests().await.unwrap_or_default()
        })
    });
    let error = Signal::derive(move || {
        action_error(confirm.value())
            .get()
            .or_else(|| action_error(refuse.value()).get())
            .or_else(|| action_error(withdraw.value()).get())
    });
    let confirmed = move || confirm.value().get().and_then(|r| r.ok());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let pending: Vec<AccessRequest> = requests.await.into_iter()
                    .filter(|r| r.state == AccessState::Pending).collect();
                (always || !pending.is_empty() || confirmed().is_some()).then(|| view! {
                    <section class="section" aria-labelledby="access-requests">
                        <h2 id="access-requests">{text::PENDING_TITLE}</h2>
                        <p class="muted">{text::PENDING_INTRO}</p>
                        <ErrorSummary error=error labels=crate::components::forms::NO_LABELS/>
                        {move || confirmed().map(|c| view! {
                            <div class="notice notice--success" role="status">
                                {match c.one_time_password {
                                    Some(p) => view! { <p>{text::CONFIRMED_WITH_PASSWORD} " " <code data-testid="one-time-password">{p}</code></p> }.into_any(),
                                    None => view! { <p>{text::CONFIRMED}</p> }.into_any(),
                                }}
                            </div>
                        })}
                        {if pending.is_empty() {
                            view! { <p class="muted">{text::NONE_PENDING}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain-list">
                                    {pending.into_iter().map(|r| view! { <Row r=r confirm=confirm refuse=refuse withdraw=withdraw/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                })
            })}
        </Suspense>
    }
}

#[component]
fn Row(
    r: AccessRequest,
    confirm: ServerAction<ConfirmAccessRequest>,
    refuse: ServerAction<RefuseAccessRequest>,
    withdraw: ServerAction<WithdrawAccessRequest>,
) -> impl IntoView {
    let id = r.id.to_string();
    let (id2, id3) = (id.clone(), id.clone());
    let what = match &r.agency_name {
        Some(a) => format!("{} · {} · {a}", r.kind.label(), r.role.label()),
        None => format!("{} · {}", r.kind.label(), r.role.label()),
    };
    view! {
        <li class="access-request" data-testid="access-request">
            <A href=format!("/users/{}", r.user_id)>{r.user_name.clone()}</A>
            " – " {what} " – " {text::ASKED_BY.with(&[("name", r.asked_by_name.clone().into())])}
            <span class="button-row">
                {r.may_confirm.then(|| view! {
                    <ActionForm action=confirm attr:class="inline-form">
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="button button--small">{text::CONFIRM}</button>
                    </ActionForm>
                    <ActionForm action=refuse attr:class="inline-form">
                        <input type="hidden" name="id" value=id2/>
                        <button type="submit" class="button button--secondary button--small">{text::REFUSE}</button>
                    </ActionForm>
                })}
                {r.may_withdraw.then(|| view! {
                    <ActionForm action=withdraw attr:class="inline-form">
                        <input type="hidden" name="id" value=id3/>
                        <button type="submit" class="button button--secondary button--small">{text::WITHDRAW}</button>
                    </ActionForm>
                })}
            </span>
        </li>
    }
}

/// Someone who reads cases: a reset is asked for, and a second person confirms it.
#[component]
pub fn ResetSection(id: UserId) -> impl IntoView {
    let password = ServerAction::<ResetUserPassword>::new();
    let totp = ServerAction::<ResetUserTotp>::new();
    let error = Signal::derive(move || {
        action_error(password.value())
            .get()
            .or_else(|| action_error(totp.value()).get())
    });
    let done = move || {
        password
            .value()
            .get()
            .or(totp.value().get())
            .and_then(|r| r.ok())
    };
    view! {
        <section class="section" aria-labelledby="reset-title">
            <h2 id="reset-title">{text::RESET_TITLE}</h2>
            <p>{text::RESET_INTRO}</p>
            <ErrorSummary error=error labels=crate::components::forms::NO_LABELS/>
            {move || done().map(|_| view! { <p class="notice notice--success" role="status">{text::ASKED}</p> })}
            <div class="button-row">
                <ActionForm action=password attr:class="inline-form">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <SubmitButton pending=password.pending() label=text::ASK_PASSWORD_RESET secondary=true/>
                </ActionForm>
                <ActionForm action=totp attr:class="inline-form">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <SubmitButton pending=totp.pending() label=text::ASK_TOTP_RESET secondary=true/>
                </ActionForm>
            </div>
        </section>
    }
}

/// Someone who reads no cases and has lost their authenticator: turned off at once.
#[component]
pub fn TotpOffSection(id: UserId) -> impl IntoView {
    let totp = ServerAction::<ResetUserTotp>::new();
    let error = action_error(totp.value());
    view! {
        <section class="section" aria-labelledby="totp-off-title">
            <h2 id="totp-off-title">{text::TOTP_OFF_TITLE}</h2>
            <p>{text::TOTP_OFF_INTRO}</p>
            <ErrorSummary error=error labels=crate::components::forms::NO_LABELS/>
            {move || matches!(totp.value().get(), Some(Ok(_))).then(|| view! {
                <p class="notice notice--success" role="status">{text::TOTP_TURNED_OFF}</p>
            })}
            <ActionForm action=totp attr:class="inline-form">
                <input type="hidden" name="id" value=id.to_string()/>
                <SubmitButton pending=totp.pending() label=text::TOTP_OFF secondary=true/>
            </ActionForm>
        </section>
    }
}
