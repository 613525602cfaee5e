use crate::auth::server_fns::SignIn;
use crate::components::forms::action_error;
use crate::components::layout::use_me;
use crate::components::{ErrorSummary, Field, SubmitButton};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

mod text {
    use crate::i18n::Msg;

    pub const TITLE: Msg = Msg("sign-in-title");
    pub const INTRO: Msg = Msg("sign-in-intro");
    pub const EMAIL: Msg = Msg("sign-in-email");
    pub const PASSWORD: Msg = Msg("sign-in-password");
    pub const TOTP: Msg = Msg("sign-in-totp");
    pub const TOTP_HINT: Msg = Msg("sign-in-totp-hint");
    pub const SUBMIT: Msg = Msg("sign-in-submit");
    pub const PENDING: Msg = Msg("sign-in-pending");
    pub const SHOW_PASSWORD: Msg = Msg("sign-in-show-password");
    pub const HIDE_PASSWORD: Msg = Msg("sign-in-hide-password");
    pub const CONFIDENTIAL: Msg = Msg("sign-in-confidential");
}

const LABELS: &[(&str, crate::i18n::Msg)] = &[
    ("email", text::EMAIL),
    ("password", text::PASSWORD),
    ("totp", text::TOTP),
];

#[component]
pub fn SignInPage() -> impl IntoView {
    let me = use_me();
    view! {
        <Title text=text::TITLE.as_str()/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(_)) => view! { <Redirect path="/"/> }.into_any(),
                    _ => view! { <SignInForm/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SignInForm() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let error = action_error(action.value());
    let needs_code = RwSignal::new(false);
    let show_password = RwSignal::new(false);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(_)) => {
            #[cfg(feature = "hydrate")]
            let _ = web_sys::window().map(|w| w.location().set_href("/"));
        }
        Some(Err(e)) if e.field("totp").is_some() => needs_code.set(true),
        _ => {}
    });
    view! {
        <div class="narrow">
            <h1>{text::TITLE}</h1>
            <p class="lead">{text::INTRO}</p>
            <ErrorSummary error=error labels=LABELS/>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <Field error=error name="email" label=text::EMAIL>
                    <input class="input" type="email" id="email" name="email" autocomplete="username" spellcheck="false" required/>
                </Field>
                <Field error=error name="password" label=text::PASSWORD>
                    <div class="password">
                        <input
                            class="input"
                            type=move || if show_password.get() { "text" } else { "password" }
                            id="password"
                            name="password"
                            autocomplete="current-password"
                            required
                        />
                        <button
                            type="button"
                            class="button button--secondary button--small"
                            aria-controls="password"
                            aria-pressed=move || show_password.get().to_string()
                            on:click=move |_| show_password.update(|s| *s = !*s)
                        >
                            {move || if show_password.get() { text::HIDE_PASSWORD.as_str() } else { text::SHOW_PASSWORD.as_str() }}
                        </button>
                    </div>
                </Field>
                <Show when=move || needs_code.get()>
                    <Field error=error name="totp" label=text::TOTP hint=text::TOTP_HINT>
                        <input class="input input--short" type="text" id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength="7" autofocus/>
                    </Field>
                </Show>
                <SubmitButton pending=action.pending() label=text::SUBMIT pending_label=text::PENDING/>
            </ActionForm>
            <p class="notice">{text::CONFIDENTIAL}</p>
            <crate::components::language::LanguageSwitch back="/sign-in"/>
        </div>
    }
}
