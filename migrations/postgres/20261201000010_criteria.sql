-- Health (kesehatan) becomes a kind of Budaya listing (see the SQLite migration of the same version).
ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check
    CHECK (kind IN ('festival', 'pertunjukan', 'kelas', 'tempat', 'program', 'kesehatan'));

-- The day-before reminder of a session goes out once per ticket: when it was queued.
ALTER TABLE event_registrations ADD COLUMN reminded_at BIGINT;

-- A deadline set by law for answering a request, in working days from its submission (UU 14/2008 on
-- public information: ten, for the PPID desa's "Permohonan informasi publik"); NULL for most services.
ALTER TABLE services ADD COLUMN legal_deadline_workdays BIGINT CHECK (legal_deadline_workdays IS NULL OR legal_deadline_workdays > 0);
