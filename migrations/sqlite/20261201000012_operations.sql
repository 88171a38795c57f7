-- Operations (issue 16): a regency onboards its villages and staff, messages reach phones with retries,
-- visits are reminded the day before.

-- A village the regency switched off: its pages say so, nothing new is filed there, its data is kept.
ALTER TABLE villages ADD COLUMN switched_off_at BIGINT;
-- The village's photo on its profile page (a `photos` id, through the photo pipeline like a shop's). No
-- foreign key: photos name their uploader, accounts live in a village, and a reference back from villages
-- would make a cycle no copy between engines (`copy-to-postgres`) could order. Gallery photos are never
-- deleted, and the page joins it with LEFT JOIN.
ALTER TABLE villages ADD COLUMN photo_id INTEGER;

-- An invitation to a staff role, sent to a phone number with a one-time code (only its SHA-256 is kept).
-- The role is granted when an account with that number enters the code; the admin may cancel it first.
CREATE TABLE staff_invitations (
    id                  INTEGER PRIMARY KEY,
    phone               TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('operator', 'sekdes', 'kades', 'camat', 'admin_kabupaten')),
    village_id          INTEGER REFERENCES villages (id),
    kecamatan_code      TEXT REFERENCES kecamatan (code),
    code_hash           TEXT NOT NULL,
    invited_by          INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at          BIGINT NOT NULL,
    expires_at          BIGINT NOT NULL,
    accepted_at         BIGINT,
    accepted_by         INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    cancelled_at        BIGINT,
    CHECK (
        (role IN ('operator', 'sekdes', 'kades') AND village_id IS NOT NULL AND kecamatan_code IS NULL)
        OR (role = 'camat' AND kecamatan_code IS NOT NULL AND village_id IS NULL)
        OR (role = 'admin_kabupaten' AND village_id IS NULL AND kecamatan_code IS NULL)
    )
);
CREATE INDEX staff_invitations_phone ON staff_invitations (phone, created_at);

-- A village list the admin uploaded (CSV, Kemendagri codes): kept until applied, so the preview and the
-- apply step read the same file. `applied_at` says it went in.
CREATE TABLE village_imports (
    id                  INTEGER PRIMARY KEY,
    csv                 TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    uploaded_by         INTEGER NOT NULL REFERENCES accounts (id),
    created_at          BIGINT NOT NULL,
    applied_at          BIGINT
);

-- Delivery through a real gateway: when to try again (backoff), what went wrong last, the provider's id.
ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN provider_message_id TEXT;
ALTER TABLE outbox ADD COLUMN locale TEXT NOT NULL DEFAULT 'id';

-- The visit reminder of a request with a slot: set in the transaction that queues it, so it goes once.
ALTER TABLE service_requests ADD COLUMN slot_reminded_at BIGINT;
CREATE INDEX service_requests_by_slot ON service_requests (slot_starts_at);

-- People own their data (UU PDP 27/2022). An account deleted at its owner's request keeps its row (orders,
-- issued letters and their numbers point at it, as the law requires) with name, number and e-mail erased.
ALTER TABLE accounts ADD COLUMN deleted_at BIGINT;

-- Who opened a resident's personal data (identity documents, verification data, letters): the resident
-- reads it on their account page, the admin audits it. Only views by someone else are recorded.
CREATE TABLE personal_data_views (
    id                  INTEGER PRIMARY KEY,
    subject_account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    viewer_account_id   INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    what                TEXT NOT NULL CHECK (what IN ('document', 'verification', 'letter')),
    context             TEXT NOT NULL,
    viewed_at           BIGINT NOT NULL
);
CREATE INDEX personal_data_views_of_subject ON personal_data_views (subject_account_id, viewed_at);
CREATE INDEX personal_data_views_by_time ON personal_data_views (viewed_at);
