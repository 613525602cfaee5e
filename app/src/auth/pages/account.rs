use crate::auth::server_fns::{ChangePassword, ConfirmTotp, DisableTotp, StartTotp};
use crate::components::forms::action_error;
use crate::components::layout::use_me;
use crate::components::{ErrorSummary, Field, SubmitButton};
use leptos::prelude::*;
use leptos_meta::Title;

mod text {
    use crate::i18n::Msg;

    pub const TITLE: Msg = Msg("account-title");
    pub const PASSWORD_TITLE: Msg = Msg("account-password-title");
    pub const CURRENT: Msg = Msg("account-current");
    pub const NEW: Msg = Msg("account-new");
    pub const NEW_HINT: Msg = Msg("account-new-hint");
    pub const CHANGE: Msg = Msg("account-change");
    pub const CHANGED: Msg = Msg("account-changed");
    pub const TOTP_TITLE: Msg = Msg("account-totp-title");
    pub const TOTP_ON: Msg = Msg("account-totp-on");
    pub const TOTP_OFF: Msg = Msg("account-totp-off");
    pub const TOTP_START: Msg = Msg("account-totp-start");
    pub const TOTP_SCAN: Msg = Msg("account-totp-scan");
    pub const TOTP_KEY: Msg = Msg("account-totp-key");
    pub const TOTP_CODE: Msg = Msg("account-totp-code");
    pub const TOTP_CONFIRM: Msg = Msg("account-totp-confirm");
    pub const TOTP_ENABLED: Msg = Msg("account-totp-enabled");
    pub const TOTP_DISABLE: Msg = Msg("account-totp-disable");
    pub const TOTP_DISABLED: Msg = Msg("account-totp-disabled");
    pub const TOTP_DISABLE_HINT: Msg = Msg("account-totp-disable-hint");
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let me = use_me();
    view! {
        <Title text=text::TITLE.as_str()/>
        <h1>{text::TITLE}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                me.await.ok().flatten().map(|m| view! {
                    {m.must_enrol_totp.then(|| view! {
                        <div class="notice notice--warning" role="status">{crate::auth::text::MUST_ENROL}</div>
                    })}
                    <dl class="summary-list">
                        <div><dt>{crate::i18n::Msg("account-name")}</dt><dd>{m.name.clone()}</dd></div>
                        <div><dt>{crate::i18n::Msg("account-email")}</dt><dd>{m.email.clone()}</dd></div>
                        <div><dt>{crate::i18n::Msg("account-role")}</dt><dd>{m.role.label()}</dd></div>
                    </dl>
                    <h2>{crate::i18n::Msg("account-language")}</h2>
                    <p class="field__hint">{crate::i18n::Msg("account-language-hint")}</p>
                    <crate::components::language::LanguageSwitch back="/account"/>
                    <TwoFactor enabled=m.totp_enabled/>
                    <PasswordForm/>
                })
            })}
        </Suspense>
        // Outside the account's `Suspense`: it makes its own resource, which must exist before
        // the page waits, for the browser to find it when it hydrates.
        <crate::outbox::pages::PreferencesForm/>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    const LABELS: &[(&str, crate::i18n::Msg)] = &[
        ("current_password", text::CURRENT),
        ("new_password", text::NEW),
    ];
    let action = ServerAction::<ChangePassword>::new();
    let error = action_error(action.value());
    let done = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <section class="section" aria-labelledby="password-title">
            <h2 id="password-title">{text::PASSWORD_TITLE}</h2>
            <ErrorSummary error=error labels=LABELS/>
            <Show when=done>
                <p class="notice notice--success" role="status">{text::CHANGED}</p>
            </Show>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <Field error=error name="current_password" label=text::CURRENT>
                    <input class="input" type="password" id="current_password" name="current_password" autocomplete="current-password"/>
                </Field>
                <Field error=error name="new_password" label=text::NEW hint=text::NEW_HINT>
                    <input class="input" type="password" id="new_password" name="new_password" autocomplete="new-password"/>
                </Field>
                <SubmitButton pending=action.pending() label=text::CHANGE/>
            </ActionForm>
        </section>
    }
}

#[component]
fn TwoFactor(enabled: bool) -> impl IntoView {
    let enabled = RwSignal::new(enabled);
    let start = ServerAction::<StartTotp>::new();
    let confirm = ServerAction::<ConfirmTotp>::new();
    let disable = ServerAction::<DisableTotp>::new();
    let confirm_error = action_error(confirm.value());
    let disable_error = action_error(disable.value());
    let start_error = action_error(start.value());
    Effect::new(move |_| {
        if let Some(Ok(_)) = confirm.value().get() {
            enabled.set(true);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = disable.value().get() {
            enabled.set(false);
            start.value().set(None);
        }
    });
    let enrolment = move || start.value().get().and_then(|r| r.ok());
    view! {
        <section class="section" aria-labelledby="totp-title">
            <h2 id="totp-title">{text::TOTP_TITLE}</h2>
            <Show when=move || matches!(confirm.value().get(), Some(Ok(_)))>
                <p class="notice notice--success" role="status">{text::TOTP_ENABLED}</p>
            </Show>
            <Show when=move || matches!(disable.value().get(), Some(Ok(())))>
                <p class="notice notice--success" role="status">{text::TOTP_DISABLED}</p>
            </Show>
            <Show
                when=move || enabled.get()
                fallback=move || view! {
                    <p>{text::TOTP_OFF}</p>
                    <ErrorSummary error=start_error labels=crate::components::forms::NO_LABELS/>
                    {move || match enrolment() {
                        None => view! {
                            <ActionForm action=start attr:class="form">
                                <SubmitButton pending=start.pending() label=text::TOTP_START/>
                            </ActionForm>
                        }.into_any(),
                        Some(e) => view! {
                            <p>{text::TOTP_SCAN}</p>
                            // The SVG is generated on the server from our own otpauth URI; no user text is in it.
                            <div class="qr" inner_html=e.qr_svg.clone()></div>
                            <p>{text::TOTP_KEY}": " <code class="secret" data-testid="totp-secret">{e.secret.clone()}</code></p>
                            <ErrorSummary error=confirm_error labels=&[("code", text::TOTP_CODE)]/>
                            <ActionForm action=confirm attr:class="form" attr:novalidate=true>
                                <Field error=confirm_error name="code" label=text::TOTP_CODE>
                                    <input class="input input--short" type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code"/>
                                </Field>
                                <SubmitButton pending=confirm.pending() label=text::TOTP_CONFIRM/>
                            </ActionForm>
                        }.into_any(),
                    }}
                }
            >
                <p>{text::TOTP_ON}</p>
                <ErrorSummary error=disable_error labels=&[("password", text::CURRENT)]/>
                <ActionForm action=disable attr:class="form" attr:novalidate=true>
                    <Field error=disable_error name="password" label=text::CURRENT hint=text::TOTP_DISABLE_HINT>
                        <input class="input" type="password" id="password" name="password" autocomplete="current-password"/>
                    </Field>
                    <SubmitButton pending=disable.pending() label=text::TOTP_DISABLE secondary=true/>
                </ActionForm>
            </Show>
        </section>
    }
}
