-- Foundation schema: places, and the first tables of the three pillars.
-- Portable SQL (SQLite now, PostgreSQL later): times are UTC unix seconds (BIGINT), money is integer rupiah.

-- Kecamatan (sub-district) with its Kemendagri code, e.g. 35.10.13.
CREATE TABLE kecamatan (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kabupaten   TEXT NOT NULL
);

-- Desa (rural village) or kelurahan (urban village): everything in the product belongs to one.
CREATE TABLE villages (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    slug            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('desa', 'kelurahan')),
    kecamatan_code  TEXT NOT NULL REFERENCES kecamatan (code),
    description_id  TEXT NOT NULL,
    description_en  TEXT
);

-- Pasar: a villager's shop (lapak) and its products.
CREATE TABLE shops (
    id          INTEGER PRIMARY KEY,
    village_id  INTEGER NOT NULL REFERENCES villages (id),
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    story_id    TEXT NOT NULL,
    story_en    TEXT
);

CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    shop_id         INTEGER NOT NULL REFERENCES shops (id),
    slug            TEXT NOT NULL UNIQUE,
    title_id        TEXT NOT NULL,
    title_en        TEXT,
    category        TEXT NOT NULL CHECK (category IN ('batik_kain', 'kerajinan', 'kopi_hasil_bumi', 'makanan_olahan', 'fashion', 'seni')),
    price_rupiah    BIGINT NOT NULL CHECK (price_rupiah >= 0),
    unit            TEXT NOT NULL,
    stock           INTEGER NOT NULL CHECK (stock >= 0),
    status          TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
    created_at      BIGINT NOT NULL
);
CREATE INDEX products_active_newest ON products (status, created_at);

-- Layanan: the services a village offers (letters and appointments).
CREATE TABLE services (
    id                  INTEGER PRIMARY KEY,
    village_id          INTEGER NOT NULL REFERENCES villages (id),
    slug                TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('surat', 'janji')),
    name_id             TEXT NOT NULL,
    name_en             TEXT,
    summary_id          TEXT NOT NULL,
    summary_en          TEXT,
    processing_days     INTEGER NOT NULL CHECK (processing_days >= 0),
    needs_camat         BOOLEAN NOT NULL DEFAULT FALSE,
    fee_rupiah          BIGINT NOT NULL DEFAULT 0 CHECK (fee_rupiah >= 0),
    UNIQUE (village_id, slug)
);

-- Budaya & Edukasi: festivals, performances, classes, places and learning programmes.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    village_id      INTEGER NOT NULL REFERENCES villages (id),
    slug            TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('festival', 'pertunjukan', 'kelas', 'tempat', 'program')),
    title_id        TEXT NOT NULL,
    title_en        TEXT,
    summary_id      TEXT NOT NULL,
    summary_en      TEXT,
    venue           TEXT NOT NULL,
    starts_at       BIGINT NOT NULL,
    ends_at         BIGINT NOT NULL CHECK (ends_at >= starts_at),
    price_rupiah    BIGINT NOT NULL DEFAULT 0 CHECK (price_rupiah >= 0)
);
CREATE INDEX events_upcoming ON events (ends_at, starts_at);
