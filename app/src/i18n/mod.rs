//! The message catalogue: every word a person reads comes from `app/locales/<language>/*.ftl`
//! (Fluent), looked up by key in the language of the request. A translator adds a language by
//! adding a folder; the code names keys only (see docs/i18n.md).

mod lang;
mod msg;
#[cfg(feature = "ssr")]
pub mod negotiate;

pub use lang::Lang;
pub use msg::{Arg, Msg};

/// Changes with any `.ftl` file (see build.rs), so that the catalogue below is compiled again.
pub const CATALOGUE_DIGEST: &str = env!("CONVENE_LOCALES_DIGEST");

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps placeholders in Unicode isolation marks by default; they end up in
        // attributes, CSV cells and e-mail subjects, where they are invisible noise.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[cfg(feature = "ssr")]
tokio::task_local! {
    /// The language of the request being handled, set by the server around each request.
    pub static REQUEST_LANG: Lang;
}

/// The language to speak in now: the page's (from context, on the server and in the browser),
/// else the request's, else the group's default.
pub fn current() -> Lang {
    if let Some(l) = leptos::prelude::use_context::<Lang>() {
        return l;
    }
    #[cfg(feature = "ssr")]
    if let Ok(l) = REQUEST_LANG.try_with(|l| *l) {
        return l;
    }
    Lang::group_default()
}

/// An attribute of the page's `<html>` element, as the server wrote it.
#[cfg(feature = "hydrate")]
pub(crate) fn html_attribute(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute(name)
}

/// The language the server rendered the page in, as `<html lang>` tells the browser.
#[cfg(feature = "hydrate")]
pub fn of_document() -> Lang {
    html_attribute("lang")
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_else(Lang::group_default)
}
