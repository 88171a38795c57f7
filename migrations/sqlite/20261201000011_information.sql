-- The other Smart Kampung criteria (issue 15): legal information (produk hukum desa and the PPID's list
-- of public information), poverty alleviation (each village's social-aid page, public recipient counts
-- and the private record of a resident's membership) and human capacity (training certificates).

-- Produk hukum desa (Permendagri 111/2014). Public once its PDF is attached (`file_key`, a content hash
-- in the file store). An amended or revoked one points at the document that changed it.
CREATE TABLE legal_documents (
    id              INTEGER PRIMARY KEY,
    village_id      INTEGER NOT NULL REFERENCES villages (id),
    kind            TEXT NOT NULL CHECK (kind IN ('perdes', 'perdes_bersama', 'perkades', 'kepkades')),
    number          TEXT NOT NULL,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2100),
    title_id        TEXT NOT NULL,
    title_en        TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'berlaku' CHECK (status IN ('berlaku', 'diubah', 'dicabut')),
    changed_by_id   INTEGER REFERENCES legal_documents (id),
    file_key        TEXT,
    file_bytes      BIGINT,
    created_by      INTEGER NOT NULL REFERENCES accounts (id),
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (village_id, kind, year, number)
);
CREATE INDEX legal_documents_of_village ON legal_documents (village_id, year, updated_at);

-- The PPID desa's list of public information (UU 14/2008): what is published periodically, at once,
-- and on request, each with where to find it.
CREATE TABLE public_information (
    id              INTEGER PRIMARY KEY,
    village_id      INTEGER NOT NULL REFERENCES villages (id),
    category        TEXT NOT NULL CHECK (category IN ('berkala', 'serta_merta', 'setiap_saat')),
    title_id        TEXT NOT NULL,
    title_en        TEXT NOT NULL,
    body_id         TEXT NOT NULL,
    body_en         TEXT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX public_information_of_village ON public_information (village_id, category);

-- A village's social-aid page, one row per programme, written by its staff in both languages.
CREATE TABLE bansos_programmes (
    village_id      INTEGER NOT NULL REFERENCES villages (id),
    programme       TEXT NOT NULL CHECK (programme IN ('pkh', 'bpnt', 'blt_dd', 'pbi_jk')),
    who_id          TEXT NOT NULL,
    who_en          TEXT NOT NULL,
    schedule_id     TEXT NOT NULL,
    schedule_en     TEXT NOT NULL,
    how_id          TEXT NOT NULL,
    how_en          TEXT NOT NULL,
    updated_by      INTEGER REFERENCES accounts (id),
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (village_id, programme)
);

-- How many households received each programme in a year: public numbers, never names.
CREATE TABLE bansos_recipient_counts (
    village_id      INTEGER NOT NULL REFERENCES villages (id),
    programme       TEXT NOT NULL,
    year            INTEGER NOT NULL,
    recipients      INTEGER NOT NULL CHECK (recipients >= 0),
    PRIMARY KEY (village_id, programme, year)
);

-- That a verified resident receives a programme: recorded by their village's staff, shown to the
-- resident on their account page and to nobody else.
CREATE TABLE bansos_memberships (
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    programme       TEXT NOT NULL,
    village_id      INTEGER NOT NULL REFERENCES villages (id),
    since_year      INTEGER NOT NULL,
    recorded_by     INTEGER NOT NULL REFERENCES accounts (id),
    recorded_at     BIGINT NOT NULL,
    PRIMARY KEY (account_id, programme)
);

-- A training (a Budaya listing) may issue a completion certificate to whoever was checked in at
-- `certificate_sessions` of its sessions; `teaches_selling` lets a holder's shop say "trained in …".
ALTER TABLE events ADD COLUMN certificate_sessions INTEGER CHECK (certificate_sessions IS NULL OR certificate_sessions > 0);
ALTER TABLE events ADD COLUMN teaches_selling BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE certificates (
    id                  INTEGER PRIMARY KEY,
    event_id            INTEGER NOT NULL REFERENCES events (id),
    account_id          INTEGER NOT NULL REFERENCES accounts (id),
    number              TEXT NOT NULL,
    verification_code   TEXT NOT NULL UNIQUE,
    holder_name         TEXT NOT NULL,
    sessions_attended   INTEGER NOT NULL,
    issued_by           INTEGER NOT NULL REFERENCES accounts (id),
    issued_at           BIGINT NOT NULL,
    UNIQUE (event_id, account_id)
);
CREATE INDEX certificates_of_account ON certificates (account_id);
CREATE INDEX certificates_issued ON certificates (issued_at);

-- The scorecard counts, per village, orders completed and requests finished in the last 90 days: for a
-- whole regency (a million orders) these read only the window instead of every row.
CREATE INDEX orders_by_status_time ON orders (status, updated_at, shop_id);
CREATE INDEX request_events_by_status_time ON request_events (status, at, request_id);
