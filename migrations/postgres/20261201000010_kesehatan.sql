-- Health (kesehatan) becomes a kind of Budaya listing (see the SQLite migration of the same version).
ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check
    CHECK (kind IN ('festival', 'pertunjukan', 'kelas', 'tempat', 'program', 'kesehatan'));

-- The day-before reminder of a session goes out once per ticket: when it was queued.
ALTER TABLE event_registrations ADD COLUMN reminded_at BIGINT;
