use super::access::types::AccessRequest;
use super::text;
use crate::auth::password_rules::NewPasswordInput;
use crate::auth::types::Role;
use crate::error::{AppError, Problems};
use crate::ids::{AgencyId, UserId};
use serde::{Deserialize, Serialize};

// Defined where agencies (which users depend on) can name them too.
pub use crate::agencies::types::Representation;
pub use crate::contact::Email;

/// A user account as administrators see it. Never carries the password hash or 2FA secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserAccount {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub agency_id: Option<AgencyId>,
    pub agency_name: Option<String>,
    pub representation: Representation,
    pub active: bool,
    pub totp_enabled: bool,
    /// A change of this account's access waits for a second person.
    #[serde(default)]
    pub awaiting_confirmation: bool,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedUser {
    pub user: UserAccount,
    /// The generated first password when none was given: shown once, stored only as a hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_password: Option<String>,
    /// For an account that will read cases: the request a second person confirms (the
    /// account stays inactive, and its first password is made, only then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<AccessRequest>,
}

/// An account after a change; `request` holds the part that waits for a second person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UpdatedUser {
    pub user: UserAccount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<AccessRequest>,
}

/// A person's display name: trimmed, inner spaces folded, 1–120 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            Err(text::NAME_REQUIRED.into())
        } else if s.chars().count() > 120 {
            Err(text::NAME_TOO_LONG.into())
        } else {
            Ok(Self(s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The fields of a new account as they arrive from a form or the API.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewUserInput {
    #[cfg_attr(feature = "ssr", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "ssr", schema(max_length = 120))]
    pub name: String,
    #[cfg_attr(feature = "ssr", schema(value_type = crate::auth::types::Role))]
    pub role: String,
    #[serde(default)]
    pub agency_id: Option<AgencyId>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<crate::users::types::Representation>))]
    pub representation: Option<String>,
    /// Optional first password; a random one is generated and shown once when absent.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(min_length = 12, max_length = 200))]
    pub password: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub name: PersonName,
    pub role: Role,
    pub agency_id: Option<AgencyId>,
    pub representation: Representation,
    pub password: Option<NewPasswordInput>,
}

impl NewUserInput {
    pub fn parse(self) -> Result<NewUser, AppError> {
        let mut p = Problems::new();
        let email = p.take("email", Email::parse(&self.email));
        let name = p.take("name", PersonName::parse(&self.name));
        let role = p.take("role", Role::parse(&self.role));
        let representation = p.take(
            "representation",
            Representation::parse(self.representation.as_deref().unwrap_or("none")),
        );
        let password = match self.password.as_deref().filter(|s| !s.is_empty()) {
            Some(raw) => p.take("password", NewPasswordInput::parse(raw)),
            None => None,
        };
        if role == Some(Role::Member) && self.agency_id.is_none() {
            p.add("agency_id", text::AGENCY_REQUIRED_FOR_MEMBER);
        }
        p.into_result()?;
        Ok(NewUser {
            email: email.expect("checked"),
            name: name.expect("checked"),
            role: role.expect("checked"),
            agency_id: self.agency_id,
            representation: representation.expect("checked"),
            password,
        })
    }
}

/// A change to an account; absent fields stay as they are. `agency_id: null` removes the agency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserPatchInput {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 120))]
    pub name: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<crate::auth::types::Role>))]
    pub role: Option<String>,
    #[serde(default, with = "double_option")]
    pub agency_id: Option<Option<AgencyId>>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<crate::users::types::Representation>))]
    pub representation: Option<String>,
    #[serde(default)]
    pub active: Option<bool>,
    /// Set a new password (ends the user's sessions).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(min_length = 12, max_length = 200))]
    pub password: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct UserPatch {
    pub name: Option<PersonName>,
    pub role: Option<Role>,
    pub agency_id: Option<Option<AgencyId>>,
    pub representation: Option<Representation>,
    pub active: Option<bool>,
    pub password: Option<NewPasswordInput>,
}

impl UserPatchInput {
    pub fn parse(self) -> Result<UserPatch, AppError> {
        let mut p = Problems::new();
        let patch = UserPatch {
            name: self
                .name
                .as_deref()
                .and_then(|s| p.take("name", PersonName::parse(s))),
            role: self
                .role
                .as_deref()
                .and_then(|s| p.take("role", Role::parse(s))),
            agency_id: self.agency_id,
            representation: self
                .representation
                .as_deref()
                .and_then(|s| p.take("representation", Representation::parse(s))),
            active: self.active,
            password: self
                .password
                .as_deref()
                .filter(|s| !s.is_empty())
                .and_then(|s| p.take("password", NewPasswordInput::parse(s))),
        };
        p.into_result()?;
        Ok(patch)
    }
}

/// Distinguishes an absent field (keep) from an explicit `null` (clear) in JSON patches.
pub mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Chair@Demo.Test ").unwrap().as_str(),
            "chair@demo.test"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "no-at-sign",
            "a@b",
            "@demo.test",
            "a@@b.test",
            "a b@c.test",
            "a@.test",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_member_without_an_agency_is_refused_with_every_problem_named() {
        let e = NewUserInput {
            email: "x".into(),
            name: " ".into(),
            role: "member".into(),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        for f in ["email", "name", "agency_id"] {
            assert!(e.field(f).is_some(), "{f}");
        }
    }

    #[test]
    fn a_patch_tells_an_absent_agency_from_a_cleared_one() {
        let absent: UserPatchInput = serde_json::from_str(r#"{"active": false}"#).unwrap();
        assert_eq!(absent.agency_id, None);
        let cleared: UserPatchInput = serde_json::from_str(r#"{"agency_id": null}"#).unwrap();
        assert_eq!(cleared.agency_id, Some(None));
        let set: UserPatchInput = serde_json::from_str(r#"{"agency_id": 4}"#).unwrap();
        assert_eq!(set.agency_id, Some(Some(AgencyId(4))));
    }

    #[test]
    fn names_fold_their_spaces() {
        assert_eq!(
            PersonName::parse("  Ana   Pop ").unwrap().as_str(),
            "Ana Pop"
        );
    }
}
