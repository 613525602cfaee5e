//! The live meeting page (placeholder while the client is written).
use leptos::prelude::*;

#[component]
pub fn LivePage() -> impl IntoView {
    view! { <p>"Live"</p> }
}
