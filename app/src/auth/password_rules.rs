//! The rules a new password must meet (checked in the browser and on the server alike).

use super::text;

pub const MIN_LEN: usize = 12;
pub const MAX_LEN: usize = 200;

/// A password someone chose, checked against the group's rules.
#[derive(Clone)]
pub struct NewPasswordInput(String);

impl NewPasswordInput {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let n = raw.chars().count();
        if n == 0 {
            Err(text::PASSWORD_REQUIRED.into())
        } else if n < MIN_LEN {
            Err(text::PASSWORD_TOO_SHORT.into())
        } else if n > MAX_LEN {
            Err(text::PASSWORD_TOO_LONG.into())
        } else {
            Ok(Self(raw.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPasswordInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPasswordInput(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_shorter_than_twelve_characters_are_refused() {
        assert_eq!(
            NewPasswordInput::parse("elevenchars").unwrap_err(),
            text::PASSWORD_TOO_SHORT
        );
        assert!(NewPasswordInput::parse("twelve chars").is_ok());
        assert_eq!(
            NewPasswordInput::parse("").unwrap_err(),
            text::PASSWORD_REQUIRED
        );
        assert!(NewPasswordInput::parse(&"x".repeat(201)).is_err());
    }
}
