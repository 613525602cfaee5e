//! iCalendar (RFC 5545) for meetings: the one-meeting file and each person's feed.
//! Only when and where: never a case, a name of a victim or an agenda item.

use chrono::{DateTime, Utc};

pub struct IcsEvent {
    /// Stable across changes, so calendar apps update the event instead of duplicating it.
    pub uid: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
    pub cancelled: bool,
    /// Bumped when the meeting changes.
    pub sequence: i64,
}

fn stamp(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .map(|t| t.format("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

/// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets are folded with CRLF and a space, never inside a character.
fn fold(line: &str, out: &mut String) {
    let mut count = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if count + len > 75 {
            out.push_str("\r\n ");
            count = 1;
        }
        out.push(c);
        count += len;
    }
    out.push_str("\r\n");
}

/// What a calendar file asks of the calendar app that reads it (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A feed or a download: the events as they stand.
    Publish,
    /// Sent to those invited: add or update the event (a move).
    Request,
    /// Sent to those invited: the event is called off.
    Cancel,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

pub fn calendar(name: &str, events: &[IcsEvent], now: i64) -> String {
    calendar_with(Method::Publish, name, events, now)
}

pub fn calendar_with(method: Method, name: &str, events: &[IcsEvent], now: i64) -> String {
    let mut out = String::new();
    let mut line = |l: String| fold(&l, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Convene//Meetings//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line(format!("METHOD:{}", method.as_str()));
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", e.uid));
        line(format!("DTSTAMP:{}", stamp(now)));
        line(format!("DTSTART:{}", stamp(e.starts_at)));
        line(format!("DTEND:{}", stamp(e.ends_at)));
        line(format!("SEQUENCE:{}", e.sequence));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(l) = &e.location {
            line(format!("LOCATION:{}", escape(l)));
        }
        if let Some(d) = &e.description {
            line(format!("DESCRIPTION:{}", escape(d)));
        }
        line(format!(
            "STATUS:{}",
            if e.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ));
        line("CLASS:CONFIDENTIAL".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> IcsEvent {
        IcsEvent {
            uid: "meeting-7@convene".into(),
            starts_at: 1_800_000_000,
            ends_at: 1_800_010_800,
            summary: "Intervention group meeting".into(),
            location: Some("Room 4, City Hall; 2nd floor, east wing".into()),
            description: Some("Line one\nLine two".into()),
            cancelled: false,
            sequence: 2,
        }
    }

    #[test]
    fn events_use_utc_times_and_escaped_text_with_crlf_lines() {
        let c = calendar("Convene", &[event()], 1_799_000_000);
        assert!(c.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(c.contains("DTSTART:20270115T080000Z\r\n"), "{c}");
        assert!(c.contains("LOCATION:Room 4\\, City Hall\\; 2nd floor\\, east wing\r\n"));
        assert!(c.contains("DESCRIPTION:Line one\\nLine two\r\n"));
        assert!(c.ends_with("END:VCALENDAR\r\n"));
        assert!(!c.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn long_lines_are_folded_at_75_octets_without_splitting_characters() {
        let mut e = event();
        e.summary =
            "Întâlnirea grupului de intervenție — ședința lunară a echipei interdisciplinare"
                .into();
        let c = calendar("Convene", &[e], 0);
        for l in c.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = c.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:Întâlnirea grupului de intervenție — ședința lunară a echipei interdisciplinare"));
    }
}
