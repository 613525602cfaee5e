//! The frame around every page, and the guard that keeps pages to the roles they are for.

use super::status::{error_view, Forbidden};
use super::text;
use crate::auth::policy::{permits, Action as Do, Resource as Res};
use crate::auth::server_fns::SignOut;
use crate::auth::types::{Me, Role};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

/// The signed-in user, loaded once per page load and shared through context.
pub type MeResource = Resource<Result<Option<Me>, AppError>>;

pub fn use_me() -> MeResource {
    expect_context::<MeResource>()
}

/// Shows `children` to a signed-in user for whom `allow` holds; sends everyone else to sign in,
/// a forbidden page, or (when two-factor set-up is due) the account page.
#[component]
pub fn Guard(
    allow: fn(&Me) -> bool,
    /// The account page itself stays open while two-factor set-up is due.
    #[prop(optional)]
    account_page: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let me = use_me();
    let children = StoredValue::new(children);
    super::page_data::provide_page_resources();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(m)) if m.must_enrol_totp && !account_page => {
                        view! { <Redirect path="/account"/> }.into_any()
                    }
                    Ok(Some(m)) if allow(&m) => {
                        // Pages below read the signed-in user from context, synchronously and
                        // identically on the server and while hydrating.
                        provide_context(m);
                        children.read_value()().into_any()
                    }
                    Ok(Some(_)) => view! { <Forbidden/> }.into_any(),
                    Ok(None) => view! { <Redirect path="/sign-in"/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

/// The signed-in user, for pages inside a `Guard`.
pub fn signed_in_user() -> Option<Me> {
    use_context::<Me>()
}

pub fn anyone(_: &Me) -> bool {
    true
}

// What the navigation offers follows the authorization table (the server still decides).
pub fn can_see_cases(m: &Me) -> bool {
    permits(m, Do::Read, Res::Cases)
}

/// The chair and coordinator run meetings and read the group's reports.
pub fn can_run_meetings(m: &Me) -> bool {
    permits(m, Do::Create, Res::Meetings)
}

/// Everyone who takes part in meetings (not administrators).
pub fn can_see_meetings(m: &Me) -> bool {
    permits(m, Do::Read, Res::Meeting { published: true })
}

pub fn can_manage_agencies(m: &Me) -> bool {
    permits(m, Do::Create, Res::Agencies)
}

pub fn can_view_users(m: &Me) -> bool {
    permits(m, Do::Read, Res::UserAccounts)
}

pub fn can_manage_users(m: &Me) -> bool {
    permits(m, Do::Create, Res::UserAccount { role: Role::Member })
}

pub fn can_view_audit(m: &Me) -> bool {
    permits(m, Do::Read, Res::AuditLog)
}

pub fn is_admin(m: &Me) -> bool {
    permits(m, Do::Update, Res::Settings)
}

#[component]
fn NavLink(href: &'static str, #[prop(into)] label: &'static str) -> impl IntoView {
    view! { <li><A href=href attr:class="nav__link">{label}</A></li> }
}

#[component]
fn SignOutForm() -> impl IntoView {
    let action = ServerAction::<SignOut>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            // A full load drops everything the signed-in pages held in memory.
            #[cfg(feature = "hydrate")]
            let _ = web_sys::window().map(|w| w.location().set_href("/sign-in"));
        }
    });
    view! {
        <ActionForm action=action attr:class="sign-out">
            <button type="submit" class="button button--link" disabled=move || action.pending().get()>
                {move || if action.pending().get() { text::SIGNING_OUT.as_str() } else { text::SIGN_OUT.as_str() }}
            </button>
        </ActionForm>
    }
}

#[component]
fn Navigation(me: Me) -> impl IntoView {
    let restricted = me.must_enrol_totp;
    view! {
        <nav class="nav" aria-label=text::NAV_LABEL>
            <ul class="nav__list">
                {(!restricted).then(|| view! {
                    <NavLink href="/" label=text::NAV_HOME/>
                })}
                {(!restricted && can_see_cases(&me)).then(|| view! { <NavLink href="/cases" label=text::NAV_CASES/> })}
                {(!restricted && can_see_cases(&me)).then(|| view! { <NavLink href="/actions" label=text::NAV_ACTIONS/> })}
                {(!restricted).then(|| view! { <NavLink href="/meetings" label=text::NAV_MEETINGS/> })}
                {(!restricted && can_run_meetings(&me)).then(|| view! { <NavLink href="/reports" label=text::NAV_REPORTS/> })}
                {(!restricted).then(|| view! { <NavLink href="/agencies" label=text::NAV_AGENCIES/> })}
                {(!restricted && can_view_users(&me)).then(|| view! { <NavLink href="/users" label=text::NAV_USERS/> })}
                {(!restricted && can_view_audit(&me)).then(|| view! { <NavLink href="/audit" label=text::NAV_AUDIT/> })}
                {(!restricted && is_admin(&me)).then(|| view! { <NavLink href="/settings" label=text::NAV_SETTINGS/> })}
                {(!restricted && is_admin(&me)).then(|| view! { <NavLink href="/outbox" label=text::NAV_OUTBOX/> })}
                <NavLink href="/account" label=text::NAV_ACCOUNT/>
            </ul>
            <p class="nav__user">
                <span class="nav__name">{me.name.clone()}</span>
                " · "
                <span class="nav__role">{me.role.label()}</span>
            </p>
            <SignOutForm/>
        </nav>
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let me = use_me();
    view! {
        <a href="#main" class="skip-link">{text::SKIP_LINK}</a>
        <header class="header">
            <div class="header__inner">
                <A href="/" attr:class="header__brand">{text::APP_NAME}</A>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        me.await.ok().flatten().map(|m| view! { <Navigation me=m/> })
                    })}
                </Suspense>
            </div>
        </header>
        <main id="main" class="main" tabindex="-1">
            {children()}
        </main>
    }
}
