//! The server function rows: the same use cases as REST, reached the way the pages reach them
//! (a form-encoded POST to `/_fn/<name>`). Arguments are decodable but their content invalid
//! or harmless, so an allowed subject changes nothing.

use super::{row, Body, Fixtures, Row};
use reqwest::Method;

fn f(name: &str, args: String, expect: &'static str) -> Row {
    row(
        Method::POST,
        name,
        format!("/_fn/{name}"),
        Body::Form(args),
        expect,
    )
}

#[rustfmt::skip]
pub fn rows(x: &Fixtures) -> Vec<Row> {
    let (case, action, draft, published, past, review) =
        (x.case, x.action, x.draft, x.published, x.past, x.review);
    let none = String::new;
    vec![
        f("sign_in", "email=&password=".into(), "AAAAAA").public(),
        // Who is signed in, if anyone: the pages ask before they know.
        f("get_me", none(), "AAAAAA").public(),
        f("change_password", "current_password=&new_password=".into(), "AAAAAA"),
        f("start_totp", none(), "AAAAAA"),
        f("confirm_totp", "code=".into(), "AAAAAA"),
        f("disable_totp", "password=".into(), "AAAAAA"),
        f("my_notices", none(), "AAAAAA"),
        f("mark_notices_read", none(), "AAAAAA"),
        f("my_preferences", none(), "AAAAAA"),
        f("save_preferences", "choices[nonsense]=none".into(), "AAAAAA"),
        f("outbox_entries", none(), "AFFFFF"),
        f("retry_message", "id=1".into(), "AFFFFF"),
        f("list_agencies", none(), "AAAAAA"),
        f("get_agency", format!("id={}", x.agency), "AAAAAA"),
        f("create_agency", "name=&kind=".into(), "AFAFFF"),
        f("update_agency", format!("id={}&name=", x.agency), "AFAFFF"),
        f("list_users", none(), "AAAFFF"),
        f("get_user", format!("id={}", x.member_user), "AAAFFF"),
        f("create_user", "email=&name=&role=member".into(), "AFAFFF"),
        f("update_user", format!("id={}&name=", x.member_user), "AAAFFF"),
        f("reset_user_password", format!("id={}", x.pending_reader), "AAAFFF"),
        f("reset_user_totp", format!("id={}", x.pending_reader), "AAAFFF"),
        f("list_access_requests", none(), "AAAFFF"),
        f("confirm_access_request", format!("id={}", x.decided_request), "AAFFFF"),
        f("refuse_access_request", format!("id={}", x.decided_request), "AAFFFF"),
        f("withdraw_access_request", format!("id={}", x.decided_request), "FFAFFF"),
        f("browse_audit", none(), "AAFFFF"),
        f("get_settings", none(), "AAAFFF"),
        f("update_settings", "escalation_incidents=0".into(), "AFFFFF"),
        f("list_cases", none(), "FAAAAF"),
        f("refer_case", "input[referred_on]=".into(), "FAAAAF"),
        f("assess_referral", "input[referred_on]=".into(), "FAAAAF"),
        f("get_case", format!("id={case}"), "NAAANN"),
        f("case_timeline", format!("id={case}"), "NAAANN"),
        f("decide_next_step", format!("id={case}&form[step]="), "NAAFNN"),
        f("case_what_was_tried", format!("id={case}"), "NAAANN"),
        f("meeting_reviews", format!("id={draft}"), "FAAFFF"),
        f("meeting_reviews", format!("id={published}"), "FAAAAA"),
        f("refer_again", format!("case_id={case}&input[referred_on]="), "NAAANN"),
        f("reveal_field", format!("id={case}&field=&reason="), "NAAANN"),
        f("update_case", format!("id={case}&form[status]=nonsense"), "NAAFNN"),
        f("withdraw_research_involvement", format!("id={case}&agency_id="), "NAAFNN"),
        f("set_case_people", format!("id={case}&people[case_manager_id]=nobody"), "NAAFNN"),
        f("update_case_contact", format!("id={case}&contact[reason]="), "NAAANN"),
        f("pending_matches", none(), "FAAFFF"),
        f("decide_match", "id=1&decision=".into(), "FAAFFF"),
        f("list_actions", none(), "FAAAAF"),
        f("my_actions", none(), "AAAAAA"),
        f("agree_action", "input[case_id]=".into(), "FAAFFF"),
        f("action_history", format!("id={action}"), "NAAANN"),
        f("update_action", format!("id={action}&form[status]="), "NAAANN"),
        f("get_action_report", none(), "FAAFFF"),
        f("get_barrier_register", none(), "FAAFFF"),
        f("my_notifications", none(), "AAAAAA"),
        f("mark_notifications_read", none(), "AAAAAA"),
        f("list_meetings", none(), "AAAAAA"),
        f("schedule_meeting", "starts_at=".into(), "FAAFFF"),
        f("set_up_series", "input[name]=".into(), "FAAFFF"),
        f("move_meeting_on", format!("id={draft}&status=nonsense"), "FAAFFF"),
        f("get_agenda", format!("id={draft}"), "FAAFFF"),
        f("get_agenda", format!("id={published}"), "FAAAAA"),
        f("build_agenda", format!("id={past}"), "FAAFFF"),
        f("change_agenda", format!("id={draft}&op=remove&item_id=0&reason="), "FAAFFF"),
        f("publish_agenda", format!("id={published}"), "FAAFFF"),
        f("acknowledge_confidentiality", format!("id={published}"), "FAAAAA"),
        f("get_research_grid", format!("id={published}"), "FAAFFF"),
        f("get_research", format!("id={published}&case_id={case}"), "FAAAAA"),
        f("save_research", format!("id={published}&case_id={case}&state_choice=nonsense"), "FAAAAA"),
        f("get_attendance", format!("id={past}"), "FAAAAA"),
        f("set_attendance", format!("id={published}&user_id={}&status=nonsense", x.member_user), "FAAAAA"),
        f("attendance_continuity", none(), "FAAFFF"),
        f("get_live_state", format!("id={published}"), "FAAAAA"),
        f("acknowledge_live", format!("id={published}"), "FAAAAA"),
        f("get_minutes", format!("id={review}"), "FAAAAA"),
        f("save_minutes_section", format!("id={review}&version=0&section_id=0&body_md="), "FAAFFF"),
        f("circulate_minutes", format!("id={review}"), "FAAFFF"),
        f("comment_on_minutes", format!("id={review}&body="), "FAAAAA"),
        f("resolve_minutes_comment", format!("id={review}&comment_id={}&status=nonsense", x.comment), "FAAFFF"),
        f("approve_minutes", format!("id={past}"), "FAFFFF"),
        f("add_minutes_addendum", format!("id={past}&body_md="), "FAAFFF"),
        f("calendar_link", none(), "AAAAAA"),
        f("sign_out", none(), "AAAAAA").public(),
    ]
}
