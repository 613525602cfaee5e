//! Convene's application: shared types, server functions, domain services and the Leptos UI.
//! Built for the server with `ssr` and for the browser (wasm) with `hydrate`.
#![recursion_limit = "512"]

pub mod actions;
pub mod agencies;
pub mod app;
pub mod audit;
pub mod auth;
pub mod cases;
pub mod components;
pub mod contact;
pub mod error;
pub mod figures;
pub mod home;
pub mod i18n;
pub mod ids;
pub mod lenient;
pub mod live;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod meetings;
pub mod notices;
pub mod outbox;
pub mod retention;
#[cfg(feature = "ssr")]
pub mod schedule;
pub mod settings;
pub mod time;
pub mod users;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod sfn;
#[cfg(feature = "ssr")]
pub mod state;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Lets browser tests (and curious people) tell the interactive page from the server's HTML.
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
