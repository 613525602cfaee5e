//! The home page: what is next for the signed-in person.

use crate::components::layout::use_me;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

pub mod text {
    pub const TITLE: &str = "Home";
    pub const GREETING: &str = "Welcome";
    pub const NEXT_MEETING: &str = "Next meeting";
    pub const NO_MEETING: &str = "No meeting has been scheduled yet.";
    pub const MY_ACTIONS: &str = "Your agency's open actions";
    pub const NO_ACTIONS: &str = "Your agency has no open actions.";
    pub const NO_AGENCY: &str =
        "You are not linked to an agency, so there are no agency actions to show.";
    pub const DIRECTORY: &str = "See the agencies in the group and who represents them";
}

#[component]
pub fn HomePage() -> impl IntoView {
    let me = use_me();
    view! {
        <Title text=text::TITLE/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let m = me.await.ok().flatten();
                let name = m.as_ref().map(|m| m.name.clone()).unwrap_or_default();
                let has_agency = m.as_ref().is_some_and(|m| m.agency_id.is_some());
                view! {
                    <h1>{text::GREETING}", " {name}</h1>
                    <div class="cards">
                        <section class="card" aria-labelledby="next-meeting">
                            <h2 id="next-meeting">{text::NEXT_MEETING}</h2>
                            <p class="muted">{text::NO_MEETING}</p>
                        </section>
                        <section class="card" aria-labelledby="my-actions">
                            <h2 id="my-actions">{text::MY_ACTIONS}</h2>
                            <p class="muted">{if has_agency { text::NO_ACTIONS } else { text::NO_AGENCY }}</p>
                        </section>
                    </div>
                    <p><A href="/agencies">{text::DIRECTORY}</A></p>
                }
            })}
        </Suspense>
    }
}
