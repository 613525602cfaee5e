//! Who is signed in, and with which role.

use crate::ids::{AgencyId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Chair,
    Coordinator,
    Member,
    Observer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Chair,
        Role::Coordinator,
        Role::Member,
        Role::Observer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Chair => "chair",
            Role::Coordinator => "coordinator",
            Role::Member => "member",
            Role::Observer => "observer",
        }
    }

    pub fn parse(s: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| super::text::ROLE_INVALID.to_string())
    }

    pub fn label(self) -> &'static str {
        crate::i18n::Msg(match self {
            Role::Admin => "role-admin",
            Role::Chair => "role-chair",
            Role::Coordinator => "role-coordinator",
            Role::Member => "role-member",
            Role::Observer => "role-observer",
        })
        .as_str()
    }
}

/// The signed-in user as the browser and API clients see them (`GET /api/v1/me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub agency_id: Option<AgencyId>,
    pub totp_enabled: bool,
    /// The group requires two-factor sign-in and this user has not set it up yet:
    /// until they do, only their own account page is open to them.
    pub must_enrol_totp: bool,
    /// The language chosen on "Your account" (none: this device's or the browser's).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>, example = "ro"))]
    pub language: Option<crate::i18n::Lang>,
}

/// The identity every authorization decision is made for. Built on the server from the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub agency_id: Option<AgencyId>,
    pub totp_enabled: bool,
    pub must_enrol_totp: bool,
    /// The language this person chose on "Your account", if any.
    pub language: Option<crate::i18n::Lang>,
    /// Hash of the session token, so that sign-out and password changes can end this session.
    pub session_id: String,
}

impl Actor {
    pub fn me(&self) -> Me {
        Me {
            id: self.user_id,
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role,
            agency_id: self.agency_id,
            totp_enabled: self.totp_enabled,
            must_enrol_totp: self.must_enrol_totp,
            language: self.language,
        }
    }
}

/// What enrolling in two-factor sign-in shows the user: scan the QR code or type the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TotpEnrolment {
    pub otpauth_uri: String,
    pub secret: String,
    /// An SVG image of the QR code, generated on the server from the URI (no user input in it).
    pub qr_svg: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_from_their_wire_names_only() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
        }
        assert!(Role::parse("superuser").is_err());
        assert!(Role::parse("Admin").is_err());
    }
}
