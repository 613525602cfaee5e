//! User administration: the list of accounts, adding one, and changing one.

use super::access::pages::{PendingAccessRequests, ResetSection, TotpOffSection};
use super::access::text as access_text;
use super::server_fns::{get_user, list_users, CreateUser, UpdateUser};
use super::text;
use super::types::{Representation, UpdatedUser, UserAccount};
use crate::agencies::server_fns::list_agencies;
use crate::agencies::types::Agency;
use crate::auth::policy::{permits, reads_cases, Action, Resource as PolicyResource};
use crate::auth::types::{Me, Role};
use crate::components::forms::action_error;
use crate::components::layout::{can_manage_users, signed_in_user};
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::text as common;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::UserId;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

const LABELS: &[(&str, Msg)] = &[
    ("name", text::FULL_NAME),
    ("email", text::EMAIL_ADDRESS),
    ("role", text::ROLE),
    ("agency_id", text::AGENCY),
    ("representation", text::REPRESENTS),
    ("password", text::FIRST_PASSWORD),
];

fn signed_in() -> Signal<Option<Me>> {
    let me = signed_in_user();
    Signal::derive(move || me.clone())
}

/// The roles the signed-in person may give, by creating or by changing an account (the
/// policy's answer, as the server will decide).
fn assignable_roles(me: &Option<Me>, action: Action) -> Vec<Role> {
    Role::ALL
        .into_iter()
        .filter(|&role| {
            me.as_ref()
                .is_some_and(|m| permits(m, action, PolicyResource::UserAccount { role }))
        })
        .collect()
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let users = page_resource(|| Resource::new(|| (), |_| list_users()));
    let me = signed_in();
    view! {
        <Title text=text::TITLE.as_str()/>
        <div class="page-heading">
            <h1>{text::TITLE}</h1>
            <Show when=move || me.get().is_some_and(|m| can_manage_users(&m))>
                <A href="/users/new" attr:class="button">{text::ADD}</A>
            </Show>
        </div>
        <p class="lead">{text::INTRO}</p>
        <PendingAccessRequests/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match users.await {
                    Err(e) => error_view(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{text::EMPTY}</p> }.into_any(),
                    Ok(list) => view! {
                        <table class="table">
                            <caption class="visually-hidden">{text::TITLE}</caption>
                            <thead><tr>
                                <th scope="col">{text::COL_NAME}</th>
                                <th scope="col">{text::ROLE}</th>
                                <th scope="col">{text::AGENCY}</th>
                                <th scope="col">{text::COL_TWO_FACTOR}</th>
                                <th scope="col">{text::COL_STATUS}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|u| view! {
                                    <tr class:row--inactive=!u.active>
                                        <td><A href=format!("/users/{}", u.id)>{u.name.clone()}</A><br/><span class="muted">{u.email.clone()}</span></td>
                                        <td>{u.role.label()}</td>
                                        <td>{u.agency_name.clone().unwrap_or_else(|| "—".into())}
                                            {(u.representation != Representation::None).then(|| view! { <br/><span class="muted">{u.representation.label()}</span> })}
                                        </td>
                                        <td>{if u.totp_enabled { text::ON } else { text::OFF }}</td>
                                        <td>{if u.active {
                                            view! { <span class="tag tag--green">{common::ACTIVE}</span> }.into_any()
                                        } else {
                                            view! { <span class="tag tag--grey">{common::INACTIVE}</span> }.into_any()
                                        }}
                                        {u.awaiting_confirmation.then(|| view! { " " <span class="tag tag--yellow">{access_text::AWAITING}</span> })}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AgencySelect(
    #[prop(into)] error: Signal<Option<AppError>>,
    agencies: Vec<Agency>,
    selected: Option<crate::ids::AgencyId>,
) -> impl IntoView {
    view! {
        <Field error=error name="agency_id" label=text::AGENCY hint=text::AGENCY_HINT>
            <select class="select" id="agency_id" name="agency_id">
                <option value="" selected=selected.is_none()>{text::NO_AGENCY}</option>
                {agencies.into_iter().filter(|a| a.active || Some(a.id) == selected).map(|a| view! {
                    <option value=a.id.to_string() selected=selected == Some(a.id)>{a.name}</option>
                }).collect_view()}
            </select>
        </Field>
    }
}

#[component]
fn RoleAndRepresentation(
    #[prop(into)] error: Signal<Option<AppError>>,
    roles: Vec<Role>,
    role: Option<Role>,
    representation: Representation,
) -> impl IntoView {
    view! {
        <Field error=error name="role" label=text::ROLE hint=text::ROLE_HINT>
            <select class="select" id="role" name="role">
                {role.is_none().then(|| view! { <option value="" selected=true>{text::CHOOSE}</option> })}
                {roles.into_iter().map(|r| view! {
                    <option value=r.as_str() selected=role == Some(r)>{r.label()}</option>
                }).collect_view()}
            </select>
        </Field>
        <Field error=error name="representation" label=text::REPRESENTS>
            <select class="select" id="representation" name="representation">
                {Representation::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str() selected=r == representation>{r.label()}</option>
                }).collect_view()}
            </select>
        </Field>
    }
}

#[component]
pub fn NewUserPage() -> impl IntoView {
    let action = ServerAction::<CreateUser>::new();
    let error = action_error(action.value());
    let agencies = page_resource(|| Resource::new(|| (), |_| list_agencies()));
    let me = signed_in();
    let created = move || action.value().get().and_then(|r| r.ok());
    view! {
        <Title text=text::ADD.as_str()/>
        <div class="narrow">
            <p><A href="/users">{text::BACK}</A></p>
            <h1>{text::ADD}</h1>
            {move || created().map(|c| view! {
                <div class="notice notice--success" role="status">
                    {match (c.initial_password.clone(), c.request.is_some()) {
                        (_, true) => view! { <p>{text::CREATED} " " {access_text::ASKED}</p> }.into_any(),
                        (Some(p), _) => view! { <p>{text::CREATED_WITH_PASSWORD} " " <code data-testid="initial-password">{p}</code></p> }.into_any(),
                        (None, _) => view! { <p>{text::CREATED}</p> }.into_any(),
                    }}
                    <p><A href=format!("/users/{}", c.user.id)>{text::OPEN_ACCOUNT.with(&[("name", c.user.name.clone().into())])}</A></p>
                </div>
            })}
            <ErrorSummary error=error labels=LABELS/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = match agencies.await {
                        Ok(l) => l,
                        Err(e) => return error_view(e),
                    };
                    view! {
                        <ActionForm action=action attr:class="form" attr:novalidate=true>
                            <Field error=error name="name" label=text::FULL_NAME>
                                <input class="input" type="text" id="name" name="name" autocomplete="off"/>
                            </Field>
                            <Field error=error name="email" label=text::EMAIL_ADDRESS hint=text::EMAIL_HINT>
                                <input class="input" type="email" id="email" name="email" spellcheck="false" autocomplete="off"/>
                            </Field>
                            <RoleAndRepresentation error=error roles=assignable_roles(&me.get_untracked(), Action::Create) role=None representation=Representation::None/>
                            <AgencySelect error=error agencies=list selected=None/>
                            <Field error=error name="password" label=text::FIRST_PASSWORD optional=true
                                hint=text::FIRST_PASSWORD_HINT>
                                <input class="input" type="password" id="password" name="password" autocomplete="new-password"/>
                            </Field>
                            <SubmitButton pending=action.pending() label=text::ADD_SUBMIT/>
                        </ActionForm>
                    }.into_any()
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn UserPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<UserId>().ok())
    };
    let user = page_resource(|| {
        Resource::new(id, |id| async move {
            match id {
                Some(id) => get_user(id).await,
                None => Err(AppError::NotFound),
            }
        })
    });
    let agencies = page_resource(|| Resource::new(|| (), |_| list_agencies()));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (user.await, agencies.await) {
                    (Err(e), _) | (_, Err(e)) => error_view(e),
                    (Ok(u), Ok(a)) => view! { <UserDetail user=u agencies=a/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UserDetail(user: UserAccount, agencies: Vec<Agency>) -> impl IntoView {
    let me = signed_in().get_untracked();
    let roles = assignable_roles(&me, Action::Update);
    let may_edit = roles.contains(&user.role);
    let is_self = me.as_ref().is_some_and(|m| m.id == user.id);
    view! {
        <Title text=user.name.clone()/>
        <p><A href="/users">{text::BACK}</A></p>
        <h1>{user.name.clone()}
            {(!user.active).then(|| view! { " " <span class="tag tag--grey">{common::INACTIVE}</span> })}
        </h1>
        <dl class="summary-list">
            <div><dt>{text::EMAIL}</dt><dd>{user.email.clone()}</dd></div>
            <div><dt>{text::ROLE}</dt><dd>{user.role.label()}</dd></div>
            <div><dt>{text::AGENCY}</dt><dd>{user.agency_name.clone().unwrap_or_else(|| "—".into())}</dd></div>
            <div><dt>{text::TWO_FACTOR}</dt><dd>{if user.totp_enabled { text::ON } else { text::OFF }}</dd></div>
        </dl>
        {may_edit.then(|| view! { <EditUser user=user.clone() agencies=agencies roles=roles is_self=is_self/> })}
    }
}

#[component]
fn EditUser(
    user: UserAccount,
    agencies: Vec<Agency>,
    roles: Vec<Role>,
    is_self: bool,
) -> impl IntoView {
    let save = ServerAction::<UpdateUser>::new();
    let toggle = ServerAction::<UpdateUser>::new();
    let reset = ServerAction::<UpdateUser>::new();
    let error = action_error(save.value());
    let reset_error = action_error(reset.value());
    let toggle_error = action_error(toggle.value());
    let active = RwSignal::new(user.active);
    Effect::new(move |_| {
        if let Some(Ok(u)) = toggle.value().get() {
            active.set(u.user.active);
        }
    });
    let id = user.id.to_string();
    let (id2, id3) = (id.clone(), id.clone());
    view! {
        <section class="section" aria-labelledby="edit-title">
            <h2 id="edit-title">{text::CHANGE_DETAILS}</h2>
            <ErrorSummary error=error labels=LABELS/>
            {move || asked_or_saved(save.value().get())}
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id/>
                <Field error=error name="name" label=text::FULL_NAME>
                    <input class="input" type="text" id="name" name="name" value=user.name.clone()/>
                </Field>
                {if is_self {
                    view! { <input type="hidden" name="role" value=user.role.as_str()/> }.into_any()
                } else {
                    view! { <RoleAndRepresentation error=error roles=roles role=Some(user.role) representation=user.representation/> }.into_any()
                }}
                <AgencySelect error=error agencies=agencies selected=user.agency_id/>
                <SubmitButton pending=save.pending() label=text::SAVE_CHANGES/>
            </ActionForm>
        </section>
        {if reads_cases(user.role, user.agency_id) {
            view! { <ResetSection id=user.id/> }.into_any()
        } else {
            view! {
                <SetPassword id=id2 reset=reset reset_error=reset_error/>
                {(user.totp_enabled && !is_self).then(|| view! { <TotpOffSection id=user.id/> })}
            }.into_any()
        }}
        {(!is_self).then(|| view! {
            <section class="section" aria-labelledby="status-title">
                <h2 id="status-title">{text::ACCESS}</h2>
                <ErrorSummary error=toggle_error labels=crate::components::forms::NO_LABELS/>
                {move || toggle.value().get().and_then(|r| r.ok()).and_then(|u| u.request).map(|_| view! {
                    <p class="notice notice--success" role="status">{access_text::ASKED}</p>
                })}
                <p>{move || if active.get() {
                    text::IS_ACTIVE.as_str()
                } else {
                    text::IS_INACTIVE.as_str()
                }}</p>
                <ActionForm action=toggle>
                    <input type="hidden" name="id" value=id3/>
                    <input type="hidden" name="active" value=move || (!active.get()).to_string()/>
                    <button type="submit" class="button button--secondary" disabled=move || toggle.pending().get()>
                        {move || if toggle.pending().get() {
                            common::SAVING.as_str()
                        } else if active.get() {
                            text::DEACTIVATE.as_str()
                        } else {
                            text::REACTIVATE.as_str()
                        }}
                    </button>
                </ActionForm>
            </section>
        })}
    }
}

/// After saving: the part that waits for a second person, or that it is saved.
fn asked_or_saved(r: Option<Result<UpdatedUser, AppError>>) -> Option<AnyView> {
    match r {
        Some(Ok(u)) if u.request.is_some() => Some(
            view! { <p class="notice notice--success" role="status">{access_text::ASKED}</p> }
                .into_any(),
        ),
        Some(Ok(_)) => Some(
            view! { <p class="notice notice--success" role="status">{text::SAVED}</p> }.into_any(),
        ),
        _ => None,
    }
}

/// Someone who reads no cases: the administrator may set the password at once.
#[component]
fn SetPassword(
    id: String,
    reset: ServerAction<UpdateUser>,
    reset_error: Signal<Option<AppError>>,
) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="password-title">
            <h2 id="password-title">{text::SET_PASSWORD_TITLE}</h2>
            <p>{text::SET_PASSWORD_INTRO}</p>
            <ErrorSummary error=reset_error labels=&[("password", text::NEW_PASSWORD)]/>
            <Show when=move || matches!(reset.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{text::PASSWORD_SET}</p>
            </Show>
            <ActionForm action=reset attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id/>
                <Field error=reset_error name="password" label=text::NEW_PASSWORD hint=text::NEW_PASSWORD_HINT>
                    <input class="input" type="password" id="password" name="password" autocomplete="new-password"/>
                </Field>
                <SubmitButton pending=reset.pending() label=text::SET_PASSWORD secondary=true/>
            </ActionForm>
        </section>
    }
}
