//! The database key: 32 random bytes kept as 64 hex digits in the file CONVENE_KEY_FILE.
//! SQLCipher uses it as a raw key (no passphrase stretching: it is already random), and the
//! sealed columns derive their wrapping key from it.

use std::io::Write;
use std::path::Path;

pub struct DbKey([u8; 32]);

/// Never prints the key, so a stray `{:?}` cannot put it in a log.
impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DbKey({})", self.fingerprint())
    }
}

pub(crate) fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

impl DbKey {
    pub fn generate() -> Self {
        use rand_core::RngCore;
        let mut k = [0u8; 32];
        rand_core::OsRng.fill_bytes(&mut k);
        DbKey(k)
    }

    /// The key file's text: 64 hex digits, surrounding white space allowed.
    pub fn parse(text: &str) -> Result<Self, String> {
        from_hex(text.trim())
            .and_then(|v| <[u8; 32]>::try_from(v).ok())
            .map(DbKey)
            .ok_or_else(|| {
                "the key file must hold 64 hexadecimal digits (made by `convene keygen`)".into()
            })
    }

    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    /// The value for `PRAGMA key` / `PRAGMA rekey`: SQLCipher's raw-key form.
    pub fn pragma_value(&self) -> String {
        format!("\"x'{}'\"", self.to_hex())
    }

    /// A key for one purpose, so the file key itself is used only by SQLCipher.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        let hk = hkdf::Hkdf::<sha2::Sha256>::new(Some(b"convene key derivation v1"), &self.0);
        let mut out = [0u8; 32];
        hk.expand(purpose.as_bytes(), &mut out)
            .expect("32 bytes is a valid HKDF-SHA256 length");
        out
    }

    /// Names the key without revealing it (it tells which key a wrapped data key belongs to).
    pub fn fingerprint(&self) -> String {
        to_hex(&self.derive("fingerprint")[..8])
    }

    /// Reads a key file, refusing one that others than its owner may read.
    pub fn read_file(path: &Path) -> Result<Self, String> {
        let shown = path.display();
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("there is no key file {shown} (make one with `convene keygen`)")
            }
            _ => format!("cannot read the key file {shown}: {e}"),
        })?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if meta.permissions().mode() & 0o077 != 0 {
                return Err(format!(
                    "the key file {shown} may be read by others: run `chmod 600 {shown}`"
                ));
            }
        }
        #[cfg(not(unix))]
        let _ = meta;
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the key file {shown}: {e}"))?;
        Self::parse(&text).map_err(|e| format!("{shown}: {e}"))
    }

    /// Writes the key to a new file readable only by its owner; never overwrites one, since
    /// losing a key loses the database encrypted with it.
    pub fn write_new_file(&self, path: &Path) -> Result<(), String> {
        let shown = path.display();
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{shown} already exists: a key is never overwritten")
            }
            _ => format!("cannot create the key file {shown}: {e}"),
        })?;
        file.write_all(format!("{}\n", self.to_hex()).as_bytes())
            .and_then(|_| file.sync_all())
            .map_err(|e| format!("cannot write the key file {shown}: {e}"))?;
        sync_dir(path);
        Ok(())
    }
}

/// Makes a new or renamed file's directory entry durable (best effort where unsupported).
pub(crate) fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_survives_its_hex_form_and_its_pragma_is_the_raw_key_form() {
        let k = DbKey::generate();
        let again = DbKey::parse(&format!("  {}\n", k.to_hex())).unwrap();
        assert_eq!(again.to_hex(), k.to_hex());
        assert_eq!(k.pragma_value(), format!("\"x'{}'\"", k.to_hex()));
        assert_eq!(k.to_hex().len(), 64);
    }

    #[test]
    fn short_or_non_hex_key_files_are_refused() {
        assert!(DbKey::parse("abcd").is_err());
        assert!(DbKey::parse(&"g".repeat(64)).is_err());
        assert!(DbKey::parse("").is_err());
    }

    #[test]
    fn derived_keys_differ_by_purpose_and_the_debug_form_hides_the_key() {
        let k = DbKey::generate();
        assert_ne!(k.derive("a"), k.derive("b"));
        assert!(!format!("{k:?}").contains(&k.to_hex()));
    }

    #[test]
    fn a_key_file_is_private_and_never_overwritten() {
        let dir = tempfile_dir();
        let path = dir.join("convene.key");
        let k = DbKey::generate();
        k.write_new_file(&path).unwrap();
        assert_eq!(DbKey::read_file(&path).unwrap().to_hex(), k.to_hex());
        let e = DbKey::generate().write_new_file(&path).unwrap_err();
        assert!(e.contains("never overwritten"), "{e}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            assert!(DbKey::read_file(&path).unwrap_err().contains("chmod 600"));
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!(
            "convene-key-test-{}",
            DbKey::generate().fingerprint()
        ));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
