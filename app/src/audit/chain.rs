//! The audit log's hash chain: each row's hash is SHA-256 over a canonical encoding of its
//! content and the previous row's hash, so changing, removing or reordering a row breaks every
//! hash after it.
//!
//! The encoding is unambiguous (every field is tagged and length-prefixed, and an absent value
//! differs from an empty one), so no two different rows can encode the same.

use sha2::{Digest, Sha256};

/// The "previous hash" of the very first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const DOMAIN: &[u8] = b"convene-audit-v1";

/// What a row's hash covers: everything stored about it except the hashes themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowContent<'a> {
    pub id: i64,
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub details: Option<&'a str>,
}

fn put_bytes(buf: &mut Vec<u8>, v: Option<&[u8]>) {
    match v {
        None => buf.push(0),
        Some(b) => {
            buf.push(1);
            buf.extend_from_slice(&(b.len() as u64).to_be_bytes());
            buf.extend_from_slice(b);
        }
    }
}

fn put_int(buf: &mut Vec<u8>, v: Option<i64>) {
    match v {
        None => buf.push(0),
        Some(n) => {
            buf.push(2);
            buf.extend_from_slice(&n.to_be_bytes());
        }
    }
}

/// The bytes that are hashed (public for the tests that pin the format).
pub fn encode(prev_hash: &str, row: &RowContent<'_>) -> Vec<u8> {
    let mut buf = Vec::with_capacity(128);
    put_bytes(&mut buf, Some(DOMAIN));
    put_bytes(&mut buf, Some(prev_hash.as_bytes()));
    put_int(&mut buf, Some(row.id));
    put_int(&mut buf, Some(row.at));
    put_int(&mut buf, row.actor_user_id);
    put_bytes(&mut buf, Some(row.action.as_bytes()));
    put_bytes(&mut buf, Some(row.entity.as_bytes()));
    put_bytes(&mut buf, row.entity_id.map(str::as_bytes));
    put_bytes(&mut buf, row.reason.map(str::as_bytes));
    put_bytes(&mut buf, row.details.map(str::as_bytes));
    buf
}

/// Lower-case hex SHA-256 of the row chained to `prev_hash`.
pub fn hash(prev_hash: &str, row: &RowContent<'_>) -> String {
    let digest = Sha256::digest(encode(prev_hash, row));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a stored row does not fit the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The row's prev_hash is not the hash of the row before it (a row was removed, inserted
    /// or reordered, or the one before was rewritten with a new hash).
    Link,
    /// The row's hash is not the hash of its content (the row was changed).
    Content,
    /// The row was never sealed.
    Unsealed,
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Break::Link => "its previous hash is not the hash of the row before it",
            Break::Content => "its hash does not match its content",
            Break::Unsealed => "it has no hash",
        })
    }
}

/// Checks one stored row against the hash the chain expects before it.
pub fn check(
    expected_prev: &str,
    row: &RowContent<'_>,
    prev_hash: Option<&str>,
    stored_hash: Option<&str>,
) -> Result<(), Break> {
    let (Some(prev), Some(stored)) = (prev_hash, stored_hash) else {
        return Err(Break::Unsealed);
    };
    if prev != expected_prev {
        return Err(Break::Link);
    }
    if hash(prev, row) != stored {
        return Err(Break::Content);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> RowContent<'static> {
        RowContent {
            id: 7,
            at: 1_767_225_600,
            actor_user_id: Some(3),
            action: "update",
            entity: "case",
            entity_id: Some("12"),
            reason: None,
            details: Some(r#"{"changed":["status"]}"#),
        }
    }

    #[test]
    fn the_hash_is_hex_sha256_and_stable() {
        let h = hash(GENESIS, &row());
        assert_eq!(h.len(), 64);
        assert!(h
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        assert_eq!(h, hash(GENESIS, &row()));
    }

    #[test]
    fn every_field_and_the_previous_hash_change_the_hash() {
        let base = hash(GENESIS, &row());
        let other_prev = "1".repeat(64);
        assert_ne!(base, hash(&other_prev, &row()));
        let variants = [
            RowContent { id: 8, ..row() },
            RowContent { at: 1, ..row() },
            RowContent {
                actor_user_id: None,
                ..row()
            },
            RowContent {
                action: "read",
                ..row()
            },
            RowContent {
                entity: "user",
                ..row()
            },
            RowContent {
                entity_id: Some("13"),
                ..row()
            },
            RowContent {
                reason: Some("x"),
                ..row()
            },
            RowContent {
                details: None,
                ..row()
            },
        ];
        for v in variants {
            assert_ne!(base, hash(GENESIS, &v), "{v:?}");
        }
    }

    #[test]
    fn an_absent_value_differs_from_an_empty_one_and_fields_cannot_shift() {
        let empty = RowContent {
            reason: Some(""),
            ..row()
        };
        let absent = RowContent {
            reason: None,
            ..row()
        };
        assert_ne!(hash(GENESIS, &empty), hash(GENESIS, &absent));
        // Moving characters from one field to the next must not give the same encoding.
        let a = RowContent {
            action: "ab",
            entity: "c",
            ..row()
        };
        let b = RowContent {
            action: "a",
            entity: "bc",
            ..row()
        };
        assert_ne!(encode(GENESIS, &a), encode(GENESIS, &b));
    }

    #[test]
    fn checking_names_what_does_not_fit() {
        let r = row();
        let h = hash(GENESIS, &r);
        assert_eq!(check(GENESIS, &r, Some(GENESIS), Some(&h)), Ok(()));
        let other = "2".repeat(64);
        assert_eq!(check(&other, &r, Some(GENESIS), Some(&h)), Err(Break::Link));
        let changed = RowContent {
            reason: Some("rewritten"),
            ..row()
        };
        assert_eq!(
            check(GENESIS, &changed, Some(GENESIS), Some(&h)),
            Err(Break::Content)
        );
        assert_eq!(check(GENESIS, &r, None, None), Err(Break::Unsealed));
    }
}
