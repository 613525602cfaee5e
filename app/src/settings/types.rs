use serde::{Deserialize, Serialize};

/// The group's settings, with their defaults when never set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Settings {
    pub require_totp: bool,
    /// Incidents in the last 12 months from which a referral is "potential escalation".
    pub escalation_incidents: u32,
    /// Time budget of a case item on the agenda, in minutes.
    pub case_item_minutes: u32,
    /// Research returns are due this many hours before the meeting starts.
    pub research_due_hours: u32,
    /// An action carried over more times than this is escalated.
    pub carry_over_limit: u32,
    /// A closed case's personal data is erased this many months after it was closed.
    pub retention_case_months: u32,
    /// Audit rows are removed this many months after they were written.
    pub retention_audit_months: u32,
    /// The language of people who chose none and whose browser asks for none Convene has.
    #[serde(default = "default_language")]
    pub default_language: String,
    /// Every date and time is entered and shown in this IANA zone.
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// Adult women living in the group's area (for "cases per 10,000 adult women"); 0 when
    /// not set.
    #[serde(default)]
    pub adult_women: u32,
}

fn default_language() -> String {
    "en".into()
}

fn default_time_zone() -> String {
    "Europe/London".into()
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            require_totp: false,
            escalation_incidents: 3,
            case_item_minutes: 12,
            research_due_hours: 24,
            carry_over_limit: 2,
            retention_case_months: 72,
            retention_audit_months: 84,
            default_language: default_language(),
            time_zone: default_time_zone(),
            adult_women: 0,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SettingsPatch {
    #[serde(default)]
    pub require_totp: Option<bool>,
    #[serde(default)]
    pub escalation_incidents: Option<i64>,
    #[serde(default)]
    pub case_item_minutes: Option<i64>,
    #[serde(default)]
    pub research_due_hours: Option<i64>,
    #[serde(default)]
    pub carry_over_limit: Option<i64>,
    #[serde(default)]
    pub retention_case_months: Option<i64>,
    #[serde(default)]
    pub retention_audit_months: Option<i64>,
    /// A language code of the catalogue (`en`, `ro`).
    #[serde(default)]
    pub default_language: Option<String>,
    /// An IANA time zone name (`Europe/Bucharest`).
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Adult women in the area (0 to clear).
    #[serde(default)]
    pub adult_women: Option<i64>,
}

/// A checked patch: every value given is in its range, and the retention periods fit together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsChange {
    pub require_totp: Option<bool>,
    /// (key, value) of the numbers that change.
    pub numbers: Vec<(&'static str, u32)>,
    /// (key, value) of the named choices that change: the language and the time zone.
    pub names: Vec<(&'static str, String)>,
}

impl SettingsChange {
    /// The names of what changes (for the audit row).
    pub fn changed(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.numbers.iter().map(|(k, _)| *k).collect();
        if self.require_totp.is_some() {
            v.insert(0, "require_totp");
        }
        v.extend(self.names.iter().map(|(k, _)| *k));
        v
    }
}

pub const RETENTION_MONTHS: std::ops::RangeInclusive<i64> = 12..=240;

impl SettingsPatch {
    /// Checks the patch against the settings it changes (the retention periods are compared
    /// with each other as they will be after the change).
    pub fn parse(&self, current: &Settings) -> Result<SettingsChange, crate::error::AppError> {
        use super::text as t;
        let mut p = crate::error::Problems::new();
        let mut numbers = Vec::new();
        for (field, value, range, message) in [
            (
                "escalation_incidents",
                self.escalation_incidents,
                1..=50,
                t::ESCALATION_INVALID,
            ),
            (
                "case_item_minutes",
                self.case_item_minutes,
                1..=120,
                t::CASE_MINUTES_INVALID,
            ),
            (
                "research_due_hours",
                self.research_due_hours,
                0..=336,
                t::RESEARCH_HOURS_INVALID,
            ),
            (
                "carry_over_limit",
                self.carry_over_limit,
                1..=12,
                t::CARRY_OVER_INVALID,
            ),
            (
                "retention_case_months",
                self.retention_case_months,
                RETENTION_MONTHS,
                t::RETENTION_CASE_INVALID,
            ),
            (
                "retention_audit_months",
                self.retention_audit_months,
                RETENTION_MONTHS,
                t::RETENTION_AUDIT_INVALID,
            ),
            (
                "adult_women",
                self.adult_women,
                0..=100_000_000,
                crate::i18n::Msg("figures-setting-adult-women-invalid"),
            ),
        ] {
            match value {
                None => {}
                Some(n) if range.contains(&n) => numbers.push((field, n as u32)),
                Some(_) => p.add(field, message),
            }
        }
        let mut names = Vec::new();
        if let Some(code) = &self.default_language {
            match crate::i18n::Lang::parse(code) {
                Some(l) => names.push(("default_language", l.code())),
                None => p.add("default_language", t::LANGUAGE_INVALID),
            }
        }
        if let Some(zone) = &self.time_zone {
            match crate::time::Zone::parse(zone) {
                Some(z) => names.push(("time_zone", z.name().to_string())),
                None => p.add("time_zone", t::TIME_ZONE_INVALID),
            }
        }
        if p.is_empty() {
            let cases = self
                .retention_case_months
                .unwrap_or(current.retention_case_months.into());
            let audit = self
                .retention_audit_months
                .unwrap_or(current.retention_audit_months.into());
            if audit < cases {
                // Name the field that was changed; if both were, the audit one.
                let field = if self.retention_audit_months.is_some() {
                    "retention_audit_months"
                } else {
                    "retention_case_months"
                };
                p.add(field, t::RETENTION_AUDIT_SHORTER);
            }
        }
        p.into_result()?;
        Ok(SettingsChange {
            require_totp: self.require_totp,
            numbers,
            names,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_defaults_are_six_years_for_cases_and_seven_for_the_audit_log() {
        let s = Settings::default();
        assert_eq!(
            (s.retention_case_months, s.retention_audit_months),
            (72, 84)
        );
    }

    #[test]
    fn values_in_range_are_kept_and_named() {
        let c = SettingsPatch {
            require_totp: Some(true),
            escalation_incidents: Some(4),
            retention_case_months: Some(60),
            retention_audit_months: Some(60),
            ..Default::default()
        }
        .parse(&Settings::default())
        .unwrap();
        assert_eq!(c.require_totp, Some(true));
        assert_eq!(
            c.numbers,
            vec![
                ("escalation_incidents", 4),
                ("retention_case_months", 60),
                ("retention_audit_months", 60)
            ]
        );
        assert_eq!(
            c.changed(),
            vec![
                "require_totp",
                "escalation_incidents",
                "retention_case_months",
                "retention_audit_months"
            ]
        );
    }

    #[test]
    fn a_language_and_a_time_zone_must_be_ones_convene_has() {
        let c = SettingsPatch {
            default_language: Some("ro-RO".into()),
            time_zone: Some(" Europe/Bucharest ".into()),
            ..Default::default()
        }
        .parse(&Settings::default())
        .unwrap();
        assert_eq!(
            c.names,
            vec![
                ("default_language", "ro".to_string()),
                ("time_zone", "Europe/Bucharest".to_string())
            ]
        );
        let e = SettingsPatch {
            default_language: Some("klingon".into()),
            time_zone: Some("Europe/Atlantis".into()),
            ..Default::default()
        }
        .parse(&Settings::default())
        .unwrap_err();
        let fields = e.fields().unwrap();
        assert!(fields.contains_key("default_language"));
        assert!(fields.contains_key("time_zone"));
    }

    #[test]
    fn retention_periods_out_of_range_name_their_field() {
        for bad in [0, 11, 241, -5] {
            let e = SettingsPatch {
                retention_case_months: Some(bad),
                retention_audit_months: Some(bad),
                ..Default::default()
            }
            .parse(&Settings::default())
            .unwrap_err();
            assert_eq!(
                e.field("retention_case_months").as_deref(),
                Some(super::super::text::RETENTION_CASE_INVALID.as_str())
            );
            assert_eq!(
                e.field("retention_audit_months").as_deref(),
                Some(super::super::text::RETENTION_AUDIT_INVALID.as_str())
            );
        }
    }

    #[test]
    fn audit_rows_cannot_be_kept_shorter_than_closed_cases() {
        let current = Settings::default(); // 72 / 84
        let e = SettingsPatch {
            retention_audit_months: Some(60),
            ..Default::default()
        }
        .parse(&current)
        .unwrap_err();
        assert!(e.field("retention_audit_months").is_some());
        let e = SettingsPatch {
            retention_case_months: Some(96),
            ..Default::default()
        }
        .parse(&current)
        .unwrap_err();
        assert!(e.field("retention_case_months").is_some());
        assert!(SettingsPatch {
            retention_case_months: Some(96),
            retention_audit_months: Some(120),
            ..Default::default()
        }
        .parse(&current)
        .is_ok());
    }

    #[test]
    fn the_other_numbers_keep_their_ranges() {
        let e = SettingsPatch {
            escalation_incidents: Some(0),
            case_item_minutes: Some(121),
            research_due_hours: Some(-1),
            carry_over_limit: Some(13),
            ..Default::default()
        }
        .parse(&Settings::default())
        .unwrap_err();
        for f in [
            "escalation_incidents",
            "case_item_minutes",
            "research_due_hours",
            "carry_over_limit",
        ] {
            assert!(e.field(f).is_some(), "{f}");
        }
    }
}
