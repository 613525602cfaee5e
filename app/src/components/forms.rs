//! Form parts in the style of the public-sector design systems: a summary of problems that
//! links to each field, the field's own message beside it, and a button that shows it is busy.

use super::text;
use crate::error::AppError;
use leptos::prelude::*;

/// For a form whose problems have no field of their own to link to.
pub const NO_LABELS: &[(&str, &str)] = &[];

/// The problems of the last submission, at the top of the form. Each links to its field.
#[component]
pub fn ErrorSummary<L: Send + Sync + 'static>(
    #[prop(into)] error: Signal<Option<AppError>>,
    /// Field name → visible label (text or a catalogue message), in the order of the form.
    labels: &'static [(&'static str, L)],
    /// Prefix of the fields' element ids, when two forms on a page share field names.
    #[prop(optional)]
    prefix: &'static str,
) -> impl IntoView {
    move || {
        error.get().map(|e| {
            let items: Vec<_> = match e.fields() {
                Some(fields) => {
                    let mut ordered: Vec<(String, String)> = labels
                        .iter()
                        .filter_map(|(f, _)| fields.get(*f).map(|m| (f.to_string(), m.clone())))
                        .collect();
                    for (f, m) in fields {
                        if !labels.iter().any(|(l, _)| l == f) {
                            ordered.push((f.clone(), m.clone()));
                        }
                    }
                    ordered
                        .into_iter()
                        .map(|(f, m)| {
                            let f = format!("{prefix}{f}");
                            let href = format!("#{f}");
                            // A fragment link only scrolls; people expect to land in the field.
                            let on_click = move |ev: leptos::ev::MouseEvent| {
                                ev.prevent_default();
                                focus_element(&f);
                            };
                            view! { <li><a href=href on:click=on_click>{m}</a></li> }
                        })
                        .collect()
                }
                None => vec![],
            };
            let message = if items.is_empty() {
                Some(e.message())
            } else {
                None
            };
            view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h2 class="error-summary__title">{text::ERROR_SUMMARY_TITLE}</h2>
                    {message.map(|m| view! { <p>{m}</p> })}
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}

/// Focuses the element with this id (in the browser; nothing on the server).
pub fn focus_element(_id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(_id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
}

/// The message for one field, if the last submission had a problem with it.
#[component]
pub fn FieldError(
    #[prop(into)] error: Signal<Option<AppError>>,
    name: &'static str,
) -> impl IntoView {
    move || {
        error.get().and_then(|e| e.field(name)).map(|m| {
            view! { <p class="field__error" id=format!("{name}-error")><span class="visually-hidden">{text::ERROR_PREFIX} " "</span>{m}</p> }
        })
    }
}

/// A labelled field: label, optional hint, the error and the control given as children.
#[component]
pub fn Field(
    #[prop(into)] error: Signal<Option<AppError>>,
    name: &'static str,
    #[prop(into)] label: &'static str,
    #[prop(optional, into)] hint: Option<&'static str>,
    #[prop(optional)] optional: bool,
    /// Prefix of the control's id (see `ErrorSummary`); the control must use `{prefix}{name}`.
    #[prop(optional)]
    prefix: &'static str,
    children: Children,
) -> impl IntoView {
    let has_error = move || error.get().and_then(|e| e.field(name)).is_some();
    view! {
        <div class="field" class:field--error=has_error>
            <label class="field__label" for=format!("{prefix}{name}")>
                {label}
                {optional.then(|| view! { " " <span class="field__optional">{text::OPTIONAL}</span> })}
            </label>
            {hint.map(|h| view! { <p class="field__hint" id=format!("{name}-hint")>{h}</p> })}
            <FieldError error=error name=name/>
            {children()}
        </div>
    }
}

/// The form's one primary button; disabled and relabelled while the request runs.
#[component]
pub fn SubmitButton(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] label: &'static str,
    #[prop(optional, into)] pending_label: Option<&'static str>,
    #[prop(optional)] secondary: bool,
    #[prop(optional)] name: Option<&'static str>,
    #[prop(optional)] value: Option<&'static str>,
) -> impl IntoView {
    let busy = pending_label.unwrap_or(text::SAVING.as_str());
    view! {
        <button
            type="submit"
            class="button"
            class:button--secondary=secondary
            disabled=move || pending.get()
            aria-disabled=move || pending.get().to_string()
            name=name
            value=value
        >
            {move || if pending.get() { busy } else { label }}
        </button>
    }
}

/// The error (if any) held by a server action's last result.
pub fn action_error<T, S>(value: S) -> Signal<Option<AppError>>
where
    T: 'static,
    S: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.get().and_then(|r| r.err()))
}
