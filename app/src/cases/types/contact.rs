//! Who manages a case, and the victim's contact details: what arrives, parsed.

use super::*;
use crate::i18n::Msg;

pub const CONTACT_MAX: usize = 500;
pub const CONTACT_REASON_MAX: usize = 500;

const PERSON_INVALID: Msg = Msg("contact-person-invalid");
const SAFE_INVALID: Msg = Msg("contact-safe-invalid");
const CATEGORY_REQUIRED: Msg = Msg("contact-reason-category-required");
const REASON_REQUIRED: Msg = Msg("contact-reason-required");
const REASON_TOO_LONG: Msg = Msg("contact-reason-too-long");
const NOTHING_TO_CHANGE: Msg = Msg("contact-nothing-to-change");

/// The case manager and case responsible, both given: an empty or absent one means "nobody".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CasePeopleInput {
    #[serde(default, deserialize_with = "lenient::text")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub case_manager_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub case_responsible_id: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CasePeople {
    pub case_manager_id: Option<UserId>,
    pub case_responsible_id: Option<UserId>,
}

impl CasePeopleInput {
    pub fn parse(&self) -> Result<CasePeople, AppError> {
        let mut p = Problems::new();
        let mut person = |field: &str, raw: &Option<String>| match raw.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => p.take(
                field,
                s.parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map(UserId)
                    .ok_or_else(|| PERSON_INVALID.to_string()),
            ),
        };
        let case_manager_id = person("case_manager_id", &self.case_manager_id);
        let case_responsible_id = person("case_responsible_id", &self.case_responsible_id);
        p.into_result()?;
        Ok(CasePeople {
            case_manager_id,
            case_responsible_id,
        })
    }
}

/// Why the contact details change. Only the category and the length of the explanation are
/// kept in the audit log: the explanation may itself speak of the victim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactReason {
    /// The victim or her advocate gave new details.
    VictimRequest,
    /// An agency learned something new (she moved, the perpetrator found the number).
    NewInformation,
    /// What was recorded was wrong.
    Correction,
    Other,
}

impl ContactReason {
    pub const ALL: [ContactReason; 4] = [
        ContactReason::VictimRequest,
        ContactReason::NewInformation,
        ContactReason::Correction,
        ContactReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactReason::VictimRequest => "victim_request",
            ContactReason::NewInformation => "new_information",
            ContactReason::Correction => "correction",
            ContactReason::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactReason::VictimRequest => Msg("contact-reason-victim-request"),
            ContactReason::NewInformation => Msg("contact-reason-new-information"),
            ContactReason::Correction => Msg("contact-reason-correction"),
            ContactReason::Other => Msg("contact-reason-other"),
        }
        .as_str()
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| CATEGORY_REQUIRED.to_string())
    }
}

/// A change to the victim's contact details, from the case page or `PUT /cases/{id}/contact`.
/// `safe_contact` empty leaves the recorded details as they are; `clear_contact` removes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactInput {
    #[serde(default, deserialize_with = "lenient::text")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<bool>))]
    pub safe_to_contact: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 500))]
    pub safe_contact: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<bool>))]
    pub clear_contact: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = crate::cases::types::ContactReason))]
    pub reason_category: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 500))]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactChange {
    pub safe_to_contact: Option<bool>,
    /// `Some(None)`: remove the recorded details.
    pub safe_contact: Option<Option<String>>,
    pub reason: ContactReason,
    /// In characters; the text itself is not kept.
    pub reason_length: usize,
}

impl ContactInput {
    pub fn parse(&self) -> Result<ContactChange, AppError> {
        let mut p = Problems::new();
        let safe_to_contact = match lenient::parse_bool(&self.safe_to_contact, SAFE_INVALID) {
            Ok(v) => v,
            Err(m) => {
                p.add("safe_to_contact", m);
                None
            }
        };
        let clear = matches!(lenient::parse_bool(&self.clear_contact, ""), Ok(Some(true)));
        let text = limited(
            &mut p,
            "safe_contact",
            trimmed(&self.safe_contact),
            CONTACT_MAX,
        );
        let safe_contact = match (text, clear) {
            (Some(t), _) => Some(Some(t)),
            (None, true) => Some(None),
            (None, false) => None,
        };
        let reason = match self.reason_category.as_deref().map(str::trim) {
            None | Some("") => {
                p.add("reason_category", CATEGORY_REQUIRED);
                None
            }
            Some(s) => p.take("reason_category", ContactReason::parse(s)),
        };
        let why = self
            .reason
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let reason_length = why.chars().count();
        if reason_length == 0 {
            p.add("reason", REASON_REQUIRED);
        } else if reason_length > CONTACT_REASON_MAX {
            p.add("reason", REASON_TOO_LONG);
        }
        if safe_to_contact.is_none() && safe_contact.is_none() {
            p.add("safe_to_contact", NOTHING_TO_CHANGE);
        }
        p.into_result()?;
        Ok(ContactChange {
            safe_to_contact,
            safe_contact,
            reason: reason.expect("checked"),
            reason_length,
        })
    }
}

/// What a change of contact details did: the fields it changed, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactUpdated {
    pub changed: Vec<String>,
    pub not_safe_to_contact: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn people_are_read_by_number_and_an_empty_choice_is_nobody() {
        let p = CasePeopleInput {
            case_manager_id: s(" 12 "),
            case_responsible_id: s(""),
        }
        .parse()
        .unwrap();
        assert_eq!(p.case_manager_id, Some(UserId(12)));
        assert_eq!(p.case_responsible_id, None);
        let e = CasePeopleInput {
            case_manager_id: s("Andrei"),
            case_responsible_id: s("-3"),
        }
        .parse()
        .unwrap_err();
        assert!(e.field("case_manager_id").is_some());
        assert!(e.field("case_responsible_id").is_some());
    }

    fn input(safe: Option<&str>, contact: Option<&str>, cat: Option<&str>) -> ContactInput {
        ContactInput {
            safe_to_contact: safe.map(str::to_string),
            safe_contact: contact.map(str::to_string),
            clear_contact: None,
            reason_category: cat.map(str::to_string),
            reason: s("  she   called the advocate "),
        }
    }

    #[test]
    fn a_contact_change_needs_a_reason_category_and_an_explanation() {
        let c = input(Some("no"), Some(" 0722 000 000 "), Some("new_information"))
            .parse()
            .unwrap();
        assert_eq!(c.safe_to_contact, Some(false));
        assert_eq!(c.safe_contact, Some(Some("0722 000 000".into())));
        assert_eq!(c.reason, ContactReason::NewInformation);
        assert_eq!(c.reason_length, "she called the advocate".len());

        let e = input(Some("no"), None, None).parse().unwrap_err();
        assert!(e.field("reason_category").is_some());
        let mut no_text = input(Some("no"), None, Some("correction"));
        no_text.reason = s("   ");
        assert!(no_text.parse().unwrap_err().field("reason").is_some());
        let e = input(Some("no"), None, Some("because"))
            .parse()
            .unwrap_err();
        assert!(e.field("reason_category").is_some());
    }

    #[test]
    fn empty_details_keep_what_is_recorded_unless_cleared_and_nothing_at_all_is_refused() {
        let c = input(Some("yes"), Some("  "), Some("other"))
            .parse()
            .unwrap();
        assert_eq!(c.safe_contact, None);
        let mut clear = input(None, None, Some("correction"));
        clear.clear_contact = s("on");
        assert_eq!(clear.parse().unwrap().safe_contact, Some(None));
        let e = input(None, None, Some("correction")).parse().unwrap_err();
        assert!(e.field("safe_to_contact").is_some());
        let e = input(Some("maybe"), None, Some("correction"))
            .parse()
            .unwrap_err();
        assert!(e.field("safe_to_contact").is_some());
        let long = "x".repeat(CONTACT_MAX + 1);
        let e = input(None, Some(&long), Some("correction"))
            .parse()
            .unwrap_err();
        assert!(e.field("safe_contact").is_some());
    }
}
