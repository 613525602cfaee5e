//! The OpenAPI 3 document, generated from the handlers' `#[utoipa::path]` attributes and the
//! wire types' `ToSchema` derives, so it cannot drift from the code. What every operation has
//! in common (the error answers, the session cookie, the path parameters, unique operation ids)
//! is added here once instead of on each handler. The `openapi` integration test checks that
//! the document and `api::routes()` list the same operations.

use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, ObjectBuilder, Ref, RefOr, Required, ResponseBuilder, Type};
use utoipa::{Modify, OpenApi, ToSchema};

use super::{actions, agencies, audit, cases, live, me, meetings, minutes, notices, session};
use super::{case_people, figures, language, outbox, reviews, schedule, settings, users};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Convene API",
        description = "The JSON API of Convene. Every operation but signing in, this document \
            and the calendar feed needs the session cookie that `POST /session` sets. Writes \
            from a browser must come from Convene's own pages (`Origin` or `Sec-Fetch-Site`); \
            clients that send neither header are not browsers and pass. Every error answers \
            with the JSON body `Error`."
    ),
    servers((url = "/api/v1")),
    paths(
        document,
        session::sign_in, session::sign_out, language::choose,
        me::me, me::change_password, me::start_totp, me::confirm_totp, me::disable_totp,
        agencies::list, agencies::create, agencies::get, agencies::update,
        users::list, users::create, users::get, users::update, users::reset_password,
        users::reset_totp, users::requests, users::confirm, users::refuse, users::withdraw,
        audit::browse,
        cases::list, cases::create, cases::assess, cases::get, cases::update,
        cases::refer_again, cases::reveal, cases::timeline, cases::withdraw_research,
        cases::pending_matches, cases::decide_match,
        reviews::next_step, reviews::what_was_tried, reviews::meeting_reviews,
        case_people::set_people, case_people::update_contact,
        meetings::list, meetings::create, meetings::get, meeting_ics, meetings::update,
        meetings::series, meetings::create_series, meetings::build, meetings::get_agenda,
        meetings::change_agenda, meetings::publish, meetings::acknowledge, meetings::grid,
        meetings::get_research, meetings::put_research, meetings::get_attendance,
        meetings::put_attendance, meetings::continuity, meetings::calendar_link,
        meetings::renew_calendar_link, meetings::calendar_feed,
        schedule::move_meeting, schedule::cancel_meeting, schedule::change_series,
        schedule::end_series, schedule::late, schedule::remind,
        live::socket, live::state,
        minutes::get, minutes::put, minutes::circulate, minutes::approve, minutes::comment,
        minutes::resolve, minutes::addendum,
        actions::list, actions::create, actions::csv, actions::get, actions::update,
        actions::history, actions::report, actions::barriers, actions::mine,
        actions::notifications, actions::mark_read,
        figures::get, figures::put, figures::report, figures::list, figures::data_return_csv,
        figures::data_return_json,
        notices::list, notices::mark_read,
        outbox::list, outbox::retry, outbox::mine, outbox::set_mine,
        settings::get, settings::update,
    ),
    components(schemas(Error)),
    modifiers(&Common)
)]
struct ApiDoc;

/// The body of every error answer (`AppError::to_json`, and the body-size and method
/// fallbacks of the HTTP layer).
#[derive(Serialize, ToSchema)]
pub struct Error {
    error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
struct ErrorDetail {
    code: ErrorCode,
    /// A sentence for people; never internal detail.
    message: String,
    /// Field name → what is wrong with it (validation errors; a sign-in that needs the
    /// two-factor code names `totp`).
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<BTreeMap<String, String>>,
    /// With `rate_limited`: seconds until a new attempt may succeed (also `Retry-After`).
    #[serde(skip_serializing_if = "Option::is_none")]
    retry_after_secs: Option<u64>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum ErrorCode {
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    RateLimited,
    PayloadTooLarge,
    MethodNotAllowed,
    Internal,
}

/// `GET /me/calendar`: where this person's calendar feed is.
#[derive(Serialize, ToSchema)]
pub struct CalendarLink {
    /// The feed's path, with its secret token, under `/api/v1`.
    path: String,
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "meta", security(()),
    responses((status = 200, description = "The OpenAPI 3.1 document", body = serde_json::Value)))]
pub async fn document() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOCUMENT.as_str(),
    )
}

/// The JSON of the document, made once.
static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    ApiDoc::openapi()
        .to_json()
        .expect("the API document serialises")
});

/// `/meetings/{id}.ics`: served by `meetings::get`, which tells the two spellings apart.
#[utoipa::path(get, path = "/meetings/{id}.ics", tag = "meetings", responses((status = 200,
    description = "The meeting as an iCalendar file", content_type = "text/calendar", body = String)))]
#[allow(dead_code)]
fn meeting_ics() {}

/// Served without a session.
const PUBLIC: [&str; 3] = ["/openapi.json", "/session", "/calendar/{token}.ics"];

/// Where a wrong password counts against the account's sign-in limit.
const LIMITED: [(&str, &str); 3] = [
    ("post", "/session"),
    ("post", "/me/password"),
    ("post", "/me/totp/disable"),
];

fn error_answers(method: &str, path: &str) -> Vec<(&'static str, &'static str)> {
    if path == "/openapi.json" {
        return vec![];
    }
    if path == "/calendar/{token}.ics" {
        return vec![("404", "No feed has this token")];
    }
    let write = method != "get";
    let mut codes = vec![
        (
            "401",
            "Not signed in, or the sign-in was refused (`fields` names what to supply)",
        ),
        (
            "403",
            "Not allowed for this role, two-factor sign-in still to set up, or a write from another site",
        ),
        (
            "404",
            "No such record, or one this person may not see (the two answer alike)",
        ),
        (
            "422",
            "The request could not be accepted: `fields` names each bad field (or `body`, `query`)",
        ),
    ];
    // Reads too: the minutes or the live state of a meeting not yet at that stage.
    codes.push((
        "409",
        "Conflicts with the record's current state (for example a meeting not yet at that stage)",
    ));
    if write {
        codes.push(("413", "The request body is larger than the server accepts"));
    }
    if LIMITED.contains(&(method, path)) {
        codes.push((
            "429",
            "Too many attempts: see `retry_after_secs` and Retry-After",
        ));
    }
    codes
}

/// Adds what every operation has in common.
struct Common;

impl Modify for Common {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                convene_app::auth::session::COOKIE,
                "Set by `POST /session` (`__Host-convene_session` when served over https)",
            ))),
        );
        doc.security = Some(vec![SecurityRequirement::new(
            "session",
            Vec::<String>::new(),
        )]);
        for (path, item) in doc.paths.paths.iter_mut() {
            let ops = [
                ("get", &mut item.get),
                ("post", &mut item.post),
                ("put", &mut item.put),
                ("patch", &mut item.patch),
                ("delete", &mut item.delete),
            ];
            for (method, op) in ops {
                if let Some(op) = op {
                    complete(method, path, op);
                }
            }
        }
    }
}

fn complete(method: &str, path: &str, op: &mut Operation) {
    // Handlers in different modules share names (`list`, `get`): the tag makes them unique.
    if let (Some(id), Some(tag)) = (&op.operation_id, op.tags.as_ref().and_then(|t| t.first())) {
        op.operation_id = Some(format!("{tag}_{id}"));
    }
    for answer in op.responses.responses.values_mut() {
        if let RefOr::T(answer) = answer {
            if answer.description.is_empty() {
                answer.description = "OK".into();
            }
        }
    }
    if PUBLIC.contains(&path) {
        op.security = Some(vec![SecurityRequirement::default()]);
    }
    for (code, description) in error_answers(method, path) {
        op.responses
            .responses
            .entry(code.into())
            .or_insert_with(|| {
                RefOr::T(
                    ResponseBuilder::new()
                        .description(description)
                        .content(
                            "application/json",
                            ContentBuilder::new()
                                .schema(Some(Ref::from_schema_name("Error")))
                                .build(),
                        )
                        .build(),
                )
            });
    }
    path_parameters(path, op);
}

/// Every `{name}` in the path is a parameter: numeric ids (a malformed one is "not found"),
/// or the calendar feed's token.
fn path_parameters(path: &str, op: &mut Operation) {
    let params = op.parameters.get_or_insert_with(Vec::new);
    let names = path
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split('}').next());
    for name in names {
        let schema = if name == "token" {
            ObjectBuilder::new().schema_type(Type::String).build()
        } else {
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::Int64,
                )))
                .build()
        };
        let param: Parameter = ParameterBuilder::new()
            .name(name)
            .parameter_in(ParameterIn::Path)
            .required(Required::True)
            .schema(Some(schema))
            .build();
        match params
            .iter_mut()
            .find(|p| p.name == name && p.parameter_in == ParameterIn::Path)
        {
            // The extractor reads the raw text; what it accepts is what is documented here.
            Some(existing) if name != "token" => *existing = param,
            Some(_) => {}
            None => params.push(param),
        }
    }
}
