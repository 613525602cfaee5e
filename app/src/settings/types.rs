use serde::{Deserialize, Serialize};

/// The group's settings, with their defaults when never set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            require_totp: false,
            escalation_incidents: 3,
            case_item_minutes: 12,
            research_due_hours: 24,
            carry_over_limit: 2,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
}
