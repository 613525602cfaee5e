//! The document shell, the router and the routes.

use crate::components::layout::{
    anyone, can_manage_agencies, can_manage_users, can_run_meetings, can_see_cases,
    can_see_meetings, can_view_audit, can_view_users, is_admin,
};
use crate::components::{Guard, Layout, MeResource, NotFound};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::current().code() data-time-zone=crate::time::Zone::group().name()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="robots" content="noindex, nofollow"/>
                // No icon file to fetch: an empty one keeps browsers from asking for /favicon.ico.
                <link rel="icon" href="data:,"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Every word on the page follows it; the browser takes it from the server's `<html lang>`
    // so that hydration reads exactly what the server wrote.
    #[cfg(feature = "hydrate")]
    provide_context(crate::i18n::of_document());
    #[cfg(not(feature = "hydrate"))]
    provide_context(crate::i18n::current());
    // Times, likewise, in the group's zone as the server named it.
    #[cfg(feature = "hydrate")]
    provide_context(crate::time::Zone::of_document());
    #[cfg(not(feature = "hydrate"))]
    provide_context(crate::time::Zone::group());
    let me: MeResource = Resource::new(|| (), |_| crate::auth::server_fns::get_me());
    provide_context(me);

    // Pages wait for their data on the server (async mode), so what arrives is complete and
    // readable before the wasm loads, and a refusal carries its real HTTP status.
    view! {
        <Stylesheet id="convene" href="/pkg/convene.css"/>
        <Title formatter=|t: String| if t.is_empty() { "Convene".to_string() } else { format!("{t} – Convene") }/>
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/sign-in") view=crate::auth::pages::SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/") view=|| view! { <Guard allow=anyone><crate::home::HomePage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=|| view! { <Guard allow=anyone account_page=true><crate::auth::pages::AccountPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/agencies") view=|| view! { <Guard allow=anyone><crate::agencies::pages::AgenciesPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/agencies/new") view=|| view! { <Guard allow=can_manage_agencies><crate::agencies::pages::NewAgencyPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/agencies/:id") view=|| view! { <Guard allow=anyone><crate::agencies::pages::AgencyPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/cases") view=|| view! { <Guard allow=can_see_cases><crate::cases::pages::CasesPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/cases/new") view=|| view! { <Guard allow=can_see_cases><crate::cases::pages::NewCasePage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/cases/:id") view=|| { let data = crate::cases::pages::case_data(); view! { <Guard allow=can_see_cases><crate::cases::pages::CasePage data=data/></Guard> } } ssr=SsrMode::Async/>
                    <Route path=path!("/cases/:id/refer") view=|| view! { <Guard allow=can_see_cases><crate::cases::pages::NewReferralPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings") view=|| view! { <Guard allow=anyone><crate::meetings::pages::MeetingsPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id") view=|| view! { <Guard allow=can_see_meetings><crate::meetings::pages::MeetingPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/research") view=|| view! { <Guard allow=can_see_meetings><crate::meetings::pages::ResearchPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/attendance") view=|| view! { <Guard allow=can_see_meetings><crate::meetings::pages::AttendancePage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/live") view=|| view! { <Guard allow=can_see_meetings><crate::live::page::LivePage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/minutes") view=|| view! { <Guard allow=can_see_meetings><crate::meetings::minutes::page::MinutesPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/actions") view=|| view! { <Guard allow=can_see_cases><crate::actions::pages::ActionsPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/reports") view=|| view! { <Guard allow=can_run_meetings><crate::actions::pages::ReportPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/reports/cases") view=|| view! { <Guard allow=can_run_meetings><crate::figures::pages::CaseFiguresPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/reports/cases/list") view=|| view! { <Guard allow=can_run_meetings><crate::figures::pages::FigureListPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/users") view=|| view! { <Guard allow=can_view_users><crate::users::pages::UsersPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/users/new") view=|| view! { <Guard allow=can_manage_users><crate::users::pages::NewUserPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/users/:id") view=|| view! { <Guard allow=can_view_users><crate::users::pages::UserPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/audit") view=|| { let page = crate::audit::page::audit_resource(); view! { <Guard allow=can_view_audit><crate::audit::page::AuditPage page=page/></Guard> } } ssr=SsrMode::Async/>
                    <Route path=path!("/outbox") view=|| view! { <Guard allow=is_admin><crate::outbox::pages::OutboxPage/></Guard> } ssr=SsrMode::Async/>
                    <Route path=path!("/settings") view=|| view! { <Guard allow=is_admin><crate::settings::pages::SettingsPage/></Guard> } ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
