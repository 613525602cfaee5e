-- Meetings over time: a series keeps its rhythm from an anchor day and may end; a meeting may be
-- moved or cancelled, and its calendar event carries a version.
--
-- A cancelled meeting keeps its row (and its last status: draft or agenda_published) and is
-- marked by cancelled_at; the application reads its status as 'cancelled'. This avoids
-- rebuilding `meetings`, which a dozen tables reference, only to widen its status CHECK.

-- The local day the rhythm counts from (changed when the series is edited from a date on).
ALTER TABLE meeting_series ADD COLUMN anchor_on TEXT;
-- The last local day a meeting of the series may fall on; NULL while the series goes on.
ALTER TABLE meeting_series ADD COLUMN ends_on TEXT;
UPDATE meeting_series SET anchor_on = COALESCE(
    (SELECT date(MIN(m.starts_at), 'unixepoch') FROM meetings m WHERE m.series_id = meeting_series.id),
    date(created_at, 'unixepoch'));

-- The occurrence of the series a meeting stands for: kept when the meeting is moved or
-- cancelled, so that the series does not schedule that occurrence again.
ALTER TABLE meetings ADD COLUMN series_slot INTEGER;
UPDATE meetings SET series_slot = starts_at WHERE series_id IS NOT NULL;
CREATE UNIQUE INDEX meetings_series_slot ON meetings(series_id, series_slot) WHERE series_id IS NOT NULL;

-- iCalendar SEQUENCE: raised on every move and on cancelling.
ALTER TABLE meetings ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN cancelled_at INTEGER;
ALTER TABLE meetings ADD COLUMN cancel_reason TEXT;
