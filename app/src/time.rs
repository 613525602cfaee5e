//! Time as Convene stores it (UTC unix seconds) and as people read it.

use chrono::{DateTime, Utc};

pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// "26 Nov 2026, 14:05 UTC": unambiguous across the agencies' locales.
pub fn format_utc(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .map(|t| t.format("%-d %b %Y, %H:%M UTC").to_string())
        .unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_as_day_month_year_and_utc_time() {
        assert_eq!(format_utc(1_795_000_000), "18 Nov 2026, 11:06 UTC");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    }
}
