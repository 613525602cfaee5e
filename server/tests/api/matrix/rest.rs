//! The REST rows. Bodies are empty or invalid on purpose: an allowed subject is judged on its
//! content (422) and nothing changes, while a refused one never gets that far.

use super::{row, Body, Fixtures, Row};
use reqwest::Method;
use serde_json::json;

fn empty() -> Body {
    Body::Json(json!({}))
}

#[rustfmt::skip]
pub fn rows(f: &Fixtures) -> Vec<Row> {
    use Method as M;
    let (case, action, draft, published, past, review) =
        (f.case, f.action, f.draft, f.published, f.past, f.review);
    vec![
        row(M::GET, "/openapi.json", "/openapi.json".into(), Body::None, "AAAAAA")
        .public(),
        row(M::POST, "/session", "/session".into(), empty(), "AAAAAA").public(),
        // Anyone may choose a language (an empty body names the field: 422, nothing kept).
        row(M::POST, "/language", "/language".into(), empty(), "AAAAAA").public(),
        row(M::GET, "/me", "/me".into(), Body::None, "AAAAAA"),
        row(M::POST, "/me/password", "/me/password".into(), empty(), "AAAAAA"),
        row(M::POST, "/me/totp", "/me/totp".into(), Body::None, "AAAAAA"),
        row(M::POST, "/me/totp/confirm", "/me/totp/confirm".into(), empty(), "AAAAAA"),
        row(M::POST, "/me/totp/disable", "/me/totp/disable".into(), empty(), "AAAAAA"),
        row(M::GET, "/me/notices", "/me/notices".into(), Body::None, "AAAAAA"),
        row(M::POST, "/me/notices/read", "/me/notices/read".into(), Body::None, "AAAAAA"),
        row(M::GET, "/me/notification-preferences", "/me/notification-preferences".into(), Body::None, "AAAAAA"),
        row(M::PUT, "/me/notification-preferences", "/me/notification-preferences".into(), Body::Json(json!({"choices": [{"kind": "nonsense", "delivery": "none"}]})), "AAAAAA"),
        // The outbox is the admin's: who was told what names people and cases by number.
        row(M::GET, "/outbox", "/outbox".into(), Body::None, "AFFFFF"),
        row(M::POST, "/outbox/{id}/retry", "/outbox/1/retry".into(), Body::None, "AFFFFF"),
        // The directory is for everyone; changing it is for the admin and coordinator.
        row(M::GET, "/agencies", "/agencies".into(), Body::None, "AAAAAA"),
        row(M::GET, "/agencies/{id}", format!("/agencies/{}", f.agency), Body::None, "AAAAAA"),
        row(M::POST, "/agencies", "/agencies".into(), Body::Json(json!({"name": "", "kind": ""})), "AFAFFF"),
        row(M::PATCH, "/agencies/{id}", format!("/agencies/{}", f.agency), Body::Json(json!({"name": ""})), "AFAFFF"),
        // User accounts: seen by those who look after people; a coordinator manages members.
        row(M::GET, "/users", "/users".into(), Body::None, "AAAFFF"),
        row(M::GET, "/users/{id}", format!("/users/{}", f.member_user), Body::None, "AAAFFF"),
        row(M::POST, "/users", "/users".into(), Body::Json(json!({"email": "", "name": "", "role": "member"})), "AFAFFF"),
        // The chair changes the accounts of the people at the table (an admin confirms what gives access).
        row(M::PATCH, "/users/{id}", format!("/users/{}", f.member_user), Body::Json(json!({"name": ""})), "AAAFFF"),
        row(M::PATCH, "/users/{id}", format!("/users/{}", f.chair_user), Body::Json(json!({"name": ""})), "AFFFFF"),
        // Resets of a case reader are asked for; one is already waiting here (a conflict).
        row(M::POST, "/users/{id}/password-reset", format!("/users/{}/password-reset", f.pending_reader), Body::None, "AAAFFF"),
        row(M::POST, "/users/{id}/totp-reset", format!("/users/{}/totp-reset", f.pending_reader), Body::None, "AAAFFF"),
        // A coordinator's request: the admin or the chair decides it, the coordinator may
        // withdraw it (already decided here, so a conflict).
        row(M::GET, "/access-requests", "/access-requests".into(), Body::None, "AAAFFF"),
        row(M::POST, "/access-requests/{id}/confirm", format!("/access-requests/{}/confirm", f.decided_request), Body::None, "AAFFFF"),
        row(M::POST, "/access-requests/{id}/refuse", format!("/access-requests/{}/refuse", f.decided_request), Body::None, "AAFFFF"),
        row(M::POST, "/access-requests/{id}/withdraw", format!("/access-requests/{}/withdraw", f.decided_request), Body::None, "FFAFFF"),
        row(M::GET, "/audit", "/audit".into(), Body::None, "AAFFFF"),
        row(M::GET, "/settings", "/settings".into(), Body::None, "AAAFFF"),
        row(M::PATCH, "/settings", "/settings".into(), Body::Json(json!({"escalation_incidents": 0})), "AFFFFF"),
        // Cases: need-to-know. Whoever may not see the case gets the 404 of a missing one.
        row(M::GET, "/cases", "/cases".into(), Body::None, "FAAAAF"),
        row(M::POST, "/cases", "/cases".into(), empty(), "FAAAAF"),
        row(M::POST, "/cases/assess", "/cases/assess".into(), empty(), "FAAAAF"),
        row(M::GET, "/cases/{id}", format!("/cases/{case}"), Body::None, "NAAANN"),
        row(M::PATCH, "/cases/{id}", format!("/cases/{case}"), Body::Json(json!({"status": "nonsense"})), "NAAFNN"),
        row(M::POST, "/cases/{id}/referrals", format!("/cases/{case}/referrals"), empty(), "NAAANN"),
        // Next steps are the chair's and coordinator's; what was tried follows need-to-know.
        row(M::PUT, "/cases/{id}/next-step", format!("/cases/{case}/next-step"), empty(), "NAAFNN"),
        row(M::GET, "/cases/{id}/what-was-tried", format!("/cases/{case}/what-was-tried"), Body::None, "NAAANN"),
        row(M::GET, "/meetings/{id}/reviews", format!("/meetings/{draft}/reviews"), Body::None, "FAAFFF"),
        row(M::GET, "/meetings/{id}/reviews", format!("/meetings/{published}/reviews"), Body::None, "FAAAAA"),
        row(M::POST, "/cases/{id}/reveal", format!("/cases/{case}/reveal"), empty(), "NAAANN"),
        row(M::GET, "/cases/{id}/timeline", format!("/cases/{case}/timeline"), Body::None, "NAAANN"),
        row(M::POST, "/cases/{id}/withdraw-research", format!("/cases/{case}/withdraw-research"), empty(), "NAAFNN"),
        // Who manages the case: as changing it; the contact details: as reading them with a reason.
        // The figures of a case follow the case: read as the case, changed as the case.
        row(M::GET, "/cases/{id}/figures", format!("/cases/{case}/figures"), Body::None, "NAAANN"),
        row(M::PUT, "/cases/{id}/figures", format!("/cases/{case}/figures"), Body::Json(json!({"gender": "nonsense"})), "NAAFNN"),
        // The case figures and the data return: as the actions' report (a bad period is judged).
        row(M::GET, "/reports/cases", "/reports/cases?period=nonsense".into(), Body::None, "FAAFFF"),
        row(M::GET, "/reports/cases/list", "/reports/cases/list?period=nonsense".into(), Body::None, "FAAFFF"),
        row(M::GET, "/reports/data-return.csv", "/reports/data-return.csv?period=nonsense".into(), Body::None, "FAAFFF"),
        row(M::GET, "/reports/data-return.json", "/reports/data-return.json?period=nonsense".into(), Body::None, "FAAFFF"),
        row(M::PUT, "/cases/{id}/people", format!("/cases/{case}/people"), Body::Json(json!({"case_manager_id": "nobody"})), "NAAFNN"),
        row(M::PUT, "/cases/{id}/contact", format!("/cases/{case}/contact"), empty(), "NAAANN"),
        // Pending matches are the register's keepers' to decide (the id needs no fixture: a
        // decision's content is judged before the match is looked up).
        row(M::GET, "/case-matches", "/case-matches".into(), Body::None, "FAAFFF"),
        row(M::POST, "/case-matches/{id}", "/case-matches/1".into(), empty(), "FAAFFF"),
        // Actions: agreed by the chair and coordinator, updated by the owning agency.
        row(M::GET, "/actions", "/actions".into(), Body::None, "FAAAAF"),
        row(M::POST, "/actions", "/actions".into(), empty(), "FAAFFF"),
        row(M::GET, "/actions.csv", "/actions.csv".into(), Body::None, "FAAAAF"),
        row(M::GET, "/actions/{id}", format!("/actions/{action}"), Body::None, "NAAANN"),
        row(M::PATCH, "/actions/{id}", format!("/actions/{action}"), empty(), "NAAANN"),
        row(M::GET, "/actions/{id}/history", format!("/actions/{action}/history"), Body::None, "NAAANN"),
        row(M::GET, "/reports/actions", "/reports/actions".into(), Body::None, "FAAFFF"),
        row(M::GET, "/barriers", "/barriers".into(), Body::None, "FAAFFF"),
        row(M::GET, "/me/actions", "/me/actions".into(), Body::None, "AAAAAA"),
        row(M::GET, "/me/notifications", "/me/notifications".into(), Body::None, "AAAAAA"),
        row(M::POST, "/me/notifications/read", "/me/notifications/read".into(), Body::None, "AAAAAA"),
        // Meetings: the calendar is for everyone; a meeting, once its agenda is published.
        row(M::GET, "/meetings", "/meetings".into(), Body::None, "AAAAAA"),
        row(M::POST, "/meetings", "/meetings".into(), empty(), "FAAFFF"),
        // When and where a meeting is, is for everyone in the group (no case data in it).
        row(M::GET, "/meetings/{id}", format!("/meetings/{published}"), Body::None, "AAAAAA"),
        row(M::GET, "/meetings/{id}", format!("/meetings/{draft}"), Body::None, "AAAAAA"),
        row(M::GET, "/meetings/{id}.ics", format!("/meetings/{published}.ics"), Body::None, "AAAAAA"),
        row(M::PATCH, "/meetings/{id}", format!("/meetings/{draft}"), Body::Json(json!({"status": "nonsense"})), "FAAFFF"),
        row(M::GET, "/meeting-series", "/meeting-series".into(), Body::None, "AAAAAA"),
        row(M::POST, "/meeting-series", "/meeting-series".into(), empty(), "FAAFFF"),
        // Changing the rhythm, ending a series, moving or cancelling a meeting: the staff's.
        row(M::PATCH, "/meeting-series/{id}", "/meeting-series/1".into(), Body::Json(json!({"from": "nonsense"})), "FAAFFF"),
        row(M::POST, "/meeting-series/{id}/end", "/meeting-series/1/end".into(), Body::Json(json!({"last_day": ""})), "FAAFFF"),
        row(M::POST, "/meetings/{id}/move", format!("/meetings/{draft}/move"), empty(), "FAAFFF"),
        row(M::POST, "/meetings/{id}/cancel", format!("/meetings/{draft}/cancel"), Body::Json(json!({"reason": ""})), "FAAFFF"),
        // Late research of a draft: there is none to chase yet (409 for the staff).
        row(M::GET, "/meetings/{id}/research/late", format!("/meetings/{draft}/research/late"), Body::None, "FAAFFF"),
        row(M::POST, "/meetings/{id}/research/remind", format!("/meetings/{draft}/research/remind"), Body::None, "FAAFFF"),
        row(M::GET, "/meetings/{id}/agenda", format!("/meetings/{draft}/agenda"), Body::None, "FAAFFF"),
        row(M::GET, "/meetings/{id}/agenda", format!("/meetings/{published}/agenda"), Body::None, "FAAAAA"),
        row(M::POST, "/meetings/{id}/agenda/build", format!("/meetings/{past}/agenda/build"), Body::None, "FAAFFF"),
        row(M::PATCH, "/meetings/{id}/agenda", format!("/meetings/{draft}/agenda"), Body::Json(json!({"operations": [{"op": "remove", "item_id": 0, "reason": ""}]})), "FAAFFF"),
        // Publishing again is a conflict for those who may publish.
        row(M::POST, "/meetings/{id}/publish", format!("/meetings/{published}/publish"), Body::None, "FAAFFF"),
        row(M::POST, "/meetings/{id}/acknowledge", format!("/meetings/{published}/acknowledge"), Body::None, "FAAAAA"),
        row(M::GET, "/meetings/{id}/research", format!("/meetings/{published}/research"), Body::None, "FAAFFF"),
        row(M::GET, "/meetings/{id}/research/{case_id}", format!("/meetings/{published}/research/{case}"), Body::None, "FAAAAA"),
        row(M::PUT, "/meetings/{id}/research/{case_id}", format!("/meetings/{published}/research/{case}"), Body::Json(json!({"state": "nonsense"})), "FAAAAA"),
        row(M::GET, "/meetings/{id}/attendance", format!("/meetings/{past}/attendance"), Body::None, "FAAAAA"),
        row(M::PUT, "/meetings/{id}/attendance", format!("/meetings/{published}/attendance"), Body::Json(json!({"entries": []})), "FAAAAA"),
        row(M::GET, "/reports/attendance", "/reports/attendance".into(), Body::None, "FAAFFF"),
        row(M::GET, "/meetings/{id}/live/state", format!("/meetings/{published}/live/state"), Body::None, "FAAAAA"),
        // Minutes: everyone at the table reads their extract; the chair approves.
        row(M::GET, "/meetings/{id}/minutes", format!("/meetings/{review}/minutes"), Body::None, "FAAAAA"),
        row(M::PUT, "/meetings/{id}/minutes", format!("/meetings/{review}/minutes"), Body::Json(json!({"version": -1, "sections": []})), "FAAFFF"),
        row(M::POST, "/meetings/{id}/minutes/circulate", format!("/meetings/{review}/minutes/circulate"), Body::None, "FAAFFF"),
        row(M::POST, "/meetings/{id}/minutes/approve", format!("/meetings/{past}/minutes/approve"), Body::None, "FAFFFF"),
        row(M::POST, "/meetings/{id}/minutes/comments", format!("/meetings/{review}/minutes/comments"), empty(), "FAAAAA"),
        row(M::PATCH, "/meetings/{id}/minutes/comments/{comment_id}", format!("/meetings/{review}/minutes/comments/{}", f.comment), Body::Json(json!({"status": "nonsense"})), "FAAFFF"),
        row(M::POST, "/meetings/{id}/minutes/addenda", format!("/meetings/{past}/minutes/addenda"), empty(), "FAAFFF"),
        // The calendar feed answers its secret link, not a session; renewing it ends the old one.
        row(M::GET, "/calendar/{token}.ics", f.calendar.clone(), Body::None, "AAAAAA")
        .public(),
        row(M::GET, "/me/calendar", "/me/calendar".into(), Body::None, "AAAAAA"),
        row(M::POST, "/me/calendar", "/me/calendar".into(), Body::None, "AAAAAA"),
        // Last: it ends every subject's session.
        row(M::DELETE, "/session", "/session".into(), Body::None, "AAAAAA")
        .public(),
    ]
}
