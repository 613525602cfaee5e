use serde::{Deserialize, Serialize};

/// The group's settings, with their defaults when never set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub require_totp: bool,
    /// Incidents in the last 12 months from which a referral is "potential escalation".
    pub escalation_incidents: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            require_totp: false,
            escalation_incidents: 3,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPatch {
    #[serde(default)]
    pub require_totp: Option<bool>,
    #[serde(default)]
    pub escalation_incidents: Option<i64>,
}
