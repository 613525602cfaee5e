//! The referral form: the checklist as radio groups, with the criteria computed on the server
//! and shown as the form is filled in.

use crate::agencies::server_fns::list_agencies;
use crate::agencies::types::Agency;
use crate::cases::checklist::{Answer, QUESTIONS};
use crate::cases::server_fns::{get_case, AssessReferral, ReferAgain, ReferCase};
use crate::cases::text as t;
use crate::cases::types::{Assessment, ConsentToShare, VictimInformed};
use crate::components::forms::action_error;
use crate::components::layout::signed_in_user;
use crate::components::page_resource;
use crate::components::status::error_view;
use crate::components::{ErrorSummary, Field, SubmitButton};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::{AgencyId, CaseId};
use leptos::html::Form;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

const LABELS: &[(&str, Msg)] = &[
    ("criteria", Msg("cases-form-criteria")),
    ("victim", Msg("cases-form-victim")),
    ("referred_on", Msg("cases-form-referred-on")),
    ("referring_agency_id", Msg("cases-form-referring-agency")),
    ("referrer_name", Msg("cases-form-referrer")),
    ("victim.name", Msg("cases-form-victim-name")),
    ("victim.date_of_birth", Msg("cases-form-victim-dob")),
    ("victim.safe_to_contact", Msg("cases-form-safe-to-contact")),
    ("victim.safe_contact", Msg("cases-form-safe-contact")),
    ("perpetrator.name", Msg("cases-form-perpetrator-name")),
    (
        "perpetrator.date_of_birth",
        Msg("cases-form-perpetrator-dob"),
    ),
    ("children", Msg("cases-form-children")),
    ("checklist", Msg("cases-form-checklist")),
    ("judgement_reasons", t::PROFESSIONAL_JUDGEMENT),
    ("incidents_last_12_months", Msg("cases-form-incidents")),
    ("consent.victim_informed", Msg("cases-form-informed")),
    (
        "consent.consent_to_share",
        Msg("cases-form-consent-to-share"),
    ),
    ("consent.lawful_basis", Msg("cases-form-lawful-basis")),
    ("victim_voice.advocate_name", Msg("cases-form-advocate")),
    (
        "victim_voice.advocate_agency_id",
        Msg("cases-form-advocate-agency"),
    ),
    ("victim_voice.views", Msg("cases-form-views")),
];

#[component]
pub fn NewCasePage() -> impl IntoView {
    let agencies = page_resource(|| Resource::new(|| (), |_| list_agencies()));
    let action = ServerAction::<ReferCase>::new();
    let error = action_error(action.value());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(c)) = action.value().get() {
            navigate(
                &format!(
                    "/cases/{}?referred={}",
                    c.id,
                    if c.existing_case { "existing" } else { "new" }
                ),
                Default::default(),
            );
        }
    });
    view! {
        <Title text=t::REFER.as_str()/>
        <p><A href="/cases">{Msg("cases-back")}</A></p>
        <h1>{t::REFER}</h1>
        <p class="lead">{Msg("cases-form-lead")}</p>
        <ErrorSummary error=error labels=LABELS/>
        <Suspense fallback=|| ()>
        {move || Suspend::new(async move {
        let agencies = match agencies.await { Ok(a) => a, Err(e) => return error_view(e) };
        view! {
        <ReferralForm case=None agencies=agencies error=error pending=action.pending() submit=move |form| {
            #[cfg(feature = "hydrate")]
            {
                use leptos::form::FromFormData;
                if let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) {
                    match ReferCase::from_form_data(&data) {
                        Ok(args) => { action.dispatch(args); }
                        Err(_) => action.value().set(Some(Err(AppError::Internal))),
                    }
                }
            }
            let _ = form;
        } action_url=ReferCase::url()/>
        }.into_any()
        })}
        </Suspense>
    }
}

#[component]
pub fn NewReferralPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<CaseId>().ok())
    };
    let case = page_resource(|| {
        Resource::new(id, |id| async move {
            match id {
                Some(id) => get_case(id).await,
                None => Err(AppError::NotFound),
            }
        })
    });
    let agencies = page_resource(|| Resource::new(|| (), |_| list_agencies()));
    let action = ServerAction::<ReferAgain>::new();
    let error = action_error(action.value());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(c)) = action.value().get() {
            navigate(
                &format!("/cases/{}?referred=again", c.id),
                Default::default(),
            );
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (case.await, agencies.await) {
                    (Err(e), _) | (_, Err(e)) => error_view(e),
                    (Ok(c), Ok(agencies)) => {
                        let title = Msg("cases-refer-again-title").with(&[("reference", c.reference.clone().into())]);
                        view! {
                            <Title text=title.clone()/>
                            <p><A href=format!("/cases/{}", c.id)>{Msg("cases-back-to").with(&[("reference", c.reference.clone().into())])}</A></p>
                            <h1>{title}</h1>
                            <p class="lead">{Msg("cases-form-again-lead")}</p>
                            <ErrorSummary error=error labels=LABELS/>
                            <ReferralForm case=Some(c.id) agencies=agencies error=error pending=action.pending() submit=move |form| {
                                #[cfg(feature = "hydrate")]
                                {
                                    use leptos::form::FromFormData;
                                    if let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) {
                                        match ReferAgain::from_form_data(&data) {
                                            Ok(args) => { action.dispatch(args); }
                                            Err(_) => action.value().set(Some(Err(AppError::Internal))),
                                        }
                                    }
                                }
                                let _ = form;
                            } action_url=ReferAgain::url()/>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn agency_options(agencies: &[Agency], selected: Option<AgencyId>) -> impl IntoView {
    agencies
        .iter()
        .filter(|a| a.active)
        .map(|a| {
            let id = a.id.to_string();
            let sel = selected == Some(a.id);
            view! { <option value=id selected=sel>{a.name.clone()}</option> }
        })
        .collect_view()
}

/// The fields shared by a new case and a repeat referral. `submit` receives the form when it
/// is submitted (after hydration); without script the form posts to `action_url`.
#[component]
fn ReferralForm(
    case: Option<CaseId>,
    agencies: Vec<Agency>,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(into)] pending: Signal<bool>,
    submit: impl Fn(leptos::web_sys::HtmlFormElement) + 'static,
    action_url: &'static str,
) -> impl IntoView {
    let form_ref = NodeRef::<Form>::new();
    let assess = ServerAction::<AssessReferral>::new();
    let children_rows = RwSignal::new(2usize);

    let run_assessment = move || {
        #[cfg(feature = "hydrate")]
        if let Some(form) = form_ref.get_untracked() {
            use leptos::form::FromFormData;
            if let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) {
                if let Ok(args) = AssessReferral::from_form_data(&data) {
                    assess.dispatch(args);
                }
            }
        }
    };
    Effect::new(move |_| {
        if form_ref.get().is_some() {
            run_assessment();
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(form) = form_ref.get_untracked() {
            submit(form);
        }
    };

    let referring_agencies = agencies.clone();
    view! {
        <div class="referral">
            <form
                node_ref=form_ref
                class="form referral__form"
                method="post"
                action=action_url
                novalidate
                on:submit=on_submit
                on:change=move |_| run_assessment()
            >
                {case.map(|id| view! { <input type="hidden" name="case_id" value=id.to_string()/> })}
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{Msg("cases-form-referral")}</legend>
                    <Field error=error name="referred_on" label=Msg("cases-form-referred-on").as_str() hint=Msg("cases-form-referred-on-hint").as_str()>
                        <input class="input input--medium" type="date" id="referred_on" name="input[referred_on]"/>
                    </Field>
                    <Field error=error name="referring_agency_id" label=Msg("cases-form-referring-agency").as_str()>
                        <AgencySelect id="referring_agency_id" name="input[referring_agency_id]" empty=Msg("cases-form-choose").as_str() own_agency=true agencies=referring_agencies/>
                    </Field>
                    <Field error=error name="referrer_name" label=Msg("cases-form-referrer").as_str() optional=true hint=Msg("cases-form-referrer-hint").as_str()>
                        <input class="input" type="text" id="referrer_name" name="input[referrer_name]"/>
                    </Field>
                </fieldset>

                {case.is_none().then(|| view! { <VictimFields error=error/> })}

                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{Msg("cases-form-children")}</legend>
                    <p class="field__hint">{Msg("cases-form-children-hint")}</p>
                    <FieldErrorAt error=error name="children"/>
                    {move || (0..children_rows.get()).map(|i| view! { <ChildRow error=error i=i/> }).collect_view()}
                    <button type="button" class="button button--secondary button--small" on:click=move |_| children_rows.update(|n| *n += 1)>
                        {Msg("cases-form-add-child")}
                    </button>
                </fieldset>

                <fieldset class="fieldset" id="checklist" tabindex="-1">
                    <legend class="fieldset__legend">{Msg("cases-form-checklist")}</legend>
                    <p class="field__hint">{Msg("cases-form-checklist-hint")}</p>
                    <FieldErrorAt error=error name="checklist"/>
                    <ol class="checklist">
                        {QUESTIONS.iter().enumerate().map(|(i, q)| view! { <Question i=i text=q.as_str()/> }).collect_view()}
                    </ol>
                </fieldset>

                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{Msg("cases-form-other-criteria")}</legend>
                    <Field error=error name="incidents_last_12_months" label=Msg("cases-form-incidents").as_str() hint=Msg("cases-form-incidents-hint").as_str()>
                        <input class="input input--short" type="number" min="0" id="incidents_last_12_months" name="input[incidents_last_12_months]" inputmode="numeric"/>
                    </Field>
                    <Field error=error name="judgement_reasons" label=t::PROFESSIONAL_JUDGEMENT.as_str() optional=true
                        hint=Msg("cases-form-judgement-hint").as_str()>
                        <textarea class="textarea" id="judgement_reasons" name="input[judgement_reasons]" rows="4"></textarea>
                    </Field>
                </fieldset>

                <ConsentFields error=error/>

                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{Msg("cases-form-voice")}</legend>
                    <Field error=error name="victim_voice.advocate_name" label=Msg("cases-form-advocate").as_str() optional=true>
                        <input class="input" type="text" id="victim_voice.advocate_name" name="input[victim_voice][advocate_name]"/>
                    </Field>
                    <Field error=error name="victim_voice.advocate_agency_id" label=Msg("cases-form-advocate-agency").as_str() optional=true>
                        <AgencySelect id="victim_voice.advocate_agency_id" name="input[victim_voice][advocate_agency_id]" empty=Msg("cases-none").as_str() own_agency=false agencies=agencies/>
                    </Field>
                    <Field error=error name="victim_voice.views" label=Msg("cases-form-views").as_str() optional=true hint=Msg("cases-form-views-hint").as_str()>
                        <textarea class="textarea" id="victim_voice.views" name="input[victim_voice][views]" rows="4"></textarea>
                    </Field>
                </fieldset>

                <SubmitButton pending=pending label=Msg("cases-form-submit").as_str() pending_label=Msg("cases-form-submitting").as_str()/>
            </form>
            <CriteriaSummary assessment=Signal::derive(move || assess.value().get().and_then(|r| r.ok())) new_case=case.is_none()/>
        </div>
    }
}

/// A select of the active agencies, preselecting the signed-in person's own when asked.
#[component]
fn AgencySelect(
    id: &'static str,
    name: &'static str,
    empty: &'static str,
    own_agency: bool,
    agencies: Vec<Agency>,
) -> impl IntoView {
    let own = if own_agency {
        signed_in_user().and_then(|m| m.agency_id)
    } else {
        None
    };
    view! {
        <select class="select" id=id name=name>
            <option value="" selected=own.is_none()>{empty}</option>
            {agency_options(&agencies, own)}
        </select>
    }
}

#[component]
fn FieldErrorAt(
    #[prop(into)] error: Signal<Option<AppError>>,
    name: &'static str,
) -> impl IntoView {
    view! { <crate::components::FieldError error=error name=name/> }
}

#[component]
fn VictimFields(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <fieldset class="fieldset fieldset--restricted">
            <legend class="fieldset__legend">{Msg("cases-form-victim")} " " <span class="tag tag--grey">{Msg("cases-restricted")}</span></legend>
            <p class="field__hint">{Msg("cases-form-victim-hint")}</p>
            <Field error=error name="victim.name" label=Msg("cases-form-victim-name").as_str()>
                <input class="input" type="text" id="victim.name" name="input[victim][name]" autocomplete="off"/>
            </Field>
            <Field error=error name="victim.date_of_birth" label=Msg("cases-form-victim-dob").as_str()>
                <input class="input input--medium" type="date" id="victim.date_of_birth" name="input[victim][date_of_birth]"/>
            </Field>
            <div class="field" class:field--error=move || error.get().and_then(|e| e.field("victim.safe_to_contact")).is_some()>
                <fieldset class="radios" id="victim.safe_to_contact" tabindex="-1">
                    <legend class="field__label">{Msg("cases-form-safe-to-contact")}</legend>
                    <crate::components::FieldError error=error name="victim.safe_to_contact"/>
                    <label class="radio"><input type="radio" name="input[victim][safe_to_contact]" value="true"/>" " {Msg("common-yes")}</label>
                    <label class="radio"><input type="radio" name="input[victim][safe_to_contact]" value="false"/>" " {Msg("common-no")}</label>
                </fieldset>
            </div>
            <Field error=error name="victim.safe_contact" label=Msg("cases-form-safe-contact").as_str() optional=true hint=Msg("cases-form-safe-contact-hint").as_str()>
                <textarea class="textarea" id="victim.safe_contact" name="input[victim][safe_contact]" rows="2"></textarea>
            </Field>
            <Field error=error name="perpetrator.name" label=Msg("cases-form-perpetrator-name").as_str() optional=true>
                <input class="input" type="text" id="perpetrator.name" name="input[perpetrator][name]" autocomplete="off"/>
            </Field>
            <Field error=error name="perpetrator.date_of_birth" label=Msg("cases-form-perpetrator-dob").as_str() optional=true>
                <input class="input input--medium" type="date" id="perpetrator.date_of_birth" name="input[perpetrator][date_of_birth]"/>
            </Field>
        </fieldset>
    }
}

#[component]
fn ChildRow(#[prop(into)] error: Signal<Option<AppError>>, i: usize) -> impl IntoView {
    let initials_id = format!("children.{i}.initials");
    let age_id = format!("children.{i}.age");
    let (ie, ae) = (initials_id.clone(), age_id.clone());
    let initials_error = Signal::derive(move || error.get().and_then(|e| e.field(&ie)));
    let age_error = Signal::derive(move || error.get().and_then(|e| e.field(&ae)));
    view! {
        <div class="child-row">
            <div class="field field--inline" class:field--error=move || initials_error.get().is_some()>
                <label class="field__label" for=initials_id.clone()>{Msg("cases-form-child-initials").with(&[("number", (i + 1).into())])}</label>
                {move || initials_error.get().map(|m| view! { <p class="field__error">{m}</p> })}
                <input class="input input--short" type="text" id=initials_id.clone() name=format!("input[children][{i}][initials]") autocomplete="off"/>
            </div>
            <div class="field field--inline" class:field--error=move || age_error.get().is_some()>
                <label class="field__label" for=age_id.clone()>{Msg("cases-form-child-age")}</label>
                {move || age_error.get().map(|m| view! { <p class="field__error">{m}</p> })}
                <input class="input input--short" type="number" min="0" max="17" id=age_id.clone() name=format!("input[children][{i}][age]")/>
            </div>
        </div>
    }
}

#[component]
fn Question(i: usize, text: &'static str) -> impl IntoView {
    let name = format!("input[checklist][{i}]");
    view! {
        <li class="question">
            <fieldset class="radios radios--inline">
                <legend class="question__text">{text}</legend>
                {[Answer::Yes, Answer::No, Answer::Unknown].into_iter().map(|a| {
                    let id = format!("q{}-{}", i + 1, a.as_str());
                    view! {
                        <label class="radio" for=id.clone()>
                            <input type="radio" id=id.clone() name=name.clone() value=a.as_str()/>
                            " " {a.label()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </li>
    }
}

#[component]
fn ConsentFields(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let has = move |f: &'static str| move || error.get().and_then(|e| e.field(f)).is_some();
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{Msg("cases-form-consent")}</legend>
            <div class="field" class:field--error=has("consent.victim_informed")>
                <fieldset class="radios" id="consent.victim_informed" tabindex="-1">
                    <legend class="field__label">{Msg("cases-form-informed")}</legend>
                    <crate::components::FieldError error=error name="consent.victim_informed"/>
                    {VictimInformed::ALL.into_iter().map(|v| view! {
                        <label class="radio"><input type="radio" name="input[consent][victim_informed]" value=v.as_str()/>" " {v.label()}</label>
                    }).collect_view()}
                </fieldset>
            </div>
            <div class="field" class:field--error=has("consent.consent_to_share")>
                <fieldset class="radios" id="consent.consent_to_share" tabindex="-1">
                    <legend class="field__label">{Msg("cases-form-consent-to-share")}</legend>
                    <crate::components::FieldError error=error name="consent.consent_to_share"/>
                    {ConsentToShare::ALL.into_iter().map(|v| view! {
                        <label class="radio"><input type="radio" name="input[consent][consent_to_share]" value=v.as_str()/>" " {v.label()}</label>
                    }).collect_view()}
                </fieldset>
            </div>
            <Field error=error name="consent.lawful_basis" label=Msg("cases-form-lawful-basis").as_str() optional=true
                hint=Msg("cases-form-lawful-basis-hint").as_str()>
                <textarea class="textarea" id="consent.lawful_basis" name="input[consent][lawful_basis]" rows="3"></textarea>
            </Field>
        </fieldset>
    }
}

/// The criteria as the server computes them for what has been entered so far.
#[component]
fn CriteriaSummary(
    #[prop(into)] assessment: Signal<Option<Assessment>>,
    new_case: bool,
) -> impl IntoView {
    let row = |met: bool, name: &'static str, why: String| {
        view! {
            <li class="criterion" class:criterion--met=met>
                <span class="criterion__mark" aria-hidden="true">{if met { "✓" } else { "–" }}</span>
                <strong>{name}</strong> ": " {if met { Msg("cases-criterion-met") } else { Msg("cases-criterion-not-met") }}
                <br/><span class="muted">{why}</span>
            </li>
        }
    };
    view! {
        <aside class="criteria-summary" aria-live="polite" aria-labelledby="criteria-title">
            <h2 id="criteria-title">{Msg("cases-form-criteria")}</h2>
            {move || match assessment.get() {
                None => view! { <p class="muted">{Msg("cases-criteria-empty")}</p> }.into_any(),
                Some(a) => {
                    let c = a.criteria;
                    view! {
                        <p class="criteria-summary__count">{Msg("cases-criteria-count").with(&[("count", c.dash_yes.into())])}</p>
                        <ul class="criteria-summary__list">
                            {row(c.visible_high_risk, t::VISIBLE_HIGH_RISK.as_str(), Msg("cases-criterion-vhr-why").text())}
                            {row(c.professional_judgement, t::PROFESSIONAL_JUDGEMENT.as_str(), Msg("cases-criterion-pj-why").text())}
                            {row(c.potential_escalation, t::POTENTIAL_ESCALATION.as_str(), Msg("cases-criterion-pe-why").text())}
                            {row(c.repeat, t::REPEAT.as_str(), Msg("cases-criterion-repeat-why").text())}
                        </ul>
                        {(!a.unanswered.is_empty()).then(|| view! {
                            <p class="criteria-summary__unanswered">
                                {if a.unanswered.len() > 6 {
                                    Msg("cases-unanswered-many").with(&[("count", a.unanswered.len().into())])
                                } else {
                                    Msg("cases-unanswered-few").with(&[
                                        ("count", a.unanswered.len().into()),
                                        ("numbers", a.unanswered.iter().map(|q| q.to_string()).collect::<Vec<_>>().join(", ").into()),
                                    ])
                                }}
                            </p>
                        })}
                        {new_case.then(|| view! {
                            <p class="muted">{t::REPEAT_ON_SUBMIT}</p>
                        })}
                        {(!c.any()).then(|| view! {
                            <p class="notice notice--warning">{Msg("cases-criteria-none-met")}</p>
                        })}
                    }.into_any()
                }
            }}
        </aside>
    }
}
