//! Every page in both languages: no message missing from the catalogue, and on a Romanian page
//! (with the Romanian demo group) no English word of the interface left.

use crate::common::*;
use reqwest::{Client, StatusCode};

/// What a person reads on a page: the text between tags and the attributes read aloud or
/// shown (labels for screen readers, tooltips, placeholders, button values), without scripts.
pub fn readable_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push(' ');
        let tail = &rest[i..];
        // Raw record data (audit codes, JSON details) is shown as code, not as words.
        let skip_to = ["<script", "<style", "<code"]
            .iter()
            .find(|t| tail.starts_with(**t))
            .map(|t| format!("</{}>", &t[1..]));
        let end = match &skip_to {
            Some(end) => tail
                .find(end.as_str())
                .map_or(tail.len(), |j| j + end.len()),
            None => tail.find('>').map_or(tail.len(), |j| j + 1),
        };
        if skip_to.is_none() {
            for attr in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
                let tag = &tail[..end];
                if let Some(s) = tag.find(attr) {
                    let v = &tag[s + attr.len()..];
                    out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                    out.push(' ');
                }
            }
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out.replace("&#x27;", "'").replace("&amp;", "&")
}

/// Common English words, matched as whole words: none belongs on a Romanian page.
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "for",
    "with",
    "your",
    "you",
    "this",
    "has",
    "have",
    "been",
    "not",
    "no",
    "yes",
    "is",
    "was",
    "at",
    "by",
    "on",
    "or",
    "from",
    "all",
    "new",
    "save",
    "cancel",
    "edit",
    "back",
    "next",
    "show",
    "hide",
    "add",
    "remove",
    "open",
    "done",
    "due",
    "case",
    "cases",
    "meeting",
    "meetings",
    "action",
    "actions",
    "agency",
    "agencies",
    "minutes",
    "sign",
    "out",
    "home",
    "search",
    "filter",
    "time",
    "name",
    "email",
    "password",
    "reason",
    "none",
    "error",
    "there",
    "problem",
    "what",
    "who",
    "when",
    "where",
    "why",
    "how",
    "page",
    "here",
    "more",
    "less",
    "than",
    "only",
    "each",
    "every",
    "role",
    "users",
    "settings",
    "reports",
    "research",
    "attendance",
    "live",
    "chair",
    "coordinator",
    "member",
    "observer",
    "overdue",
    "today",
    "week",
    "weeks",
    "days",
    "review",
    "referral",
    "referred",
    "children",
    "victim",
    "risk",
    "high",
    "notes",
    "summary",
    "decision",
    "outcome",
];

fn english_left(text: &str) -> Vec<String> {
    let mut left: Vec<String> = text
        .split_whitespace()
        // E-mail addresses and time zones (Europe/Isle_of_Man) are data; each language's
        // switch names it in its own words.
        .filter(|t| !t.contains('@') && !t.contains("Europe/") && !t.contains("English"))
        .flat_map(|token| token.split(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| ENGLISH_WORDS.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect();
    left.sort();
    left.dedup();
    left
}

async fn id(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Every route of the app with the person who may open it, the ids taken from the demo.
async fn every_page(app: &TestApp) -> Vec<(&'static str, String)> {
    let case = id(app, "SELECT id FROM cases ORDER BY id LIMIT 1").await;
    let held = id(
        app,
        "SELECT id FROM meetings WHERE status = 'minutes_approved' ORDER BY starts_at DESC LIMIT 1",
    )
    .await;
    let next = id(
        app,
        "SELECT id FROM meetings WHERE status IN ('draft', 'agenda_published') ORDER BY starts_at LIMIT 1",
    )
    .await;
    // Published, so that its live page opens.
    let c = app.sign_in_as("coordinator@demo.test").await;
    for step in ["agenda/build", "publish"] {
        let r = c
            .post(app.api(&format!("/meetings/{next}/{step}")))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{step}: {}", r.status());
    }
    let agency = id(app, "SELECT id FROM agencies ORDER BY id LIMIT 1").await;
    let user = id(app, "SELECT id FROM users WHERE email = 'police@demo.test'").await;
    let mut pages: Vec<(&'static str, String)> = [
        "/",
        "/account",
        "/cases",
        "/cases/new",
        "/meetings",
        "/actions",
        "/reports",
        "/agencies",
    ]
    .into_iter()
    .map(|p| ("coordinator@demo.test", p.to_string()))
    .collect();
    for p in [
        format!("/cases/{case}"),
        format!("/cases/{case}/refer"),
        format!("/meetings/{held}"),
        format!("/meetings/{held}/research"),
        format!("/meetings/{held}/attendance"),
        format!("/meetings/{held}/minutes"),
        format!("/meetings/{next}"),
        format!("/meetings/{next}/research"),
        format!("/meetings/{next}/live"),
        format!("/agencies/{agency}"),
    ] {
        pages.push(("coordinator@demo.test", p));
    }
    for p in [
        "/users".to_string(),
        "/users/new".to_string(),
        format!("/users/{user}"),
        "/settings".to_string(),
        "/outbox".to_string(),
        "/audit".to_string(),
        "/agencies/new".to_string(),
    ] {
        pages.push(("admin@demo.test", p));
    }
    for p in ["/", "/cases", "/actions", "/meetings"] {
        pages.push(("police@demo.test", p.to_string()));
    }
    pages
}

async fn read_every_page(app: &TestApp, lang: &str) -> Vec<(String, String)> {
    let mut clients: Vec<(&str, Client)> = Vec::new();
    let mut out = Vec::new();
    for (who, path) in every_page(app).await {
        if !clients.iter().any(|(w, _)| *w == who) {
            let c = app.sign_in_as(who).await;
            app.choose_language(&c, lang).await;
            clients.push((who, c));
        }
        let c = &clients.iter().find(|(w, _)| *w == who).unwrap().1;
        let mut r = c.get(app.url(&path)).send().await.unwrap();
        if let Some(meeting) = path.strip_suffix("/live") {
            // First the confidentiality statement to acknowledge, then the meeting itself.
            assert_eq!(r.status(), StatusCode::CONFLICT, "{who} {path}");
            out.push((format!("{path} (statement)"), r.text().await.unwrap()));
            let ack = c
                .post(app.api(&format!("{meeting}/acknowledge")))
                .send()
                .await
                .unwrap();
            assert!(ack.status().is_success(), "{}", ack.status());
            r = c.get(app.url(&path)).send().await.unwrap();
        }
        assert_eq!(r.status(), StatusCode::OK, "{who} {path}");
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{lang}\"")),
            "{path} is not in {lang}"
        );
        out.push((path, html));
    }
    let sign_in = app
        .client()
        .get(app.url("/sign-in"))
        .header("accept-language", lang)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    out.push(("/sign-in".into(), sign_in));
    out
}

#[tokio::test]
async fn every_page_in_english_finds_every_message_it_names() {
    let app = TestApp::start().await;
    for (path, html) in read_every_page(&app, "en").await {
        let text = readable_text(&html);
        assert!(!text.contains("Unknown localization"), "{path}: {text}");
        // Romanian letters on an English page mean a message went into the wrong catalogue.
        let text = text.replace("Română", "");
        assert!(
            !text.contains(['ș', 'ț', 'ă', 'î', 'â']),
            "{path} has Romanian text"
        );
    }
}

#[tokio::test]
async fn every_page_in_romanian_finds_every_message_and_reads_no_english_word() {
    let app = TestApp::start_in_language("ro").await;
    let mut left = Vec::new();
    for (path, html) in read_every_page(&app, "ro").await {
        let text = readable_text(&html);
        assert!(!text.contains("Unknown localization"), "{path}");
        let words = english_left(&text);
        if !words.is_empty() {
            left.push(format!("{path}: {words:?}"));
        }
    }
    assert!(
        left.is_empty(),
        "English on Romanian pages:\n{}",
        left.join("\n")
    );
}

#[test]
fn the_english_word_check_sees_english_and_lets_romanian_through() {
    assert_eq!(
        english_left("Salvați <b>Save</b> the case"),
        ["Save", "case", "the"]
    );
    assert!(english_left("Cazuri noi, ședința de azi, acțiuni în termen").is_empty());
    let text = readable_text(r#"<p title="Next item">Ședință</p><script>var the = 1;</script>"#);
    assert_eq!(english_left(&text), ["Next".to_string()]);
}
