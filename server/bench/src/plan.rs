//! The layout of a phase's sockets: who sits in which seat of which meeting, and the pace of
//! the changes.

use crate::Args;
use std::time::Duration;

#[derive(Debug, Clone, Copy)]
pub enum Role {
    /// Moves the agenda and starts and pauses timers.
    Chair,
    /// Adds contributions on this item.
    Contributor {
        item: i64,
    },
    Listener,
}

impl Role {
    /// Seat 0 chairs, seat 1 is the coordinator contributing on a case item, the next
    /// `contributors - 1` seats contribute on "any other business", the rest listen.
    pub fn for_index(i: usize, contributors: usize, case_item: i64, aob_item: i64) -> Role {
        match i {
            0 => Role::Chair,
            1 if contributors >= 1 => Role::Contributor { item: case_item },
            n if n <= contributors => Role::Contributor { item: aob_item },
            _ => Role::Listener,
        }
    }
}

pub struct SocketPlan {
    pub url: String,
    pub origin: String,
    /// The session token, for the `Cookie` header.
    pub cookie: Option<String>,
    pub role: Role,
}

pub struct MeetingPlan {
    pub sockets: Vec<SocketPlan>,
    /// The meeting's number on the server (in its commit log).
    pub server_id: i64,
    /// The agenda's items in order; the first is current when the traffic starts.
    pub items: Vec<i64>,
}

pub struct Plan {
    pub meetings: Vec<MeetingPlan>,
    pub changes: usize,
    pub rate: f64,
    pub body_bytes: usize,
    pub connect_concurrency: usize,
    /// The senders' sockets have a runtime of their own (see `run`).
    pub senders_apart: bool,
    /// Where the disk probe writes (the live database's folder).
    pub probe_dir: Option<std::path::PathBuf>,
    /// With `--stall-ms`: the live database, and how long to hold its write lock halfway
    /// through the traffic.
    pub stall: Option<(std::path::PathBuf, Duration)>,
}

impl Plan {
    pub fn new(args: &Args, meetings: Vec<MeetingPlan>) -> Plan {
        Plan {
            meetings,
            changes: args.changes,
            rate: args.rate,
            body_bytes: args.body_bytes,
            connect_concurrency: args.connect_concurrency,
            senders_apart: args.senders_apart,
            probe_dir: args.db_dir.clone(),
            stall: None,
        }
    }
}
