use super::text;
use crate::auth::types::Role;
use crate::contact::Email;
use crate::error::{AppError, Problems};
use crate::ids::{AgencyId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    Police,
    SocialServices,
    ChildProtection,
    Health,
    Justice,
    Probation,
    Education,
    Ngo,
    Other,
}

impl AgencyKind {
    pub const ALL: [AgencyKind; 9] = [
        AgencyKind::Police,
        AgencyKind::SocialServices,
        AgencyKind::ChildProtection,
        AgencyKind::Health,
        AgencyKind::Justice,
        AgencyKind::Probation,
        AgencyKind::Education,
        AgencyKind::Ngo,
        AgencyKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Police => "police",
            AgencyKind::SocialServices => "social_services",
            AgencyKind::ChildProtection => "child_protection",
            AgencyKind::Health => "health",
            AgencyKind::Justice => "justice",
            AgencyKind::Probation => "probation",
            AgencyKind::Education => "education",
            AgencyKind::Ngo => "ngo",
            AgencyKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        crate::i18n::Msg(match self {
            AgencyKind::Police => "agencies-kind-police",
            AgencyKind::SocialServices => "agencies-kind-social-services",
            AgencyKind::ChildProtection => "agencies-kind-child-protection",
            AgencyKind::Health => "agencies-kind-health",
            AgencyKind::Justice => "agencies-kind-justice",
            AgencyKind::Probation => "agencies-kind-probation",
            AgencyKind::Education => "agencies-kind-education",
            AgencyKind::Ngo => "agencies-kind-ngo",
            AgencyKind::Other => "agencies-kind-other",
        })
        .as_str()
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| text::KIND_INVALID.to_string())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgencyMember {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub representation: Representation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Agency {
    pub id: AgencyId,
    pub name: String,
    pub kind: AgencyKind,
    pub active: bool,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    /// Children's services only: attends only the children's cases and leaves the live meeting
    /// at the chair's cut-off.
    pub children_only: bool,
    /// Active people who belong to the agency, regular representatives first.
    pub members: Vec<AgencyMember>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyName(String);

impl AgencyName {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        match s.chars().count() {
            0 => Err(text::NAME_REQUIRED.into()),
            1 => Err(text::NAME_TOO_SHORT.into()),
            n if n > 120 => Err(text::NAME_TOO_LONG.into()),
            _ => Ok(Self(s)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Optional contact details: blank means none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

fn blank_to_none(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

fn parse_phone(s: &str) -> Result<String, String> {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    let allowed = s
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " ()-./".contains(c) || (c == '+' && i == 0));
    if allowed && (5..=20).contains(&digits) {
        Ok(s.to_string())
    } else {
        Err(text::PHONE_INVALID.into())
    }
}

/// A yes/no field. It arrives as any JSON value so that a wrong one is reported on its field.
fn parse_flag(v: &serde_json::Value) -> Result<bool, String> {
    v.as_bool()
        .ok_or_else(|| text::CHILDREN_ONLY_INVALID.into())
}

fn parse_contact_name(s: &str) -> Result<String, String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 120 {
        Err(text::CONTACT_NAME_TOO_LONG.into())
    } else {
        Ok(s)
    }
}

/// Agency fields as they arrive from a form or the API.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewAgencyInput {
    #[cfg_attr(feature = "ssr", schema(min_length = 2, max_length = 120))]
    pub name: String,
    #[cfg_attr(feature = "ssr", schema(value_type = crate::agencies::types::AgencyKind))]
    pub kind: String,
    #[serde(default)]
    pub contact_name: Option<String>,
    #[serde(default)]
    pub contact_email: Option<String>,
    #[serde(default)]
    pub contact_phone: Option<String>,
    /// `true` or `false`; absent means `false`.
    #[serde(default)]
    pub children_only: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgency {
    pub name: AgencyName,
    pub kind: AgencyKind,
    pub contact: Contact,
    pub children_only: bool,
}

impl NewAgencyInput {
    pub fn parse(self) -> Result<NewAgency, AppError> {
        let mut p = Problems::new();
        let name = p.take("name", AgencyName::parse(&self.name));
        let kind = p.take("kind", AgencyKind::parse(&self.kind));
        let contact = Contact {
            name: blank_to_none(self.contact_name.as_deref())
                .and_then(|s| p.take("contact_name", parse_contact_name(s))),
            email: blank_to_none(self.contact_email.as_deref())
                .and_then(|s| p.take("contact_email", Email::parse(s)))
                .map(|e| e.as_str().to_string()),
            phone: blank_to_none(self.contact_phone.as_deref())
                .and_then(|s| p.take("contact_phone", parse_phone(s))),
        };
        let children_only = self
            .children_only
            .as_ref()
            .and_then(|v| p.take("children_only", parse_flag(v)))
            .unwrap_or(false);
        p.into_result()?;
        Ok(NewAgency {
            name: name.expect("checked"),
            kind: kind.expect("checked"),
            contact,
            children_only,
        })
    }
}

/// A change to an agency; absent fields stay, a blank contact field clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgencyPatchInput {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<crate::agencies::types::AgencyKind>))]
    pub kind: Option<String>,
    #[serde(default)]
    pub active: Option<bool>,
    #[serde(default)]
    pub contact_name: Option<String>,
    #[serde(default)]
    pub contact_email: Option<String>,
    #[serde(default)]
    pub contact_phone: Option<String>,
    /// `true` or `false`; absent leaves it as it is.
    #[serde(default)]
    pub children_only: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgencyPatch {
    pub name: Option<AgencyName>,
    pub kind: Option<AgencyKind>,
    pub active: Option<bool>,
    /// `Some(None)` clears the field.
    pub contact_name: Option<Option<String>>,
    pub contact_email: Option<Option<String>>,
    pub contact_phone: Option<Option<String>>,
    pub children_only: Option<bool>,
}

impl AgencyPatchInput {
    pub fn parse(self) -> Result<AgencyPatch, AppError> {
        let mut p = Problems::new();
        let mut optional =
            |field: &str, v: Option<String>, f: &dyn Fn(&str) -> Result<String, String>| {
                v.map(|raw| match blank_to_none(Some(&raw)) {
                    None => None,
                    Some(s) => p.take(field, f(s)),
                })
            };
        let contact_name = optional("contact_name", self.contact_name, &parse_contact_name);
        let contact_email = optional("contact_email", self.contact_email, &|s| {
            Email::parse(s).map(|e| e.as_str().to_string())
        });
        let contact_phone = optional("contact_phone", self.contact_phone, &parse_phone);
        let patch = AgencyPatch {
            name: self
                .name
                .as_deref()
                .and_then(|s| p.take("name", AgencyName::parse(s))),
            kind: self
                .kind
                .as_deref()
                .and_then(|s| p.take("kind", AgencyKind::parse(s))),
            active: self.active,
            contact_name,
            contact_email,
            contact_phone,
            children_only: self
                .children_only
                .as_ref()
                .and_then(|v| p.take("children_only", parse_flag(v))),
        };
        p.into_result()?;
        Ok(patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_agency_needs_a_name_and_a_known_kind() {
        let e = NewAgencyInput {
            name: " ".into(),
            kind: "army".into(),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(
            e.field("name").as_deref(),
            Some(text::NAME_REQUIRED.as_str())
        );
        assert_eq!(
            e.field("kind").as_deref(),
            Some(text::KIND_INVALID.as_str())
        );
    }

    #[test]
    fn blank_contact_fields_mean_none_and_bad_ones_are_named() {
        let a = NewAgencyInput {
            name: "County Police".into(),
            kind: "police".into(),
            contact_email: Some("  ".into()),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(a.contact, Contact::default());
        let e = NewAgencyInput {
            name: "County Police".into(),
            kind: "police".into(),
            contact_email: Some("nope".into()),
            contact_phone: Some("call me".into()),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.field("contact_email").is_some());
        assert!(e.field("contact_phone").is_some());
    }

    #[test]
    fn phone_numbers_accept_the_usual_punctuation() {
        assert!(parse_phone("+40 (264) 123-456").is_ok());
        assert!(parse_phone("12+34567").is_err());
        assert!(parse_phone("123").is_err());
    }

    #[test]
    fn a_patch_with_a_blank_contact_clears_it() {
        let p = AgencyPatchInput {
            contact_phone: Some("".into()),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(p.contact_phone, Some(None));
        assert_eq!(p.contact_email, None);
    }

    #[test]
    fn children_only_is_false_unless_asked_for_and_must_be_true_or_false() {
        let input = |v: Option<serde_json::Value>| NewAgencyInput {
            name: "County Child Protection".into(),
            kind: "child_protection".into(),
            children_only: v,
            ..Default::default()
        };
        assert!(!input(None).parse().unwrap().children_only);
        assert!(input(Some(true.into())).parse().unwrap().children_only);
        assert!(!input(Some(false.into())).parse().unwrap().children_only);
        let e = input(Some("yes".into())).parse().unwrap_err();
        assert_eq!(
            e.field("children_only").as_deref(),
            Some(text::CHILDREN_ONLY_INVALID.as_str())
        );
    }

    #[test]
    fn a_patch_changes_children_only_only_when_it_is_given() {
        let patch = |v: Option<serde_json::Value>| {
            AgencyPatchInput {
                children_only: v,
                ..Default::default()
            }
            .parse()
        };
        assert_eq!(patch(None).unwrap().children_only, None);
        assert_eq!(
            patch(Some(false.into())).unwrap().children_only,
            Some(false)
        );
        assert_eq!(patch(Some(true.into())).unwrap().children_only, Some(true));
        let e = patch(Some(1.into())).unwrap_err();
        assert_eq!(
            e.field("children_only").as_deref(),
            Some(text::CHILDREN_ONLY_INVALID.as_str())
        );
    }

    #[test]
    fn children_only_arrives_from_json_whatever_its_type() {
        let i: AgencyPatchInput = serde_json::from_str(r#"{"children_only": "no"}"#).unwrap();
        assert!(i.parse().unwrap_err().field("children_only").is_some());
        let i: NewAgencyInput =
            serde_json::from_str(r#"{"name": "Schools", "kind": "education"}"#).unwrap();
        assert_eq!(i.children_only, None);
    }
}

/// How a member stands for their agency at meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Representation {
    /// Comes to every meeting for the agency.
    Regular,
    /// Comes when the regular representative cannot.
    Deputy,
    None,
}

impl Representation {
    pub const ALL: [Representation; 3] = [
        Representation::Regular,
        Representation::Deputy,
        Representation::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Representation::Regular => "regular",
            Representation::Deputy => "deputy",
            Representation::None => "none",
        }
    }

    pub fn label(self) -> &'static str {
        crate::i18n::Msg(match self {
            Representation::Regular => "agencies-representation-regular",
            Representation::Deputy => "agencies-representation-deputy",
            Representation::None => "agencies-representation-none",
        })
        .as_str()
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| super::text::REPRESENTATION_INVALID.to_string())
    }
}
