-- Layanan: each service's full description, form, visit slots and letter template; residents' requests
-- with their answers, documents, timeline and visit slot; letters with yearly numbers per village; and
-- complaints. Times are UTC unix seconds (shown in WIB).

ALTER TABLE services ADD COLUMN description_id TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN description_en TEXT;
-- Requirements, one per line ("Fotokopi KK", "Foto KTP").
ALTER TABLE services ADD COLUMN requirements_id TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN requirements_en TEXT;
ALTER TABLE services ADD COLUMN needs_slot BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE services ADD COLUMN slot_minutes INTEGER NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240);
ALTER TABLE services ADD COLUMN slot_capacity INTEGER NOT NULL DEFAULT 3 CHECK (slot_capacity BETWEEN 1 AND 100);
-- Letters: the classification code that starts the number (470 = population affairs) and the body, with
-- {field} placeholders filled from the request's answers.
ALTER TABLE services ADD COLUMN classification_code TEXT NOT NULL DEFAULT '470';
ALTER TABLE services ADD COLUMN letter_title TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN letter_template TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT TRUE;

-- The form the village staff define for a service, one row per field.
CREATE TABLE service_fields (
    service_id  INTEGER NOT NULL REFERENCES services (id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    label_id    TEXT NOT NULL,
    label_en    TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'select', 'file')),
    -- For select: the choices, one per line.
    options     TEXT NOT NULL DEFAULT '',
    required    BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (service_id, name)
);

-- Weekly opening hours for visits (weekday 0 = Sunday), minutes after midnight WIB.
CREATE TABLE service_hours (
    service_id  INTEGER NOT NULL REFERENCES services (id),
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens       INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 1440),
    closes      INTEGER NOT NULL CHECK (closes BETWEEN 0 AND 1440 AND closes > opens),
    PRIMARY KEY (service_id, weekday, opens)
);

-- Days the balai desa takes no visits (holidays, village events), as `2026-12-25`.
CREATE TABLE village_closed_dates (
    village_id  INTEGER NOT NULL REFERENCES villages (id),
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (village_id, date)
);

CREATE TABLE service_requests (
    id              INTEGER PRIMARY KEY,
    -- Tracking code the resident is given (8 characters without 0/O/1/I).
    code            TEXT NOT NULL UNIQUE,
    service_id      INTEGER NOT NULL REFERENCES services (id),
    village_id      INTEGER NOT NULL REFERENCES villages (id),
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    status          TEXT NOT NULL CHECK (status IN ('diajukan', 'diperiksa', 'perlu_perbaikan', 'disetujui_kades',
                        'diteruskan_kecamatan', 'ditandatangani_camat', 'siap', 'selesai', 'ditolak', 'dibatalkan')),
    -- The visit, for services that need one: the slot's start and the queue number of its day.
    slot_starts_at  BIGINT,
    slot_day        TEXT,
    queue_number    INTEGER,
    rating          INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX service_requests_inbox ON service_requests (village_id, status, created_at);
CREATE INDEX service_requests_of_account ON service_requests (account_id, created_at);
CREATE INDEX service_requests_in_slot ON service_requests (service_id, slot_starts_at);
-- One queue number per village and day.
CREATE UNIQUE INDEX service_requests_queue ON service_requests (village_id, slot_day, queue_number)
    WHERE queue_number IS NOT NULL;

-- The resident's answers to the service's form fields.
CREATE TABLE request_answers (
    request_id  INTEGER NOT NULL REFERENCES service_requests (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (request_id, name)
);

-- Photos of documents: private photos (never under /media), served after an authorization check.
CREATE TABLE request_documents (
    request_id  INTEGER NOT NULL REFERENCES service_requests (id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    photo_id    INTEGER NOT NULL REFERENCES photos (id),
    PRIMARY KEY (request_id, field, photo_id)
);

-- The audit trail: every move, who made it, in which role, when, and the note.
CREATE TABLE request_events (
    id                  INTEGER PRIMARY KEY,
    request_id          INTEGER NOT NULL REFERENCES service_requests (id) ON DELETE CASCADE,
    status              TEXT NOT NULL,
    actor_account_id    INTEGER REFERENCES accounts (id),
    role                TEXT NOT NULL,
    note                TEXT,
    at                  BIGINT NOT NULL
);
CREATE INDEX request_events_of_request ON request_events (request_id, at);

-- The last letter number given per village and year (the next letter takes last + 1 in the same
-- transaction that issues it).
CREATE TABLE letter_sequences (
    village_id  INTEGER NOT NULL REFERENCES villages (id),
    year        INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (village_id, year)
);

-- An issued letter: what was printed, frozen, so the PDF and the verification page never change.
CREATE TABLE letters (
    id                  INTEGER PRIMARY KEY,
    request_id          INTEGER NOT NULL UNIQUE REFERENCES service_requests (id),
    number              TEXT NOT NULL UNIQUE,
    verification_code   TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    holder_name         TEXT NOT NULL,
    body                TEXT NOT NULL,
    signer_name         TEXT NOT NULL,
    signer_position     TEXT NOT NULL,
    camat_name          TEXT,
    camat_position      TEXT,
    issued_at           BIGINT NOT NULL,
    revoked_at          BIGINT,
    revoked_reason      TEXT
);

-- Pengaduan: complaints and aspirations to the village, with the staff's replies.
CREATE TABLE complaints (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    village_id      INTEGER NOT NULL REFERENCES villages (id),
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    category        TEXT NOT NULL,
    body            TEXT NOT NULL,
    location        TEXT NOT NULL DEFAULT '',
    photo_id        INTEGER REFERENCES photos (id),
    status          TEXT NOT NULL CHECK (status IN ('diterima', 'diproses', 'selesai')),
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX complaints_inbox ON complaints (village_id, status, created_at);

CREATE TABLE complaint_replies (
    id                  INTEGER PRIMARY KEY,
    complaint_id        INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    author_account_id   INTEGER NOT NULL REFERENCES accounts (id),
    body                TEXT NOT NULL,
    -- The status the staff moved the complaint to with this reply.
    status              TEXT,
    from_staff          BOOLEAN NOT NULL,
    at                  BIGINT NOT NULL
);
CREATE INDEX complaint_replies_of_complaint ON complaint_replies (complaint_id, at);
CREATE INDEX complaints_of_account ON complaints (account_id, updated_at);
