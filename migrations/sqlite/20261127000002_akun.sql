-- Akun: the regency above the kecamatan, village profiles, accounts, roles, sessions, reset codes,
-- rate limits, notifications and the outbox of messages to phones.

-- Kabupaten (regency) with its Kemendagri code, e.g. 35.10 = Banyuwangi.
CREATE TABLE kabupaten (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    province    TEXT NOT NULL
);
ALTER TABLE kecamatan ADD COLUMN kabupaten_code TEXT REFERENCES kabupaten (code);

-- The part of a village profile its staff edit (the description columns already exist).
ALTER TABLE villages ADD COLUMN office_address TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN opening_hours_id TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN opening_hours_en TEXT;
ALTER TABLE villages ADD COLUMN contact_phone TEXT;
ALTER TABLE villages ADD COLUMN contact_email TEXT;

-- A person with a phone number (E.164) and a password. Everyone is a warga (resident) of a home village.
CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    phone               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    email               TEXT,
    home_village_id     INTEGER NOT NULL REFERENCES villages (id),
    password_hash       TEXT NOT NULL,
    -- Language for messages sent to the phone (the site itself follows the browser's cookie).
    locale              TEXT NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
    created_at          BIGINT NOT NULL
);

-- What a resident gave for verification, and the village staff's decision. The NIK is encrypted with a
-- key kept outside the database; only its last four digits are kept in clear, for the masked display.
CREATE TABLE resident_verifications (
    account_id          INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    village_id          INTEGER NOT NULL REFERENCES villages (id),
    full_name           TEXT NOT NULL,
    address             TEXT NOT NULL,
    nik_ciphertext      BLOB NOT NULL,
    nik_last4           TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
    reason              TEXT,
    submitted_at        BIGINT NOT NULL,
    decided_at          BIGINT,
    decided_by          INTEGER REFERENCES accounts (id)
);
CREATE INDEX resident_verifications_queue ON resident_verifications (village_id, status, submitted_at);

-- Staff roles: village staff are bound to one village, camat staff to one kecamatan, admins to the regency.
CREATE TABLE staff_roles (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role                TEXT NOT NULL CHECK (role IN ('operator', 'sekdes', 'kades', 'camat', 'admin_kabupaten')),
    village_id          INTEGER REFERENCES villages (id),
    kecamatan_code      TEXT REFERENCES kecamatan (code),
    granted_at          BIGINT NOT NULL,
    CHECK (
        (role IN ('operator', 'sekdes', 'kades') AND village_id IS NOT NULL AND kecamatan_code IS NULL)
        OR (role = 'camat' AND kecamatan_code IS NOT NULL AND village_id IS NULL)
        OR (role = 'admin_kabupaten' AND village_id IS NULL AND kecamatan_code IS NULL)
    )
);
CREATE INDEX staff_roles_account ON staff_roles (account_id);
CREATE INDEX staff_roles_village ON staff_roles (village_id);

-- Server-side sessions. Only a SHA-256 of the cookie's token is stored, so a copy of the database cannot
-- be used to sign in.
CREATE TABLE sessions (
    token_hash          TEXT PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at          BIGINT NOT NULL,
    last_seen_at        BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- One-time password-reset codes (hashed), short-lived, single-use, with a bounded number of attempts.
CREATE TABLE reset_codes (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash           TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    expires_at          BIGINT NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    used_at             BIGINT
);
CREATE INDEX reset_codes_account ON reset_codes (account_id, created_at);

-- Fixed-window counters for rate limits (per phone number, per IP), shared by every server process.
CREATE TABLE rate_limit_hits (
    bucket              TEXT NOT NULL,
    window_start        BIGINT NOT NULL,
    hits                INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

-- In-app notifications (the bell). Text is stored in both languages when it is created.
CREATE TABLE notifications (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title_id            TEXT NOT NULL,
    title_en            TEXT NOT NULL,
    link                TEXT,
    created_at          BIGINT NOT NULL,
    read_at             BIGINT
);
CREATE INDEX notifications_inbox ON notifications (account_id, created_at);

-- Messages to phones (SMS/WhatsApp). Written in the same transaction as the change they announce, then
-- handed to the configured sender by a background worker.
CREATE TABLE outbox (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    to_phone            TEXT NOT NULL,
    purpose             TEXT NOT NULL,
    body                TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    sender              TEXT,
    created_at          BIGINT NOT NULL,
    sent_at             BIGINT
);
CREATE INDEX outbox_pending ON outbox (status, id);

-- A shop belongs to a resident and is approved by their village's staff before it is public.
ALTER TABLE shops ADD COLUMN owner_account_id INTEGER REFERENCES accounts (id);
ALTER TABLE shops ADD COLUMN status TEXT NOT NULL DEFAULT 'approved' CHECK (status IN ('pending', 'approved', 'rejected'));
ALTER TABLE shops ADD COLUMN decided_by INTEGER REFERENCES accounts (id);
