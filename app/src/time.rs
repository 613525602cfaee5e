//! Time as Convene stores it (UTC unix seconds) and as people read it: in the group's time
//! zone, written the way the reader's language writes dates.

use crate::i18n::Msg;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::sync::RwLock;

/// The group's time zone (an IANA name among those compiled in).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Zone(pub Tz);

static GROUP_ZONE: RwLock<Option<Tz>> = RwLock::new(None);

impl Zone {
    /// The zone of this name, if Convene was built with it.
    pub fn parse(name: &str) -> Option<Zone> {
        name.trim().parse::<Tz>().ok().map(Zone)
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The zone everything is shown in: the page's (context), else the group's.
    pub fn current() -> Zone {
        leptos::prelude::use_context::<Zone>().unwrap_or_else(Zone::group)
    }

    pub fn group() -> Zone {
        let z = *GROUP_ZONE.read().unwrap_or_else(|p| p.into_inner());
        Zone(z.unwrap_or(chrono_tz::Europe::London))
    }

    /// Set when the server starts and whenever the group's settings change.
    pub fn set_group(z: Zone) {
        *GROUP_ZONE.write().unwrap_or_else(|p| p.into_inner()) = Some(z.0);
    }

    /// The zone the server named in `<html data-time-zone>`, for the browser.
    #[cfg(feature = "hydrate")]
    pub fn of_document() -> Zone {
        crate::i18n::html_attribute("data-time-zone")
            .and_then(|z| Zone::parse(&z))
            .unwrap_or_else(Zone::group)
    }

    /// Every zone compiled in, by name (for the settings page).
    pub fn all() -> impl Iterator<Item = &'static str> {
        chrono_tz::TZ_VARIANTS.iter().map(|t| t.name())
    }
}

/// The instant of a wall-clock time in the group's zone. In the hour that repeats when summer
/// time ends, the first of the two; a time that does not exist (the hour skipped when it
/// starts) is `None`.
pub fn local_to_unix(t: chrono::NaiveDateTime) -> Option<i64> {
    use chrono::offset::LocalResult;
    match t.and_local_timezone(Zone::current().0) {
        LocalResult::Single(l) => Some(l.timestamp()),
        LocalResult::Ambiguous(first, _) => Some(first.timestamp()),
        LocalResult::None => None,
    }
}

/// As `local_to_unix`, but a time the clocks skip becomes the one an hour later (where a
/// planned time or a day's start has to land somewhere).
pub fn local_instant(t: chrono::NaiveDateTime) -> i64 {
    local_to_unix(t)
        .or_else(|| local_to_unix(t + chrono::Duration::hours(1)))
        .unwrap_or_else(|| t.and_utc().timestamp())
}

/// The first second of a local day in the group's zone.
pub fn local_day_start(d: chrono::NaiveDate) -> i64 {
    local_instant(d.and_time(chrono::NaiveTime::MIN))
}

/// Today in the group's zone (deadlines and "overdue" count local days).
pub fn local_today() -> chrono::NaiveDate {
    Utc::now().with_timezone(&Zone::current().0).date_naive()
}

/// "22 Dec 2026, 11:00 EET" (English) or "22.12.2026, 11:00 EET" (Romanian): the group's local
/// time with its zone's abbreviation, in the reader's language's format.
pub fn format_local(secs: i64) -> String {
    let Some(t) = DateTime::<Utc>::from_timestamp(secs, 0) else {
        return String::new();
    };
    let local = t.with_timezone(&Zone::current().0);
    local.format(Msg("time-date-time").as_str()).to_string()
}

/// "22 Dec 2026" (English) or "22.12.2026" (Romanian): a calendar day (a due date, the day of a
/// referral), in the reader's language's format.
pub fn format_day(day: chrono::NaiveDate) -> String {
    day.format(Msg("time-date").as_str()).to_string()
}

pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// The clock of what happens because time passes (reminders, the digest, retries): the
/// system's, moved on only by tests that need "seven days later" without waiting.
#[derive(Debug, Default)]
pub struct Clock {
    shift: std::sync::atomic::AtomicI64,
}

impl Clock {
    pub fn now(&self) -> i64 {
        now() + self.shift.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Moves the clock on by `secs` (tests).
    pub fn advance(&self, secs: i64) {
        self.shift
            .fetch_add(secs, std::sync::atomic::Ordering::Relaxed);
    }

    /// The local day at `secs`, in the group's zone.
    pub fn local_day(secs: i64) -> chrono::NaiveDate {
        DateTime::<Utc>::from_timestamp(secs, 0)
            .unwrap_or_default()
            .with_timezone(&Zone::group().0)
            .date_naive()
    }
}

/// RFC 3339, as the JSON API writes timestamps.
pub fn rfc3339(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// Unix seconds of an RFC 3339 timestamp (0 when it cannot be read).
pub fn parse_rfc3339(rfc3339: &str) -> i64 {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.timestamp())
        .unwrap_or(0)
}

/// Runs `f` as a page of a group in `zone`, read in `lang` (for tests across the crate).
#[cfg(test)]
pub fn in_group<T>(zone: &str, lang: &str, f: impl FnOnce() -> T) -> T {
    let owner = leptos::prelude::Owner::new();
    owner.with(|| {
        leptos::prelude::provide_context(Zone::parse(zone).unwrap());
        leptos::prelude::provide_context(crate::i18n::Lang::parse(lang).unwrap());
        f()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_zone(name: &str, lang: &str, secs: i64) -> String {
        in_group(name, lang, || format_local(secs))
    }

    #[test]
    fn a_day_reads_in_the_reader_s_format() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(
            in_group("Europe/Bucharest", "ro", || format_day(day)),
            "02.12.2026"
        );
        assert_eq!(
            in_group("Europe/London", "en", || format_day(day)),
            "2 Dec 2026"
        );
    }

    #[test]
    fn a_time_reads_in_the_group_s_zone_across_summer_time_in_the_reader_s_format() {
        // 22 Dec 2026 09:00 UTC: 11:00 in Cluj (EET, UTC+2), 09:00 in London.
        let winter = 1_797_930_000;
        assert_eq!(
            in_zone("Europe/Bucharest", "ro", winter),
            "22.12.2026, 11:00 EET"
        );
        assert_eq!(
            in_zone("Europe/London", "en", winter),
            "22 Dec 2026, 09:00 GMT"
        );
        // 22 Jun 2027 09:00 UTC: 12:00 in Cluj (EEST, UTC+3).
        let summer = 1_813_654_800;
        assert_eq!(
            in_zone("Europe/Bucharest", "ro", summer),
            "22.06.2027, 12:00 EEST"
        );
        assert_eq!(
            in_zone("Europe/London", "en", summer),
            "22 Jun 2027, 10:00 BST"
        );
    }

    fn at_in(zone: &str, t: &str) -> Option<i64> {
        let t = chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M").unwrap();
        in_group(zone, "en", || local_to_unix(t))
    }

    #[test]
    fn a_local_time_is_read_in_the_group_s_zone_around_both_clock_changes() {
        // 10:00 in Cluj is 08:00 UTC in winter and 07:00 UTC in summer.
        assert_eq!(
            at_in("Europe/Bucharest", "2027-03-27 10:00"),
            Some(1_806_134_400)
        );
        assert_eq!(
            at_in("Europe/Bucharest", "2027-03-29 10:00"),
            Some(1_806_303_600)
        );
        // 03:30 on the last Sunday of March does not exist in Cluj (03:00 → 04:00).
        assert_eq!(at_in("Europe/Bucharest", "2027-03-28 03:30"), None);
        // 03:30 on the last Sunday of October happens twice: the first (summer time) counts.
        assert_eq!(
            at_in("Europe/Bucharest", "2027-10-31 03:30"),
            Some(1_824_942_600)
        );
    }

    #[test]
    fn only_zones_convene_was_built_with_are_accepted() {
        assert_eq!(
            Zone::parse("Europe/Bucharest").unwrap().name(),
            "Europe/Bucharest"
        );
        assert!(Zone::parse("Mars/Olympus").is_none());
        assert!(Zone::all().any(|z| z == "Europe/London"));
    }

    #[test]
    fn timestamps_read_as_day_month_year_and_utc_time() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    }
}
