//! The words of an email, in its recipient's language and the group's time zone. What a
//! message may hold: the kind's sentence (times, counts, agency names), a case's reference, a
//! meeting's date, a link. Never anything from the case itself.

use super::mailer::Outgoing;
use super::store::Waiting;
use super::text;
use crate::i18n::{Lang, Msg, REQUEST_LANG};
use crate::notices::types::NoticeKind;

/// The sentence of a row (as its notice says it) and where it leads.
#[derive(Clone)]
pub struct Line {
    pub reference: Option<String>,
    pub sentence: String,
    pub link: String,
}

/// The parameters a row's words read: the ones it was written with, plus its meeting's start
/// and its action's due day, read now (a meeting moved since says so).
pub fn params(w: &Waiting) -> serde_json::Value {
    let mut p = w
        .params
        .as_deref()
        .and_then(|p| serde_json::from_str::<serde_json::Value>(p).ok())
        .filter(|p| p.is_object())
        .unwrap_or_else(|| serde_json::json!({}));
    let obj = p.as_object_mut().expect("an object");
    if let Some(at) = w.meeting_at {
        obj.entry("meeting").or_insert(at.into());
    }
    if let Some(due) = &w.due_on {
        obj.entry("due").or_insert(due.clone().into());
    }
    p
}

fn path(w: &Waiting) -> String {
    use NoticeKind::*;
    let kind = NoticeKind::parse(&w.kind);
    match (kind, w.case_id, w.meeting_id) {
        (Some(ResearchDue | ResearchReminder), _, Some(m)) => format!("/meetings/{m}/research"),
        (Some(MinutesCirculated | MinutesDeadline | MinutesApproved), _, Some(m)) => {
            format!("/meetings/{m}/minutes")
        }
        (Some(ActionAssigned | ActionDueSoon | ActionDueTomorrow | ActionOverdue), _, _) => {
            "/actions".into()
        }
        (Some(ReferralMatchPending), _, _) => "/cases".into(),
        (Some(AccessAwaitingDecision), _, _) => "/users".into(),
        (_, Some(c), _) => format!("/cases/{c}"),
        (_, None, Some(m)) => format!("/meetings/{m}"),
        _ => "/".into(),
    }
}

pub fn lang_of(w: &Waiting) -> Lang {
    w.language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::group_default)
}

fn line(w: &Waiting, base: &str) -> Line {
    let kind = NoticeKind::parse(&w.kind);
    Line {
        reference: w.reference.clone(),
        sentence: kind
            .map(|k| crate::notices::text::sentence(k, &params(w)))
            .unwrap_or_default(),
        link: format!("{base}{}", path(w)),
    }
}

/// One message, at once.
pub fn single(w: &Waiting, base: &str) -> Outgoing {
    REQUEST_LANG.sync_scope(lang_of(w), || {
        let l = line(w, base);
        let kind = NoticeKind::parse(&w.kind)
            .map(text::kind_label)
            .unwrap_or_default();
        let subject = match &l.reference {
            Some(r) => format!("Convene: {kind} – {r}"),
            None => format!("Convene: {kind}"),
        };
        Outgoing {
            to: w.email.clone(),
            subject,
            plain: plain(std::slice::from_ref(&l), None, base),
            html: html(&[l], None, base),
            calendar: w.calendar.clone(),
        }
    })
}

/// Everything a person's digest holds, as one message.
pub fn digest(rows: &[Waiting], base: &str) -> Option<Outgoing> {
    let first = rows.first()?;
    Some(REQUEST_LANG.sync_scope(lang_of(first), || {
        let lines: Vec<Line> = rows.iter().map(|w| line(w, base)).collect();
        let intro = text::DIGEST_INTRO.text();
        Outgoing {
            to: first.email.clone(),
            subject: text::DIGEST_SUBJECT.with(&[("count", (rows.len() as i64).into())]),
            plain: plain(&lines, Some(&intro), base),
            html: html(&lines, Some(&intro), base),
            // A digest carries no calendar: moved and cancelled meetings go at once.
            calendar: None,
        }
    }))
}

fn case_line(r: &str) -> String {
    text::MAIL_CASE.with(&[("reference", r.to_string().into())])
}

fn plain(lines: &[Line], intro: Option<&str>, base: &str) -> String {
    let mut out = format!("{}\n\n", text::MAIL_HELLO.text());
    if let Some(i) = intro {
        out.push_str(&format!("{i}\n\n"));
    }
    for l in lines {
        if let Some(r) = &l.reference {
            out.push_str(&format!("{}\n", case_line(r)));
        }
        out.push_str(&format!(
            "{}\n{} {}\n\n",
            l.sentence,
            Msg::text(text::MAIL_OPEN),
            l.link
        ));
    }
    out.push_str(&format!(
        "-- \n{}\n{} {base}/account\n",
        text::MAIL_NO_DETAILS.text(),
        text::MAIL_WHY.text()
    ));
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html(lines: &[Line], intro: Option<&str>, base: &str) -> String {
    let mut out = format!(
        "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>{}</p>",
        esc(&text::MAIL_HELLO.text())
    );
    if let Some(i) = intro {
        out.push_str(&format!("<p>{}</p>", esc(i)));
    }
    out.push_str("<ul>");
    for l in lines {
        out.push_str("<li><p>");
        if let Some(r) = &l.reference {
            out.push_str(&format!("<strong>{}</strong><br>", esc(&case_line(r))));
        }
        out.push_str(&format!(
            "{}<br><a href=\"{}\">{}</a></p></li>",
            esc(&l.sentence),
            esc(&l.link),
            esc(&text::MAIL_OPEN.text())
        ));
    }
    out.push_str(&format!(
        "</ul><hr><p style=\"color:#555\">{}<br>{} <a href=\"{base}/account\">{base}/account</a></p></body></html>",
        esc(&text::MAIL_NO_DETAILS.text()),
        esc(&text::MAIL_WHY.text()),
        base = esc(base)
    ));
    out
}
