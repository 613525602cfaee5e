//! Contact details shared by accounts and agencies.

use crate::i18n::Msg;

pub const EMAIL_REQUIRED: Msg = Msg("contact-email-required");
pub const EMAIL_INVALID: Msg = Msg("contact-email-invalid");

/// An email address: trimmed, lower-cased, one `@` with text either side and a dot after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(EMAIL_REQUIRED.into());
        }
        let ok = s.len() <= 254
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && match s.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if ok {
            Ok(Self(s))
        } else {
            Err(EMAIL_INVALID.into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
