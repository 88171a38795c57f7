-- Budaya & Edukasi: listing details, dated sessions and registrations with tickets.
-- Times are UTC unix seconds (shown in WIB); money is integer rupiah.

-- A listing (festival, performance, class, place, programme) gains its full page and its organiser.
ALTER TABLE events ADD COLUMN description_id TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN description_en TEXT;
-- Lower-case tags separated by commas and wrapped in commas (',batik,anak,'), so one LIKE finds a tag.
ALTER TABLE events ADD COLUMN tags TEXT NOT NULL DEFAULT ',';
ALTER TABLE events ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN latitude REAL;
ALTER TABLE events ADD COLUMN longitude REAL;
ALTER TABLE events ADD COLUMN accessibility_id TEXT;
ALTER TABLE events ADD COLUMN accessibility_en TEXT;
-- Places have opening hours instead of sessions.
ALTER TABLE events ADD COLUMN opening_hours_id TEXT;
ALTER TABLE events ADD COLUMN opening_hours_en TEXT;
-- Who runs it, as shown (a sanggar, the village, a seller's shop), and the account that manages it.
ALTER TABLE events ADD COLUMN organiser_name TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN organiser_account_id INTEGER REFERENCES accounts (id);
ALTER TABLE events ADD COLUMN shop_id INTEGER REFERENCES shops (id);
-- Seats per session for new sessions; NULL = open to all, no registration.
ALTER TABLE events ADD COLUMN capacity INTEGER CHECK (capacity IS NULL OR capacity > 0);
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'hidden'));
CREATE INDEX events_by_organiser ON events (organiser_account_id);

-- One dated occurrence of a listing. A weekly class has one row per week (expanded from its rule when the
-- organiser adds it), so registration, cancellation and moving work on a single date.
CREATE TABLE event_sessions (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events (id),
    starts_at   BIGINT NOT NULL,
    ends_at     BIGINT NOT NULL CHECK (ends_at > starts_at),
    capacity    INTEGER CHECK (capacity IS NULL OR capacity > 0),
    status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    UNIQUE (event_id, starts_at)
);
CREATE INDEX event_sessions_by_time ON event_sessions (starts_at, ends_at);

-- A person's seats for one session: confirmed, or waiting in line (promoted in order when seats free up).
-- The ticket code is short enough to read out at the door.
CREATE TABLE event_registrations (
    id              INTEGER PRIMARY KEY,
    session_id      INTEGER NOT NULL REFERENCES event_sessions (id),
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    seats           INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 10),
    status          TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    ticket_code     TEXT NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL,
    promoted_at     BIGINT,
    cancelled_at    BIGINT,
    checked_in_at   BIGINT,
    checked_in_by   INTEGER REFERENCES accounts (id)
);
CREATE UNIQUE INDEX event_registrations_one_per_person ON event_registrations (session_id, account_id)
    WHERE status <> 'cancelled';
CREATE INDEX event_registrations_by_session ON event_registrations (session_id, status, created_at);
CREATE INDEX event_registrations_by_account ON event_registrations (account_id, created_at);
