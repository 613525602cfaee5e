//! Meetings and their series on the wire.

use super::text as t;
use crate::cases::types::PersonRef;
use crate::error::{AppError, Problems};
use crate::ids::{MeetingId, SeriesId, UserId};
use crate::lenient;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Draft,
    AgendaPublished,
    InSession,
    Closed,
    MinutesApproved,
    /// Called off with a reason; kept on the calendar (see migration 0016).
    Cancelled,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 6] = [
        MeetingStatus::Draft,
        MeetingStatus::AgendaPublished,
        MeetingStatus::InSession,
        MeetingStatus::Closed,
        MeetingStatus::MinutesApproved,
        MeetingStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Draft => "draft",
            MeetingStatus::AgendaPublished => "agenda_published",
            MeetingStatus::InSession => "in_session",
            MeetingStatus::Closed => "closed",
            MeetingStatus::MinutesApproved => "minutes_approved",
            MeetingStatus::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        crate::i18n::Msg(match self {
            MeetingStatus::Draft => "meeting-status-draft",
            MeetingStatus::AgendaPublished => "meeting-status-published",
            MeetingStatus::InSession => "meeting-status-in-session",
            MeetingStatus::Closed => "meeting-status-closed",
            MeetingStatus::MinutesApproved => "meeting-status-approved",
            MeetingStatus::Cancelled => "schedule-status-cancelled",
        })
        .as_str()
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| t::STATUS_INVALID.to_string())
    }

    /// The agenda is visible to members once published (a cancelled meeting's cases have
    /// moved to the next meeting).
    pub fn published(self) -> bool {
        !matches!(self, MeetingStatus::Draft | MeetingStatus::Cancelled)
    }

    /// The meeting has taken place (its record is being written up or is final).
    pub fn held(self) -> bool {
        matches!(self, MeetingStatus::Closed | MeetingStatus::MinutesApproved)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Meeting {
    pub id: MeetingId,
    pub series_id: Option<SeriesId>,
    pub starts_at: String,
    pub starts_at_unix: i64,
    pub ends_at: String,
    pub ends_at_unix: i64,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub chair: Option<PersonRef>,
    pub status: MeetingStatus,
    pub agenda_published_at: Option<String>,
    /// When research returns are due (the setting, counted back from the start).
    pub research_due_unix: i64,
    /// Why the meeting was cancelled (with status `cancelled`).
    #[serde(default)]
    pub cancel_reason: Option<String>,
    /// The calendar event's version: raised on every move and on cancelling.
    #[serde(default)]
    pub sequence: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Series {
    pub id: SeriesId,
    pub name: String,
    pub every_weeks: u32,
    pub weekday: u32,
    pub start_time: String,
    pub duration_minutes: u32,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub default_chair_id: Option<UserId>,
    /// The last day a meeting may fall on, once the series is ended (YYYY-MM-DD).
    #[serde(default)]
    pub ends_on: Option<String>,
}

/// `YYYY-MM-DDTHH:MM` (or with seconds, or RFC 3339), read as UTC.
pub fn parse_instant(s: &str) -> Result<i64, String> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.timestamp());
    }
    // Without an offset, a time is the group's wall-clock time.
    for f in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return crate::time::local_to_unix(t).ok_or_else(|| t::WHEN_SKIPPED.to_string());
        }
    }
    Err(t::WHEN_INVALID.into())
}

pub(crate) fn optional_text(
    p: &mut Problems,
    field: &str,
    v: &Option<String>,
    max: usize,
) -> Option<String> {
    let v = v.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    if v.chars().count() > max {
        p.add(
            field,
            crate::i18n::Msg("meetings-text-too-long").with(&[("max", max.into())]),
        );
        None
    } else {
        Some(v.to_string())
    }
}

pub(crate) fn video_link(p: &mut Problems, v: &Option<String>) -> Option<String> {
    let v = optional_text(p, "video_link", v, 500)?;
    if v.starts_with("https://") {
        Some(v)
    } else {
        p.add("video_link", t::VIDEO_LINK_INVALID);
        None
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewMeetingInput {
    #[serde(default)]
    pub starts_at: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub duration_minutes: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub video_link: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub chair_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub chair_id: Option<UserId>,
}

impl NewMeetingInput {
    pub fn parse(&self) -> Result<NewMeeting, AppError> {
        let mut p = Problems::new();
        let starts = p.take("starts_at", parse_instant(&self.starts_at));
        let duration =
            match lenient::parse_int(&self.duration_minutes, 15, 600, t::DURATION_INVALID) {
                Ok(d) => d.unwrap_or(180),
                Err(m) => {
                    p.add("duration_minutes", m);
                    0
                }
            };
        let place = optional_text(&mut p, "place", &self.place, 200);
        let video_link = video_link(&mut p, &self.video_link);
        let chair_id = match lenient::parse_int(&self.chair_id, 1, i64::MAX, t::CHAIR_INVALID) {
            Ok(c) => c.map(UserId),
            Err(m) => {
                p.add("chair_id", m);
                None
            }
        };
        p.into_result()?;
        let starts_at = starts.expect("checked");
        Ok(NewMeeting {
            starts_at,
            ends_at: starts_at + duration * 60,
            place,
            video_link,
            chair_id,
        })
    }
}

/// A change to a meeting; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingPatchInput {
    #[serde(default)]
    pub starts_at: Option<String>,
    #[serde(default)]
    pub ends_at: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub video_link: Option<String>,
    #[serde(default, with = "crate::users::types::double_option")]
    pub chair_id: Option<Option<UserId>>,
    /// Moves the meeting on: `in_session` (starts it), `closed` (ends it).
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingPatch {
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub place: Option<Option<String>>,
    pub video_link: Option<Option<String>>,
    pub chair_id: Option<Option<UserId>>,
    pub status: Option<MeetingStatus>,
}

impl MeetingPatchInput {
    pub fn parse(&self) -> Result<MeetingPatch, AppError> {
        let mut p = Problems::new();
        let patch = MeetingPatch {
            starts_at: self
                .starts_at
                .as_deref()
                .and_then(|s| p.take("starts_at", parse_instant(s))),
            ends_at: self
                .ends_at
                .as_deref()
                .and_then(|s| p.take("ends_at", parse_instant(s))),
            place: self
                .place
                .as_ref()
                .map(|_| optional_text(&mut p, "place", &self.place, 200)),
            video_link: self
                .video_link
                .as_ref()
                .map(|_| video_link(&mut p, &self.video_link)),
            chair_id: self.chair_id,
            status: self
                .status
                .as_deref()
                .and_then(|s| p.take("status", MeetingStatus::parse(s))),
        };
        p.into_result()?;
        Ok(patch)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SeriesInput {
    #[serde(default)]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub every_weeks: Option<String>,
    /// The first meeting's date; the weekday of the series follows from it.
    #[serde(default)]
    pub first_date: String,
    /// HH:MM, UTC.
    #[serde(default)]
    pub start_time: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub duration_minutes: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub video_link: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub default_chair_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSeries {
    pub name: String,
    pub every_weeks: u32,
    pub first_date: NaiveDate,
    pub start_time: NaiveTime,
    pub duration_minutes: u32,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub default_chair_id: Option<UserId>,
}

impl SeriesInput {
    pub fn parse(&self) -> Result<NewSeries, AppError> {
        let mut p = Problems::new();
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            p.add("name", t::SERIES_NAME_REQUIRED);
        } else if name.chars().count() > 120 {
            p.add(
                "name",
                crate::i18n::Msg("meetings-text-too-long").with(&[("max", 120i64.into())]),
            );
        }
        let every = lenient::parse_int(&self.every_weeks, 1, 12, t::EVERY_WEEKS_INVALID);
        let every = match every {
            Ok(Some(n)) => n as u32,
            Ok(None) => {
                p.add("every_weeks", t::EVERY_WEEKS_INVALID);
                0
            }
            Err(m) => {
                p.add("every_weeks", m);
                0
            }
        };
        let first = p.take(
            "first_date",
            NaiveDate::parse_from_str(self.first_date.trim(), "%Y-%m-%d")
                .map_err(|_| t::DATE_INVALID.to_string()),
        );
        let time = p.take(
            "start_time",
            NaiveTime::parse_from_str(self.start_time.trim(), "%H:%M")
                .map_err(|_| t::TIME_INVALID.to_string()),
        );
        let duration =
            match lenient::parse_int(&self.duration_minutes, 15, 600, t::DURATION_INVALID) {
                Ok(d) => d.unwrap_or(180) as u32,
                Err(m) => {
                    p.add("duration_minutes", m);
                    0
                }
            };
        let place = optional_text(&mut p, "place", &self.place, 200);
        let video_link = video_link(&mut p, &self.video_link);
        let chair = match lenient::parse_int(&self.default_chair_id, 1, i64::MAX, t::CHAIR_INVALID)
        {
            Ok(c) => c.map(UserId),
            Err(m) => {
                p.add("default_chair_id", m);
                None
            }
        };
        p.into_result()?;
        Ok(NewSeries {
            name,
            every_weeks: every,
            first_date: first.expect("checked"),
            start_time: time.expect("checked"),
            duration_minutes: duration,
            place,
            video_link,
            default_chair_id: chair,
        })
    }
}

impl NewSeries {
    /// The meetings of the series from its first date: (starts_at, ends_at), `n` of them.
    pub fn occurrences(&self, n: usize) -> Vec<(i64, i64)> {
        (0..n)
            .filter_map(|i| {
                let day = self
                    .first_date
                    .checked_add_days(chrono::Days::new(7 * self.every_weeks as u64 * i as u64))?;
                // The same wall-clock time in the group's zone, summer or winter.
                let start = crate::time::local_instant(day.and_time(self.start_time));
                Some((start, start + self.duration_minutes as i64 * 60))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_every_four_weeks_lands_on_the_same_weekday_and_hour() {
        let s = SeriesInput {
            name: "Cluj intervention group".into(),
            every_weeks: Some("4".into()),
            first_date: "2026-12-01".into(),
            start_time: "10:00".into(),
            duration_minutes: Some("180".into()),
            ..Default::default()
        }
        .parse()
        .unwrap();
        let o = s.occurrences(3);
        assert_eq!(o.len(), 3);
        assert_eq!(crate::time::rfc3339(o[0].0), "2026-12-01T10:00:00Z");
        assert_eq!(crate::time::rfc3339(o[1].0), "2026-12-29T10:00:00Z");
        assert_eq!(o[2].1 - o[2].0, 3 * 3600);
    }

    #[test]
    fn bad_series_fields_are_named() {
        let e = SeriesInput {
            every_weeks: Some("0".into()),
            first_date: "soon".into(),
            start_time: "25:00".into(),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        for f in ["name", "every_weeks", "first_date", "start_time"] {
            assert!(e.field(f).is_some(), "{f}");
        }
    }

    #[test]
    fn a_series_keeps_its_local_time_across_both_changes_of_the_clocks() {
        let series = NewSeries {
            name: "Monthly".into(),
            every_weeks: 4,
            first_date: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            start_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            duration_minutes: 120,
            place: None,
            video_link: None,
            default_chair_id: None,
        };
        let starts: Vec<String> = crate::time::in_group("Europe/Bucharest", "ro", || {
            series
                .occurrences(10)
                .into_iter()
                .map(|(start, _)| {
                    chrono::DateTime::from_timestamp(start, 0)
                        .unwrap()
                        .with_timezone(&chrono_tz::Europe::Bucharest)
                        .format("%Y-%m-%d %H:%M %Z")
                        .to_string()
                })
                .collect()
        });
        // 1 March (winter), 29 March (after the last Sunday of March), … 8 November (after
        // the last Sunday of October): always 10:00 in Cluj.
        assert_eq!(starts[0], "2027-03-01 10:00 EET");
        assert_eq!(starts[1], "2027-03-29 10:00 EEST");
        assert_eq!(starts[8], "2027-10-11 10:00 EEST");
        assert_eq!(starts[9], "2027-11-08 10:00 EET");
    }

    #[test]
    fn meeting_times_without_an_offset_are_the_group_s_local_time_and_video_links_must_be_https() {
        assert_eq!(parse_instant("2027-01-15T08:00"), Ok(1_800_000_000));
        assert_eq!(
            parse_instant("2027-01-15T10:00:00+02:00"),
            Ok(1_800_000_000)
        );
        let e = NewMeetingInput {
            starts_at: "x".into(),
            video_link: Some("http://meet".into()),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.field("starts_at").is_some() && e.field("video_link").is_some());
    }
}
