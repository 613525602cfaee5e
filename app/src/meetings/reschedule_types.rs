//! Moving and cancelling a meeting, changing or ending a series, on the wire; and the rhythm a
//! series keeps (pure, so the dates can be tested without a database).

use super::types::{optional_text, parse_instant, video_link, Meeting, Series};
use crate::error::{AppError, Problems};
use crate::i18n::Msg;
use crate::ids::MeetingId;
use crate::lenient;
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

pub mod text {
    use crate::i18n::Msg;
    pub const REASON_REQUIRED: Msg = Msg("schedule-reason-required");
    pub const WHEN_PAST: Msg = Msg("schedule-when-past");
    pub const DATE_PAST: Msg = Msg("schedule-date-past");
    pub const WEEKDAY_INVALID: Msg = Msg("schedule-weekday-invalid");
    pub const NOT_NOW: Msg = Msg("schedule-move-not-now");
    pub const CANCELLED: Msg = Msg("schedule-error-cancelled");
    pub const SERIES_ENDED: Msg = Msg("schedule-series-ended");
}

/// The most a reason may say: it travels in the notice to every member.
pub const REASON_MAX: usize = 300;

fn reason(p: &mut Problems, raw: &str) -> String {
    let r = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if r.is_empty() {
        p.add("reason", text::REASON_REQUIRED);
    } else if r.chars().count() > REASON_MAX {
        p.add(
            "reason",
            Msg("schedule-reason-too-long").with(&[("max", (REASON_MAX as i64).into())]),
        );
    }
    r
}

fn date(p: &mut Problems, field: &str, raw: &str, today: NaiveDate) -> Option<NaiveDate> {
    let d = p.take(
        field,
        NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
            .map_err(|_| super::text::DATE_INVALID.to_string()),
    )?;
    if d < today {
        p.add(field, text::DATE_PAST);
        return None;
    }
    Some(d)
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// A meeting to another time (and perhaps another place), with the reason members are told.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MoveInput {
    /// The new start, `YYYY-MM-DDTHH:MM` in the group's time or RFC 3339.
    #[serde(default)]
    pub starts_at: String,
    /// Kept as it was when absent.
    #[serde(default, deserialize_with = "lenient::text")]
    pub duration_minutes: Option<String>,
    /// Kept as it was when absent or empty.
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingMove {
    pub starts_at: i64,
    pub duration_secs: Option<i64>,
    pub place: Option<String>,
    pub reason: String,
}

impl MoveInput {
    pub fn parse(&self, now: i64) -> Result<MeetingMove, AppError> {
        let mut p = Problems::new();
        let starts = p.take("starts_at", parse_instant(&self.starts_at));
        if starts.is_some_and(|s| s <= now) {
            p.add("starts_at", text::WHEN_PAST);
        }
        let duration = match lenient::parse_int(
            &self.duration_minutes,
            15,
            600,
            super::text::DURATION_INVALID,
        ) {
            Ok(d) => d.map(|m| m * 60),
            Err(m) => {
                p.add("duration_minutes", m);
                None
            }
        };
        let place = optional_text(&mut p, "place", &self.place, 200);
        let reason = reason(&mut p, &self.reason);
        p.into_result()?;
        Ok(MeetingMove {
            starts_at: starts.expect("checked"),
            duration_secs: duration,
            place,
            reason,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CancelInput {
    #[serde(default)]
    pub reason: String,
}

impl CancelInput {
    pub fn parse(&self) -> Result<String, AppError> {
        let mut p = Problems::new();
        let r = reason(&mut p, &self.reason);
        p.into_result()?;
        Ok(r)
    }
}

/// What a cancelled meeting left behind: where its cases and open actions went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CancelOutcome {
    pub meeting: Meeting,
    /// The group's next meeting, which took the cases and open actions (none if there is none).
    pub next_meeting: Option<MeetingId>,
    pub items_moved: u64,
    pub actions_moved: u64,
}

/// The series from a date on; absent (or empty) fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SeriesEditInput {
    /// The first day the change applies to (YYYY-MM-DD, today or later).
    #[serde(default)]
    pub from: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub every_weeks: Option<String>,
    /// 1 = Monday … 7 = Sunday.
    #[serde(default, deserialize_with = "lenient::text")]
    pub weekday: Option<String>,
    /// HH:MM in the group's time.
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub duration_minutes: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub video_link: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeriesEdit {
    pub from: NaiveDate,
    pub every_weeks: Option<u32>,
    pub weekday: Option<u32>,
    pub start_time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub place: Option<String>,
    pub video_link: Option<String>,
}

impl SeriesEditInput {
    pub fn parse(&self, today: NaiveDate) -> Result<SeriesEdit, AppError> {
        let mut p = Problems::new();
        let from = date(&mut p, "from", &self.from, today);
        let every = lenient::parse_int(&self.every_weeks, 1, 12, super::text::EVERY_WEEKS_INVALID)
            .map_err(|m| p.add("every_weeks", m))
            .ok()
            .flatten();
        let weekday = lenient::parse_int(&self.weekday, 1, 7, text::WEEKDAY_INVALID)
            .map_err(|m| p.add("weekday", m))
            .ok()
            .flatten();
        let start_time = match self.start_time.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => p.take(
                "start_time",
                NaiveTime::parse_from_str(s, "%H:%M")
                    .map_err(|_| super::text::TIME_INVALID.to_string()),
            ),
        };
        let duration = lenient::parse_int(
            &self.duration_minutes,
            15,
            600,
            super::text::DURATION_INVALID,
        )
        .map_err(|m| p.add("duration_minutes", m))
        .ok()
        .flatten();
        let place = optional_text(&mut p, "place", &self.place, 200);
        let video = if blank(&self.video_link) {
            None
        } else {
            video_link(&mut p, &self.video_link)
        };
        p.into_result()?;
        Ok(SeriesEdit {
            from: from.expect("checked"),
            every_weeks: every.map(|n| n as u32),
            weekday: weekday.map(|n| n as u32),
            start_time,
            duration_minutes: duration.map(|n| n as u32),
            place,
            video_link: video,
        })
    }
}

/// Ends a series: no meeting after `last_day`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SeriesEndInput {
    /// The last day a meeting may fall on (YYYY-MM-DD, today or later).
    #[serde(default)]
    pub last_day: String,
}

impl SeriesEndInput {
    pub fn parse(&self, today: NaiveDate) -> Result<NaiveDate, AppError> {
        let mut p = Problems::new();
        let d = date(&mut p, "last_day", &self.last_day, today);
        p.into_result()?;
        Ok(d.expect("checked"))
    }
}

/// What changing or ending a series did to its meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SeriesChange {
    pub series: Series,
    /// Draft meetings given the new day, time or place.
    pub rescheduled: Vec<Meeting>,
    /// Draft meetings called off (after the end of the series).
    pub cancelled: Vec<Meeting>,
    /// Meetings already published (or held) in the range: left as they are, for the
    /// coordinator to move or cancel one by one.
    pub kept: Vec<Meeting>,
    /// Meetings the series scheduled to keep six ahead.
    pub scheduled: Vec<Meeting>,
}

/// When a series meets: every `every_weeks` weeks on `weekday`, counted from `anchor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rhythm {
    pub every_weeks: u32,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u32,
    pub start_time: NaiveTime,
    pub duration_minutes: u32,
    pub anchor: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl Rhythm {
    /// The first day on or after `d` that falls on the series' weekday.
    pub fn first_on_or_after(&self, d: NaiveDate) -> NaiveDate {
        let have = d.weekday().number_from_monday() as i64;
        let ahead = (self.weekday as i64 - have).rem_euclid(7);
        d + chrono::Duration::days(ahead)
    }

    /// The days of the series on or after `from`, in order, up to its end.
    pub fn days_from(&self, from: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        let first = self.first_on_or_after(self.anchor);
        let step = 7 * self.every_weeks.max(1) as i64;
        let behind = (from - first).num_days();
        let skip = if behind > 0 {
            (behind + step - 1) / step
        } else {
            0
        };
        (skip..)
            .map(move |i| first + chrono::Duration::days(i * step))
            .take_while(move |d| self.ends_on.is_none_or(|e| *d <= e))
    }

    /// (starts_at, ends_at) of the meeting on `day`, at the same wall-clock time all year.
    pub fn occurrence(&self, day: NaiveDate) -> (i64, i64) {
        let start = crate::time::local_instant(day.and_time(self.start_time));
        (start, start + self.duration_minutes as i64 * 60)
    }
}

/// The local day of an instant in the group's zone.
pub fn local_day(secs: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .with_timezone(&crate::time::Zone::current().0)
        .date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_move_needs_a_future_time_and_a_reason_of_at_most_300_characters() {
        let now = parse_instant("2027-01-01T09:00").unwrap();
        let e = MoveInput {
            starts_at: "2026-12-31T10:00".into(),
            reason: "  ".into(),
            ..Default::default()
        }
        .parse(now)
        .unwrap_err();
        assert!(e.field("starts_at").is_some() && e.field("reason").is_some());
        let e = MoveInput {
            starts_at: "2027-02-01T10:00".into(),
            reason: "x".repeat(301),
            ..Default::default()
        }
        .parse(now)
        .unwrap_err();
        assert!(e.field("reason").is_some() && e.field("starts_at").is_none());
        let m = MoveInput {
            starts_at: "2027-02-01T10:00".into(),
            duration_minutes: Some("90".into()),
            place: Some(" Room 2 ".into()),
            reason: " The room   is flooded ".into(),
        }
        .parse(now)
        .unwrap();
        assert_eq!(m.reason, "The room is flooded");
        assert_eq!(m.place.as_deref(), Some("Room 2"));
        assert_eq!(m.duration_secs, Some(5400));
    }

    #[test]
    fn a_cancellation_needs_a_reason() {
        assert!(CancelInput::default()
            .parse()
            .unwrap_err()
            .field("reason")
            .is_some());
        assert_eq!(
            CancelInput {
                reason: "Snow".into()
            }
            .parse()
            .unwrap(),
            "Snow"
        );
    }

    #[test]
    fn a_series_is_changed_or_ended_from_today_on_never_in_the_past() {
        let today = day("2027-03-10");
        let e = SeriesEditInput {
            from: "2027-03-09".into(),
            weekday: Some("8".into()),
            start_time: Some("9".into()),
            ..Default::default()
        }
        .parse(today)
        .unwrap_err();
        for f in ["from", "weekday", "start_time"] {
            assert!(e.field(f).is_some(), "{f}");
        }
        let ok = SeriesEditInput {
            from: "2027-03-10".into(),
            weekday: Some("3".into()),
            start_time: Some("".into()),
            place: Some("".into()),
            ..Default::default()
        }
        .parse(today)
        .unwrap();
        assert_eq!((ok.weekday, ok.start_time, ok.place), (Some(3), None, None));
        assert!(SeriesEndInput {
            last_day: "2027-03-01".into()
        }
        .parse(today)
        .unwrap_err()
        .field("last_day")
        .is_some());
    }

    #[test]
    fn the_rhythm_counts_from_its_anchor_and_stops_at_its_end() {
        let r = Rhythm {
            every_weeks: 2,
            weekday: 2, // Tuesday
            start_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            duration_minutes: 120,
            anchor: day("2027-01-04"), // a Monday: the first meeting is the Tuesday after
            ends_on: Some(day("2027-02-16")),
        };
        let days: Vec<_> = r.days_from(day("2027-01-13")).collect();
        assert_eq!(
            days,
            vec![day("2027-01-19"), day("2027-02-02"), day("2027-02-16")]
        );
        assert_eq!(
            r.days_from(day("2027-01-05")).next(),
            Some(day("2027-01-05"))
        );
        let (s, e) = r.occurrence(day("2027-01-19"));
        assert_eq!(e - s, 7200);
    }
}
