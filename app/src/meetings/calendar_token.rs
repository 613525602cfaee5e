//! Calendar link tokens as stored: the SHA-256 of the token finds its owner, and a sealed copy
//! lets the owner see the link again. The token itself is never stored in clear.

use crate::db::Sealer;
use crate::ids::UserId;
use sha2::{Digest, Sha256};

fn context(user: UserId) -> String {
    format!("users.calendar_token:{user}")
}

pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn seal(sealer: &Sealer, user: UserId, token: &str) -> String {
    sealer.seal(&context(user), token)
}

/// The token again; `None` if the sealed copy does not open (a new link is then made).
pub fn open(sealer: &Sealer, user: UserId, stored: &str) -> Option<String> {
    sealer.open(&context(user), stored).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_forms_do_not_contain_the_token_and_the_sealed_one_opens_for_its_owner() {
        let s = Sealer::random();
        let token = "f00dcafe-secret-token-value";
        let sealed = seal(&s, UserId(3), token);
        assert!(!sealed.contains(token) && !hash(token).contains(token));
        assert_eq!(open(&s, UserId(3), &sealed).as_deref(), Some(token));
        assert_eq!(open(&s, UserId(4), &sealed), None);
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
