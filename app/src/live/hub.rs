//! The rooms of live meetings held in memory: who is connected, and the channel that carries
//! each committed change to every socket of the meeting in commit order.

use super::protocol::{Present, ServerMsg, COMMITTED_TARGET};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::ids::{AgencyId, CaseId, ItemId, MeetingId, UserId};
use axum::extract::ws::Utf8Bytes;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::{broadcast, watch};

/// Enough for a burst of changes while a socket is busy; a socket that falls further behind
/// catches up from the database.
const CHANNEL: usize = 1024;
const PRESENCE_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// Who must get a fresh snapshot instead of an event, because what they may see changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resync {
    Nobody,
    Everyone,
    /// People of this agency who could not see the case (it has just become involved).
    Agency(AgencyId),
}

/// One committed change, serialised once for everyone.
#[derive(Debug)]
pub struct Committed {
    pub seq: i64,
    pub item: Option<ItemId>,
    pub case: Option<CaseId>,
    /// Shared bytes: every socket sends the same buffer without copying it.
    pub json: Utf8Bytes,
    pub hidden_json: Utf8Bytes,
    pub resync: Resync,
}

#[derive(Debug, Clone)]
pub enum Outgoing {
    Committed(Arc<Committed>),
    Presence(Utf8Bytes),
}

/// What one connected person may see of the meeting, worked out when they join and again
/// whenever it may have changed.
#[derive(Debug, Clone, Default)]
pub struct Sight {
    pub cases: HashSet<CaseId>,
    /// Items after the children's cut-off, for someone whose agency leaves then.
    pub cut_off: HashSet<ItemId>,
}

pub struct Viewer {
    pub conn: u64,
    pub actor: Actor,
    pub agency_name: Option<String>,
    pub children_only: bool,
    pub sight: RwLock<Sight>,
    /// Set to a reason to close the socket (signed out, disabled, access changed).
    pub kick: watch::Sender<Option<&'static str>>,
}

impl Viewer {
    /// The one policy decision, on what this viewer's sight says about the item and case.
    pub fn may_see(&self, item: Option<ItemId>, case: Option<CaseId>) -> bool {
        let sight = self.sight.read().unwrap_or_else(|e| e.into_inner());
        let cut_off = item.is_some_and(|i| sight.cut_off.contains(&i));
        authorize(
            Some(&self.actor),
            Action::Read,
            Resource::LiveItem { cut_off },
        )
        .is_ok()
            && case.is_none_or(|c| sight.cases.contains(&c))
    }

    pub fn set_sight(&self, s: Sight) {
        *self.sight.write().unwrap_or_else(|e| e.into_inner()) = s;
    }

    pub fn must_resync(&self, c: &Committed) -> bool {
        match c.resync {
            Resync::Nobody => false,
            Resync::Everyone => true,
            Resync::Agency(a) => self.actor.agency_id == Some(a) && !self.may_see(c.item, c.case),
        }
    }
}

pub struct Room {
    pub meeting: MeetingId,
    tx: broadcast::Sender<Outgoing>,
    /// Held from the start of a change's transaction until it is broadcast, so that the
    /// broadcast order is the commit order.
    pub write: Arc<tokio::sync::Mutex<()>>,
    viewers: Mutex<HashMap<u64, Arc<Viewer>>>,
    presence_due: AtomicBool,
}

impl Room {
    pub fn subscribe(&self) -> broadcast::Receiver<Outgoing> {
        self.tx.subscribe()
    }

    /// Notes the moment a change is committed (a trace event; the load tool measures from it).
    pub fn committed(&self, seq: i64) {
        tracing::trace!(target: COMMITTED_TARGET, meeting = self.meeting.0, seq, "live change committed");
    }

    /// Call holding the room's write lock, after the commit.
    pub fn publish(&self, c: Committed) {
        // No receivers is fine: nobody is watching.
        let _ = self.tx.send(Outgoing::Committed(Arc::new(c)));
    }

    pub fn join(self: &Arc<Self>, v: Arc<Viewer>) {
        self.lock().insert(v.conn, v);
        self.presence_changed();
    }

    pub fn leave(self: &Arc<Self>, conn: u64) {
        self.lock().remove(&conn);
        self.presence_changed();
    }

    /// Presence goes out at most every `PRESENCE_EVERY`: when a room fills up, one list for
    /// many arrivals instead of a list per arrival to everyone.
    fn presence_changed(self: &Arc<Self>) {
        if self.presence_due.swap(true, Ordering::AcqRel) {
            return;
        }
        let room = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(PRESENCE_EVERY).await;
            room.presence_due.store(false, Ordering::Release);
            room.announce();
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Viewer>>> {
        self.viewers.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn viewers(&self) -> Vec<Arc<Viewer>> {
        self.lock().values().cloned().collect()
    }

    /// Each connected person once, by name.
    pub fn people(&self) -> Vec<Present> {
        let mut seen = HashSet::new();
        let mut people: Vec<Present> = self
            .viewers()
            .into_iter()
            .filter(|v| seen.insert(v.actor.user_id))
            .map(|v| Present {
                user_id: v.actor.user_id,
                name: v.actor.name.clone(),
                agency: v.agency_name.clone(),
            })
            .collect();
        people.sort_by(|a, b| (&a.agency, &a.name).cmp(&(&b.agency, &b.name)));
        people
    }

    /// The people who will be shown an event about this item and case (for the audit log).
    pub fn recipients(&self, item: Option<ItemId>, case: Option<CaseId>) -> Vec<UserId> {
        let mut ids: Vec<UserId> = self
            .viewers()
            .iter()
            .filter(|v| v.may_see(item, case))
            .map(|v| v.actor.user_id)
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    fn announce(&self) {
        let msg = ServerMsg::Presence {
            people: self.people(),
        };
        if let Ok(json) = serde_json::to_string(&msg) {
            let _ = self.tx.send(Outgoing::Presence(json.into()));
        }
    }
}

#[derive(Default)]
pub struct LiveHub {
    rooms: Mutex<HashMap<MeetingId, Arc<Room>>>,
    next_conn: AtomicU64,
}

impl LiveHub {
    pub fn room(&self, meeting: MeetingId) -> Arc<Room> {
        self.rooms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(meeting)
            .or_insert_with(|| {
                Arc::new(Room {
                    meeting,
                    tx: broadcast::channel(CHANNEL).0,
                    write: Arc::default(),
                    viewers: Mutex::new(HashMap::new()),
                    presence_due: AtomicBool::new(false),
                })
            })
            .clone()
    }

    pub fn next_conn(&self) -> u64 {
        self.next_conn.fetch_add(1, Ordering::Relaxed)
    }

    /// Everyone connected to any meeting.
    pub fn all_viewers(&self) -> Vec<Arc<Viewer>> {
        let rooms: Vec<Arc<Room>> = self
            .rooms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .cloned()
            .collect();
        rooms.iter().flat_map(|r| r.viewers()).collect()
    }

    /// Drops rooms nobody is connected to (their state is all in the database).
    pub fn tidy(&self) {
        self.rooms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            // Kept while anyone holds it: a change in flight must publish to the room its
            // subscribers listen on.
            .retain(|_, r| Arc::strong_count(r) > 1 || r.tx.receiver_count() > 0);
    }
}
