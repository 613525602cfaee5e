//! The language switch: a plain form to the language endpoint, so that it works before the
//! page's script has loaded; the answer brings the person back to `back` in the new language.

use crate::i18n::{self, Lang, Msg};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitch(back: &'static str) -> impl IntoView {
    let now = i18n::current();
    view! {
        <form method="post" action="/api/v1/language" class="language-switch">
            <input type="hidden" name="back" value=back/>
            <span class="language-switch__label">{Msg("common-language")}</span>
            {Lang::all().into_iter().map(|l| {
                let current = l == now;
                view! {
                    <button
                        type="submit"
                        name="language"
                        value=l.code()
                        lang=l.code()
                        class="button--link-dark"
                        aria-current=current.then_some("true")
                        disabled=current
                    >
                        {l.own_name()}
                    </button>
                }
            }).collect_view()}
        </form>
    }
}
