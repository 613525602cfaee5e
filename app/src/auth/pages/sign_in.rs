use crate::auth::server_fns::SignIn;
use crate::components::forms::action_error;
use crate::components::layout::use_me;
use crate::components::{ErrorSummary, Field, SubmitButton};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

mod text {
    pub const TITLE: &str = "Sign in";
    pub const INTRO: &str =
        "Sign in with the email address and password your group's administrator gave you.";
    pub const EMAIL: &str = "Email address";
    pub const PASSWORD: &str = "Password";
    pub const TOTP: &str = "Code from your authenticator app";
    pub const TOTP_HINT: &str = "The 6-digit code changes every 30 seconds.";
    pub const SUBMIT: &str = "Sign in";
    pub const PENDING: &str = "Signing in…";
    pub const SHOW_PASSWORD: &str = "Show password";
    pub const HIDE_PASSWORD: &str = "Hide password";
    pub const CONFIDENTIAL: &str =
        "Convene holds confidential information about people at risk. Sign in only on a device you trust, and sign out when you finish.";
}

const LABELS: &[(&str, &str)] = &[
    ("email", text::EMAIL),
    ("password", text::PASSWORD),
    ("totp", text::TOTP),
];

#[component]
pub fn SignInPage() -> impl IntoView {
    let me = use_me();
    view! {
        <Title text=text::TITLE/>
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
                            {move || if show_password.get() { text::HIDE_PASSWORD } else { text::SHOW_PASSWORD }}
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
        </div>
    }
}
