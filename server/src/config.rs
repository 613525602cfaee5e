//! Configuration from environment variables. A bad value stops start-up with a message that
//! names the variable and what it should look like.

use crate::http::client_addr::TrustedProxies;
use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub addr: SocketAddr,
    /// The address people use to reach Convene, when it differs from `addr` (behind a proxy).
    pub public_url: Option<String>,
    pub demo_password: Option<String>,
    /// Where the built site (wasm, JS, CSS) lives.
    pub site_root: String,
    pub secure_cookies: bool,
    /// Sign-in attempts allowed per client address per minute.
    pub sign_in_per_minute: u32,
    /// Proxies whose `X-Forwarded-For` names the client (none: the peer address is the client).
    pub trusted_proxies: TrustedProxies,
    /// The largest request body the API and server functions read.
    pub max_body_bytes: usize,
    /// The database key (made by `convene keygen`); without one the database is not encrypted.
    pub key_file: Option<std::path::PathBuf>,
    /// The mail server (`CONVENE_SMTP_URL`); without one, the outbox makes notices only.
    pub smtp_url: Option<String>,
    /// The sender of Convene's emails (`CONVENE_MAIL_FROM`).
    pub mail_from: String,
}

pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/convene.db";
pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_MAIL_FROM: &str = "Convene <convene@localhost>";

#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Config {
    /// The database key, read from CONVENE_KEY_FILE when it is set.
    pub fn key(&self) -> Result<Option<convene_app::db::DbKey>, String> {
        self.key_file
            .as_deref()
            .map(|p| {
                convene_app::db::DbKey::read_file(p).map_err(|e| format!("CONVENE_KEY_FILE: {e}"))
            })
            .transpose()
    }

    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Reads the configuration through `get`, so tests need not touch the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };

        let database_url =
            get("CONVENE_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !database_url.starts_with("sqlite:") {
            return Err(ConfigError(format!(
                "CONVENE_DATABASE_URL must be a SQLite URL such as {DEFAULT_DATABASE_URL} (got a value starting {:?})",
                database_url.chars().take(12).collect::<String>()
            )));
        }

        let addr_raw = get("CONVENE_ADDR").unwrap_or_else(|| DEFAULT_ADDR.into());
        let addr: SocketAddr = addr_raw.parse().map_err(|_| {
            ConfigError(format!(
                "CONVENE_ADDR must be an IP address and port such as {DEFAULT_ADDR} (got {addr_raw:?})"
            ))
        })?;

        let public_url = get("CONVENE_PUBLIC_URL");
        if let Some(u) = &public_url {
            let ok = (u.starts_with("https://") || u.starts_with("http://"))
                && !u.trim_end_matches('/').ends_with("://");
            if !ok {
                return Err(ConfigError(format!(
                    "CONVENE_PUBLIC_URL must start with https:// or http:// and name the host, such as https://convene.example.org (got {u:?})"
                )));
            }
        }

        let demo_password = get("CONVENE_DEMO_PASSWORD");
        if let Some(p) = &demo_password {
            if let Err(m) = convene_app::auth::password_rules::NewPasswordInput::parse(p) {
                return Err(ConfigError(format!("CONVENE_DEMO_PASSWORD: {m}")));
            }
        }

        let sign_in_per_minute = match get("CONVENE_SIGN_IN_PER_MINUTE") {
            None => 30,
            Some(v) => v.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                ConfigError(format!(
                    "CONVENE_SIGN_IN_PER_MINUTE must be a whole number above 0 (got {v:?})"
                ))
            })?,
        };

        let trusted_proxies = match get("CONVENE_TRUSTED_PROXIES") {
            None => TrustedProxies::default(),
            Some(v) => TrustedProxies::parse(&v).map_err(|bad| {
                ConfigError(format!(
                    "CONVENE_TRUSTED_PROXIES must list IP addresses or networks separated by commas, such as 10.0.0.5, 10.1.0.0/16 (got {bad:?})"
                ))
            })?,
        };

        let max_body_bytes = match get("CONVENE_MAX_BODY_BYTES") {
            None => DEFAULT_MAX_BODY_BYTES,
            Some(v) => v.parse::<usize>().ok().filter(|n| *n >= 1024).ok_or_else(|| {
                ConfigError(format!(
                    "CONVENE_MAX_BODY_BYTES must be a whole number of bytes, at least 1024 (got {v:?})"
                ))
            })?,
        };

        let smtp_url = get("CONVENE_SMTP_URL");
        if let Some(u) = &smtp_url {
            if !(u.starts_with("smtp://") || u.starts_with("smtps://")) {
                return Err(ConfigError(format!(
                    "CONVENE_SMTP_URL must start with smtp:// or smtps://, such as smtp://mail.example.org:587?tls=required (got a value starting {:?})",
                    u.split("://").next().unwrap_or_default()
                )));
            }
        }
        let mail_from = get("CONVENE_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.into());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError(format!(
                "CONVENE_MAIL_FROM must be an email address, such as Convene <convene@example.org> (got {mail_from:?})"
            )));
        }

        // Cookies are `Secure` except in local development: plain http on a loopback address.
        let secure_cookies = match &public_url {
            Some(u) => u.starts_with("https://"),
            None => !addr.ip().is_loopback(),
        };

        Ok(Config {
            database_url,
            addr,
            public_url: public_url.map(|u| u.trim_end_matches('/').to_string()),
            demo_password,
            site_root: get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            secure_cookies,
            sign_in_per_minute,
            trusted_proxies,
            max_body_bytes,
            key_file: get("CONVENE_KEY_FILE").map(Into::into),
            smtp_url,
            mail_from,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_a_local_sqlite_file_on_port_3000_without_secure_cookies() {
        let c = with(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.addr.to_string(), "127.0.0.1:3000");
        assert!(!c.secure_cookies);
        assert_eq!(c.key_file, None);
    }

    #[test]
    fn a_missing_key_file_is_named_with_its_variable_and_how_to_make_one() {
        let c = with(&[("CONVENE_KEY_FILE", "/nonexistent/convene.key")]).unwrap();
        let e = c.key().unwrap_err();
        assert!(
            e.starts_with("CONVENE_KEY_FILE") && e.contains("convene keygen"),
            "{e}"
        );
        assert!(with(&[]).unwrap().key().unwrap().is_none());
    }

    #[test]
    fn a_bad_address_names_the_variable() {
        let e = with(&[("CONVENE_ADDR", "localhost")]).unwrap_err();
        assert!(e.0.starts_with("CONVENE_ADDR"), "{e}");
    }

    #[test]
    fn a_non_sqlite_database_url_is_refused() {
        let e = with(&[("CONVENE_DATABASE_URL", "postgres://x")]).unwrap_err();
        assert!(e.0.starts_with("CONVENE_DATABASE_URL"), "{e}");
    }

    #[test]
    fn a_short_demo_password_is_refused() {
        let e = with(&[("CONVENE_DEMO_PASSWORD", "short")]).unwrap_err();
        assert!(e.0.starts_with("CONVENE_DEMO_PASSWORD"), "{e}");
    }

    #[test]
    fn cookies_are_secure_behind_https_or_on_a_public_address() {
        assert!(
            with(&[("CONVENE_PUBLIC_URL", "https://convene.example.org/")])
                .unwrap()
                .secure_cookies
        );
        assert!(
            with(&[("CONVENE_ADDR", "0.0.0.0:3000")])
                .unwrap()
                .secure_cookies
        );
        assert!(with(&[("CONVENE_PUBLIC_URL", "ftp://x")]).is_err());
    }

    #[test]
    fn forwarded_addresses_are_believed_only_from_listed_proxies() {
        assert!(with(&[]).unwrap().trusted_proxies.0.is_empty());
        let c = with(&[("CONVENE_TRUSTED_PROXIES", "10.0.0.5, 10.1.0.0/16")]).unwrap();
        assert_eq!(c.trusted_proxies.0.len(), 2);
        let e = with(&[("CONVENE_TRUSTED_PROXIES", "10.0.0.5, proxy")]).unwrap_err();
        assert!(
            e.0.starts_with("CONVENE_TRUSTED_PROXIES") && e.0.contains("proxy"),
            "{e}"
        );
    }

    #[test]
    fn the_body_limit_has_a_default_and_refuses_nonsense() {
        assert_eq!(with(&[]).unwrap().max_body_bytes, DEFAULT_MAX_BODY_BYTES);
        assert!(with(&[("CONVENE_MAX_BODY_BYTES", "12")]).is_err());
        assert_eq!(
            with(&[("CONVENE_MAX_BODY_BYTES", "4096")])
                .unwrap()
                .max_body_bytes,
            4096
        );
    }
}
