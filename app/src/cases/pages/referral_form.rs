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
use crate::ids::{AgencyId, CaseId};
use leptos::html::Form;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

const LABELS: &[(&str, &str)] = &[
    ("criteria", "Referral criteria"),
    ("victim", "The victim"),
    ("referred_on", "Date of the referral"),
    ("referring_agency_id", "Referring agency"),
    ("referrer_name", "Referred by"),
    ("victim.name", "Victim's full name"),
    ("victim.date_of_birth", "Victim's date of birth"),
    (
        "victim.safe_to_contact",
        "Is it safe to contact the victim?",
    ),
    ("victim.safe_contact", "Safe contact details"),
    ("perpetrator.name", "Perpetrator's name"),
    ("perpetrator.date_of_birth", "Perpetrator's date of birth"),
    ("children", "Children in the household"),
    ("checklist", "Risk checklist"),
    ("judgement_reasons", "Professional judgement"),
    (
        "incidents_last_12_months",
        "Incidents in the last 12 months",
    ),
    ("consent.victim_informed", "Was the victim informed?"),
    ("consent.consent_to_share", "Consent to share information"),
    ("consent.lawful_basis", "Lawful basis"),
    ("victim_voice.advocate_name", "Advocate"),
    ("victim_voice.advocate_agency_id", "Advocate's agency"),
    ("victim_voice.views", "The victim's views and wishes"),
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
        <p><A href="/cases">"Back to cases"</A></p>
        <h1>{t::REFER}</h1>
        <p class="lead">"Fill in the risk checklist with the victim. The criteria the referral meets are worked out as you go."</p>
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
                        let title = format!("{}: {}", t::REFER_AGAIN, c.reference);
                        view! {
                            <Title text=title.clone()/>
                            <p><A href=format!("/cases/{}", c.id)>{format!("Back to {}", c.reference)}</A></p>
                            <h1>{title}</h1>
                            <p class="lead">"The victim's details are already held by the case. Fill in the risk checklist as it stands today."</p>
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
                    <legend class="fieldset__legend">"The referral"</legend>
                    <Field error=error name="referred_on" label="Date of the referral" hint="The day the referral was made.">
                        <input class="input input--medium" type="date" id="referred_on" name="input[referred_on]"/>
                    </Field>
                    <Field error=error name="referring_agency_id" label="Referring agency">
                        <AgencySelect id="referring_agency_id" name="input[referring_agency_id]" empty="Choose…" own_agency=true agencies=referring_agencies/>
                    </Field>
                    <Field error=error name="referrer_name" label="Referred by" optional=true hint="Leave empty if you are the referrer.">
                        <input class="input" type="text" id="referrer_name" name="input[referrer_name]"/>
                    </Field>
                </fieldset>

                {case.is_none().then(|| view! { <VictimFields error=error/> })}

                <fieldset class="fieldset">
                    <legend class="fieldset__legend">"Children in the household"</legend>
                    <p class="field__hint">"Initials and age of each child living in the household. Leave the rows empty if there are none."</p>
                    <FieldErrorAt error=error name="children"/>
                    {move || (0..children_rows.get()).map(|i| view! { <ChildRow error=error i=i/> }).collect_view()}
                    <button type="button" class="button button--secondary button--small" on:click=move |_| children_rows.update(|n| *n += 1)>
                        "Add another child"
                    </button>
                </fieldset>

                <fieldset class="fieldset" id="checklist" tabindex="-1">
                    <legend class="fieldset__legend">"Risk checklist"</legend>
                    <p class="field__hint">"Ask every question. “Don't know” is not counted as “yes”."</p>
                    <FieldErrorAt error=error name="checklist"/>
                    <ol class="checklist">
                        {QUESTIONS.iter().enumerate().map(|(i, q)| view! { <Question i=i text=q/> }).collect_view()}
                    </ol>
                </fieldset>

                <fieldset class="fieldset">
                    <legend class="fieldset__legend">"Other criteria"</legend>
                    <Field error=error name="incidents_last_12_months" label="Incidents known in the last 12 months" hint="Reported to any agency. Enter 0 if none.">
                        <input class="input input--short" type="number" min="0" id="incidents_last_12_months" name="input[incidents_last_12_months]" inputmode="numeric"/>
                    </Field>
                    <Field error=error name="judgement_reasons" label="Professional judgement" optional=true
                        hint="If you believe the case should come to the group whatever the checklist says, say why. Giving reasons makes the referral meet this criterion.">
                        <textarea class="textarea" id="judgement_reasons" name="input[judgement_reasons]" rows="4"></textarea>
                    </Field>
                </fieldset>

                <ConsentFields error=error/>

                <fieldset class="fieldset">
                    <legend class="fieldset__legend">"The victim's voice"</legend>
                    <Field error=error name="victim_voice.advocate_name" label="Advocate" optional=true>
                        <input class="input" type="text" id="victim_voice.advocate_name" name="input[victim_voice][advocate_name]"/>
                    </Field>
                    <Field error=error name="victim_voice.advocate_agency_id" label="Advocate's agency" optional=true>
                        <AgencySelect id="victim_voice.advocate_agency_id" name="input[victim_voice][advocate_agency_id]" empty="None" own_agency=false agencies=agencies/>
                    </Field>
                    <Field error=error name="victim_voice.views" label="The victim's views and wishes" optional=true hint="In her words where possible: what she wants to happen, what she fears.">
                        <textarea class="textarea" id="victim_voice.views" name="input[victim_voice][views]" rows="4"></textarea>
                    </Field>
                </fieldset>

                <SubmitButton pending=pending label="Submit referral" pending_label="Submitting…"/>
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
            <legend class="fieldset__legend">"The victim " <span class="tag tag--grey">"Restricted"</span></legend>
            <p class="field__hint">"These details are shown only on request, with a reason that is recorded. They are used to find whether she already has a case."</p>
            <Field error=error name="victim.name" label="Victim's full name">
                <input class="input" type="text" id="victim.name" name="input[victim][name]" autocomplete="off"/>
            </Field>
            <Field error=error name="victim.date_of_birth" label="Victim's date of birth">
                <input class="input input--medium" type="date" id="victim.date_of_birth" name="input[victim][date_of_birth]"/>
            </Field>
            <div class="field" class:field--error=move || error.get().and_then(|e| e.field("victim.safe_to_contact")).is_some()>
                <fieldset class="radios" id="victim.safe_to_contact" tabindex="-1">
                    <legend class="field__label">"Is it safe to contact the victim?"</legend>
                    <crate::components::FieldError error=error name="victim.safe_to_contact"/>
                    <label class="radio"><input type="radio" name="input[victim][safe_to_contact]" value="true"/>" Yes"</label>
                    <label class="radio"><input type="radio" name="input[victim][safe_to_contact]" value="false"/>" No"</label>
                </fieldset>
            </div>
            <Field error=error name="victim.safe_contact" label="Safe contact details" optional=true hint="How and when she can be contacted safely.">
                <textarea class="textarea" id="victim.safe_contact" name="input[victim][safe_contact]" rows="2"></textarea>
            </Field>
            <Field error=error name="perpetrator.name" label="Perpetrator's name" optional=true>
                <input class="input" type="text" id="perpetrator.name" name="input[perpetrator][name]" autocomplete="off"/>
            </Field>
            <Field error=error name="perpetrator.date_of_birth" label="Perpetrator's date of birth" optional=true>
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
                <label class="field__label" for=initials_id.clone()>{format!("Child {} initials", i + 1)}</label>
                {move || initials_error.get().map(|m| view! { <p class="field__error">{m}</p> })}
                <input class="input input--short" type="text" id=initials_id.clone() name=format!("input[children][{i}][initials]") autocomplete="off"/>
            </div>
            <div class="field field--inline" class:field--error=move || age_error.get().is_some()>
                <label class="field__label" for=age_id.clone()>"Age"</label>
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
            <legend class="fieldset__legend">"Consent"</legend>
            <div class="field" class:field--error=has("consent.victim_informed")>
                <fieldset class="radios" id="consent.victim_informed" tabindex="-1">
                    <legend class="field__label">"Was the victim informed of the referral?"</legend>
                    <crate::components::FieldError error=error name="consent.victim_informed"/>
                    {VictimInformed::ALL.into_iter().map(|v| view! {
                        <label class="radio"><input type="radio" name="input[consent][victim_informed]" value=v.as_str()/>" " {v.label()}</label>
                    }).collect_view()}
                </fieldset>
            </div>
            <div class="field" class:field--error=has("consent.consent_to_share")>
                <fieldset class="radios" id="consent.consent_to_share" tabindex="-1">
                    <legend class="field__label">"Did the victim consent to sharing information with the group?"</legend>
                    <crate::components::FieldError error=error name="consent.consent_to_share"/>
                    {ConsentToShare::ALL.into_iter().map(|v| view! {
                        <label class="radio"><input type="radio" name="input[consent][consent_to_share]" value=v.as_str()/>" " {v.label()}</label>
                    }).collect_view()}
                </fieldset>
            </div>
            <Field error=error name="consent.lawful_basis" label="Lawful basis for sharing without consent" optional=true
                hint="Needed when consent was refused or not sought: say in words why sharing is lawful and proportionate.">
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
                <strong>{name}</strong> ": " {if met { "met" } else { "not met" }}
                <br/><span class="muted">{why}</span>
            </li>
        }
    };
    view! {
        <aside class="criteria-summary" aria-live="polite" aria-labelledby="criteria-title">
            <h2 id="criteria-title">"Referral criteria"</h2>
            {move || match assessment.get() {
                None => view! { <p class="muted">"The criteria appear here as you fill in the form."</p> }.into_any(),
                Some(a) => {
                    let c = a.criteria;
                    view! {
                        <p class="criteria-summary__count">{format!("{} “yes” of 24", c.dash_yes)}</p>
                        <ul class="criteria-summary__list">
                            {row(c.visible_high_risk, t::VISIBLE_HIGH_RISK.as_str(), "14 or more “yes” answers".into())}
                            {row(c.professional_judgement, t::PROFESSIONAL_JUDGEMENT.as_str(), "reasons given".into())}
                            {row(c.potential_escalation, t::POTENTIAL_ESCALATION.as_str(), "incidents in the last 12 months at or above the group's threshold".into())}
                            {row(c.repeat, t::REPEAT.as_str(), "referred before within the last 12 months".into())}
                        </ul>
                        {(!a.unanswered.is_empty()).then(|| view! {
                            <p class="criteria-summary__unanswered">
                                {if a.unanswered.len() > 6 {
                                    format!("{} questions of the checklist not answered yet", a.unanswered.len())
                                } else {
                                    format!("Not answered yet: question{} {}", if a.unanswered.len() == 1 { "" } else { "s" },
                                        a.unanswered.iter().map(|q| q.to_string()).collect::<Vec<_>>().join(", "))
                                }}
                            </p>
                        })}
                        {new_case.then(|| view! {
                            <p class="muted">{t::REPEAT_ON_SUBMIT}</p>
                        })}
                        {(!c.any()).then(|| view! {
                            <p class="notice notice--warning">"As it stands, the referral meets none of the criteria and cannot be submitted."</p>
                        })}
                    }.into_any()
                }
            }}
        </aside>
    }
}
