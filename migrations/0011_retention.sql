-- Retention and a tamper-evident audit log.

-- Each audit row carries SHA-256 over its own content and the previous row's hash (computed
-- by the application, app/src/audit/chain.rs). Rows written before this migration are sealed
-- once at start-up, in id order.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX audit_hash ON audit_log(hash) WHERE hash IS NOT NULL;

-- Rows stay append-only; the one update allowed is sealing a row written before the chain
-- existed (hash and prev_hash from NULL, nothing else changed).
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    OLD.hash IS NULL AND OLD.prev_hash IS NULL
    AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
    AND NEW.id = OLD.id AND NEW.at = OLD.at
    AND NEW.actor_user_id IS OLD.actor_user_id AND NEW.action = OLD.action
    AND NEW.entity = OLD.entity AND NEW.entity_id IS OLD.entity_id
    AND NEW.reason IS OLD.reason AND NEW.details IS OLD.details
)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Where the chain starts once old rows have been purged: the id and hash of the last purged
-- row. The first remaining row's prev_hash must equal this hash.
CREATE TABLE audit_anchor (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    through_id INTEGER NOT NULL,
    hash       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

-- The anchor only moves forward, and only onto a real row's hash: a purge cannot hide a gap.
CREATE TRIGGER audit_anchor_forward_insert BEFORE INSERT ON audit_anchor
WHEN NEW.hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.through_id)
BEGIN
    SELECT RAISE(ABORT, 'audit_anchor must name an existing row and its hash');
END;
CREATE TRIGGER audit_anchor_forward_update BEFORE UPDATE ON audit_anchor
WHEN NEW.through_id <= OLD.through_id
  OR NEW.hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.through_id)
BEGIN
    SELECT RAISE(ABORT, 'audit_anchor only moves forward onto an existing row');
END;
CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
BEGIN
    SELECT RAISE(ABORT, 'audit_anchor cannot be removed');
END;

-- Only rows at or before the anchor may be deleted (the audit retention purge).
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.id > IFNULL((SELECT through_id FROM audit_anchor WHERE id = 1), 0)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Closing: when and why. erased_at: when retention blanked the case's personal data.
ALTER TABLE cases ADD COLUMN closed_at INTEGER;
ALTER TABLE cases ADD COLUMN closing_reason TEXT;
ALTER TABLE cases ADD COLUMN erased_at INTEGER;
UPDATE cases SET closed_at = updated_at WHERE status = 'closed';
CREATE INDEX cases_closed ON cases(closed_at) WHERE status = 'closed' AND erased_at IS NULL;

-- Action history stays append-only, except that the retention purge may blank the free texts
-- (reason, note) of an erased case's history; the statuses and dates stay.
DROP TRIGGER action_history_no_update;
CREATE TRIGGER action_history_no_update BEFORE UPDATE ON action_history
WHEN NOT (
    NEW.reason IS NULL AND NEW.note IS NULL
    AND NEW.id = OLD.id AND NEW.action_id = OLD.action_id AND NEW.at = OLD.at
    AND NEW.user_id IS OLD.user_id AND NEW.meeting_id IS OLD.meeting_id
    AND NEW.from_status IS OLD.from_status AND NEW.to_status = OLD.to_status
    AND NEW.due_from IS OLD.due_from AND NEW.due_to IS OLD.due_to
    AND EXISTS (SELECT 1 FROM actions a JOIN cases c ON c.id = a.case_id
                WHERE a.id = OLD.action_id AND c.erased_at IS NOT NULL)
)
BEGIN
    SELECT RAISE(ABORT, 'action_history is append-only');
END;
