-- Health (kesehatan) becomes a kind of Budaya listing: posyandu, posbindu, posyandu lansia, vaccination
-- days. SQLite cannot change a CHECK in place, and migrations run inside a transaction (where foreign
-- keys cannot be switched off): as for `accounts` before, rename without rewriting the references other
-- tables hold, create the table anew under its name with every column in the same order, copy every row
-- with its id, drop the old copy and rebuild its indexes.
PRAGMA legacy_alter_table = ON;
ALTER TABLE events RENAME TO events_before_kesehatan;
CREATE TABLE events (
    id                      INTEGER PRIMARY KEY,
    village_id              INTEGER NOT NULL REFERENCES villages (id),
    slug                    TEXT NOT NULL UNIQUE,
    kind                    TEXT NOT NULL CHECK (kind IN ('festival', 'pertunjukan', 'kelas', 'tempat', 'program', 'kesehatan')),
    title_id                TEXT NOT NULL,
    title_en                TEXT,
    summary_id              TEXT NOT NULL,
    summary_en              TEXT,
    venue                   TEXT NOT NULL,
    starts_at               BIGINT NOT NULL,
    ends_at                 BIGINT NOT NULL CHECK (ends_at >= starts_at),
    price_rupiah            BIGINT NOT NULL DEFAULT 0 CHECK (price_rupiah >= 0),
    description_id          TEXT NOT NULL DEFAULT '',
    description_en          TEXT,
    tags                    TEXT NOT NULL DEFAULT ',',
    address                 TEXT NOT NULL DEFAULT '',
    latitude                REAL,
    longitude               REAL,
    accessibility_id        TEXT,
    accessibility_en        TEXT,
    opening_hours_id        TEXT,
    opening_hours_en        TEXT,
    organiser_name          TEXT NOT NULL DEFAULT '',
    organiser_account_id    INTEGER REFERENCES accounts (id),
    shop_id                 INTEGER REFERENCES shops (id),
    capacity                INTEGER CHECK (capacity IS NULL OR capacity > 0),
    status                  TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'hidden'))
);
INSERT INTO events SELECT
    id, village_id, slug, kind, title_id, title_en, summary_id, summary_en, venue, starts_at, ends_at,
    price_rupiah, description_id, description_en, tags, address, latitude, longitude, accessibility_id,
    accessibility_en, opening_hours_id, opening_hours_en, organiser_name, organiser_account_id, shop_id,
    capacity, status
    FROM events_before_kesehatan;
DROP TABLE events_before_kesehatan;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX events_upcoming ON events (ends_at, starts_at);
CREATE INDEX events_by_organiser ON events (organiser_account_id);
CREATE INDEX events_published_tags ON events (status, tags);
CREATE INDEX events_by_kind ON events (kind, status, title_id);

-- The day-before reminder of a session goes out once per ticket: when it was queued.
ALTER TABLE event_registrations ADD COLUMN reminded_at BIGINT;

-- A deadline set by law for answering a request, in working days from its submission (UU 14/2008 on
-- public information: ten, for the PPID desa's "Permohonan informasi publik"); NULL for most services.
ALTER TABLE services ADD COLUMN legal_deadline_workdays BIGINT CHECK (legal_deadline_workdays IS NULL OR legal_deadline_workdays > 0);
