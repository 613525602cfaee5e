//! Which address a request comes from. Behind a reverse proxy every connection comes from the
//! proxy, so the client's own address is read from `X-Forwarded-For` — but only when the
//! connection comes from a proxy named in `CONVENE_TRUSTED_PROXIES`: anyone else could write
//! any address there and pick a fresh one for every guess at a password.

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use convene_app::sfn::ClientIp;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

/// An address or a network (`10.0.0.0/8`, `fd00::/8`, `192.0.2.7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    net: IpAddr,
    bits: u8,
}

impl std::str::FromStr for Cidr {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let (addr, bits) = match s.split_once('/') {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        let net: IpAddr = addr.trim().parse().map_err(|_| ())?;
        let max = if net.is_ipv4() { 32 } else { 128 };
        let bits = match bits {
            None => max,
            Some(b) => b
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|b| *b <= max)
                .ok_or(())?,
        };
        Ok(Cidr {
            net: canonical(net),
            bits,
        })
    }
}

/// `::ffff:10.0.0.1` is `10.0.0.1`: a dual-stack listener reports IPv4 peers that way.
fn canonical(ip: IpAddr) -> IpAddr {
    ip.to_canonical()
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.net, canonical(ip)) {
            (IpAddr::V4(n), IpAddr::V4(a)) => prefix_eq(&n.octets(), &a.octets(), self.bits),
            (IpAddr::V6(n), IpAddr::V6(a)) => prefix_eq(&n.octets(), &a.octets(), self.bits),
            _ => false,
        }
    }
}

fn prefix_eq(a: &[u8], b: &[u8], bits: u8) -> bool {
    let full = (bits / 8) as usize;
    let rest = bits % 8;
    if a[..full] != b[..full] {
        return false;
    }
    rest == 0 || {
        let mask = 0xffu8 << (8 - rest);
        a[full] & mask == b[full] & mask
    }
}

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Vec<Cidr>);

impl TrustedProxies {
    /// Parses a comma- or space-separated list; the error names the entry that is not an
    /// address or network.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<Cidr>().map_err(|_| s.to_string()))
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|c| c.contains(ip))
    }

    /// The client's address: the peer, unless the peer is a trusted proxy; then the nearest
    /// address in `X-Forwarded-For` (read from the right, as each proxy appends the address it
    /// saw) that is not itself a trusted proxy. Entries left of that were written by the client
    /// and prove nothing.
    pub fn client(&self, peer: IpAddr, headers: &axum::http::HeaderMap) -> IpAddr {
        let mut client = canonical(peer);
        if !self.trusts(client) {
            return client;
        }
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        for hop in hops.into_iter().rev() {
            // Garbage from a proxy we trust: stop at the proxy that passed it on.
            let Ok(ip) = hop.parse::<IpAddr>() else {
                break;
            };
            client = canonical(ip);
            if !self.trusts(client) {
                break;
            }
        }
        client
    }
}

pub async fn resolve(
    State(proxies): State<Arc<TrustedProxies>>,
    mut req: Request,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let client = proxies.client(peer, req.headers());
    req.extensions_mut().insert(ClientIp(client));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn xff(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn networks_contain_their_addresses_only() {
        let c: Cidr = "10.1.0.0/16".parse().unwrap();
        assert!(c.contains(ip("10.1.200.3")));
        assert!(!c.contains(ip("10.2.0.1")));
        assert!(c.contains(ip("::ffff:10.1.0.9")));
        let one: Cidr = "192.0.2.7".parse().unwrap();
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6: Cidr = "fd00::/8".parse().unwrap();
        assert!(v6.contains(ip("fd12::1")) && !v6.contains(ip("fe80::1")));
        let odd: Cidr = "10.0.0.0/9".parse().unwrap();
        assert!(odd.contains(ip("10.127.0.1")) && !odd.contains(ip("10.128.0.1")));
        assert!("0.0.0.0/0".parse::<Cidr>().unwrap().contains(ip("8.8.8.8")));
    }

    #[test]
    fn a_list_with_a_bad_entry_names_it() {
        assert_eq!(
            TrustedProxies::parse("10.0.0.1, 10.0.0.0/33").unwrap_err(),
            "10.0.0.0/33"
        );
        assert_eq!(
            TrustedProxies::parse("proxy.local").unwrap_err(),
            "proxy.local"
        );
        assert_eq!(
            TrustedProxies::parse("10.0.0.1 ::1/128").unwrap().0.len(),
            2
        );
    }

    #[test]
    fn without_trusted_proxies_a_forwarded_address_is_ignored() {
        let p = TrustedProxies::default();
        assert_eq!(
            p.client(ip("203.0.113.5"), &xff(&["198.51.100.1"])),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_peer() {
        let p = TrustedProxies::parse("10.0.0.0/8").unwrap();
        assert_eq!(
            p.client(ip("10.0.0.2"), &xff(&["198.51.100.1"])),
            ip("198.51.100.1")
        );
        assert_eq!(
            p.client(ip("203.0.113.5"), &xff(&["198.51.100.1"])),
            ip("203.0.113.5")
        );
        assert_eq!(p.client(ip("10.0.0.2"), &HeaderMap::new()), ip("10.0.0.2"));
    }

    #[test]
    fn what_the_client_wrote_left_of_the_proxies_is_not_believed() {
        let p = TrustedProxies::parse("10.0.0.0/8").unwrap();
        // The client sent "1.2.3.4"; the outer proxy appended the address it saw, then the inner.
        let h = xff(&["1.2.3.4, 198.51.100.1", "10.0.0.9"]);
        assert_eq!(p.client(ip("10.0.0.2"), &h), ip("198.51.100.1"));
        let garbage = xff(&["1.2.3.4, not-an-address, 10.0.0.9"]);
        assert_eq!(p.client(ip("10.0.0.2"), &garbage), ip("10.0.0.9"));
    }
}
