//! Sealed columns: secrets that must never be stored in clear even inside the database
//! (TOTP secrets, calendar link tokens). Each is encrypted with XChaCha20-Poly1305 under a
//! random data key; the data key is kept in `data_keys`, wrapped by a key derived from the
//! database key file (or, without a key file, in clear beside them, with a warning at start).
//! Rotating the file key re-wraps the data key only, so sealed values never need rewriting.

use super::key::DbKey;
use super::store;
use crate::db::Conn;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const PREFIX: &str = "sealed1:";
const PLAIN_ID: &str = "plain";
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

#[derive(Clone)]
pub struct Sealer {
    data_key: [u8; 32],
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(..)")
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Unsealable;

pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(PREFIX)
}

fn seal_with(key: &[u8; 32], context: &str, plain: &[u8]) -> String {
    use rand_core::RngCore;
    let mut nonce = [0u8; 24];
    rand_core::OsRng.fill_bytes(&mut nonce);
    let cipher = XChaCha20Poly1305::new(key.into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: context.as_bytes(),
            },
        )
        .expect("encrypting into memory cannot fail");
    let mut out = nonce.to_vec();
    out.extend(sealed);
    format!("{PREFIX}{}", B64.encode(out))
}

fn open_with(key: &[u8; 32], context: &str, stored: &str) -> Result<Vec<u8>, Unsealable> {
    let raw = stored
        .strip_prefix(PREFIX)
        .and_then(|b| B64.decode(b).ok())
        .filter(|r| r.len() > 24)
        .ok_or(Unsealable)?;
    let (nonce, sealed) = raw.split_at(24);
    XChaCha20Poly1305::new(key.into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: context.as_bytes(),
            },
        )
        .map_err(|_| Unsealable)
}

impl Sealer {
    /// `context` names the value's place (column and row), so a sealed value copied into
    /// another row or column does not open.
    pub fn seal(&self, context: &str, plain: &str) -> String {
        seal_with(&self.data_key, context, plain.as_bytes())
    }

    pub fn open(&self, context: &str, stored: &str) -> Result<String, Unsealable> {
        open_with(&self.data_key, context, stored)
            .and_then(|v| String::from_utf8(v).map_err(|_| Unsealable))
    }

    /// For tests of code that seals.
    pub fn random() -> Self {
        Sealer {
            data_key: DbKey::generate().derive("test data key"),
        }
    }

    /// The database's data key, unwrapped with `key` (created on first use).
    pub async fn load(conn: &mut Conn, key: Option<&DbKey>) -> Result<Self, String> {
        let id = wrapping_id(key);
        if let Some(wrapped) = store::data_key(conn, &id).await.map_err(db_error)? {
            return unwrap(key, &wrapped).map(|data_key| Sealer { data_key });
        }
        if store::data_key_count(conn).await.map_err(db_error)? > 0 {
            return Err(
                "the database's sealed secrets were not wrapped for this key (see docs/encryption.md)"
                    .into(),
            );
        }
        let fresh = Sealer {
            data_key: DbKey::generate().derive("data key"),
        };
        fresh.wrap_for(conn, key).await?;
        Ok(fresh)
    }

    /// Stores the data key wrapped for `key` too (the first step of a key rotation).
    pub async fn wrap_for(&self, conn: &mut Conn, key: Option<&DbKey>) -> Result<(), String> {
        let wrapped = match key {
            Some(k) => seal_with(&k.derive("wrap data key"), "data key", &self.data_key),
            None => super::key::to_hex(&self.data_key),
        };
        store::put_data_key(conn, &wrapping_id(key), &wrapped, crate::time::now())
            .await
            .map_err(db_error)
    }

    /// Forgets every wrapping but the one for `key` (the last step of a key rotation).
    pub async fn keep_only(conn: &mut Conn, key: Option<&DbKey>) -> Result<(), String> {
        store::delete_other_data_keys(conn, &wrapping_id(key))
            .await
            .map_err(db_error)
    }
}

fn wrapping_id(key: Option<&DbKey>) -> String {
    key.map(|k| format!("key:{}", k.fingerprint()))
        .unwrap_or_else(|| PLAIN_ID.into())
}

fn unwrap(key: Option<&DbKey>, wrapped: &str) -> Result<[u8; 32], String> {
    let bytes = match key {
        Some(k) => open_with(&k.derive("wrap data key"), "data key", wrapped).ok(),
        None => super::key::from_hex(wrapped),
    };
    bytes
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| "the database's data key cannot be unwrapped with this key".into())
}

fn db_error(e: sqlx::Error) -> String {
    format!("cannot read the database's data keys: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_in_its_own_place_only() {
        let s = Sealer::random();
        let sealed = s.seal("users.totp_secret:7", "JBSWY3DPEHPK3PXP");
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_eq!(
            s.open("users.totp_secret:7", &sealed).unwrap(),
            "JBSWY3DPEHPK3PXP"
        );
        assert_eq!(s.open("users.totp_secret:8", &sealed), Err(Unsealable));
        assert_eq!(
            Sealer::random().open("users.totp_secret:7", &sealed),
            Err(Unsealable)
        );
    }

    #[test]
    fn sealing_twice_gives_different_text_and_tampering_is_detected() {
        let s = Sealer::random();
        let a = s.seal("c", "same");
        assert_ne!(a, s.seal("c", "same"));
        let mut t = a.clone().into_bytes();
        let last = t.len() - 1;
        t[last] = if t[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(s.open("c", &String::from_utf8(t).unwrap()), Err(Unsealable));
        assert_eq!(s.open("c", "JBSWY3DPEHPK3PXP"), Err(Unsealable));
    }

    #[test]
    fn a_data_key_wrapped_for_a_file_key_unwraps_only_with_it() {
        let k = DbKey::generate();
        let s = Sealer::random();
        let wrapped = seal_with(&k.derive("wrap data key"), "data key", &s.data_key);
        assert_eq!(unwrap(Some(&k), &wrapped).unwrap(), s.data_key);
        assert!(unwrap(Some(&DbKey::generate()), &wrapped).is_err());
    }
}
