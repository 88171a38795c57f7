-- The far-away market (issue 19): courier shipping with tracking, QRIS, search that understands
-- Indonesian.

-- How a shop ships by courier, as one JSON document read and written whole by `pasar::shipping`
-- (couriers, domestic postage flat or by weight band, postage abroad per kilogram). NULL: no courier.
ALTER TABLE shops ADD COLUMN shipping TEXT;
-- The shop's static QRIS code (a private photo, cropped square): shown only on its orders paid by QRIS.
ALTER TABLE shops ADD COLUMN qris_photo_id INTEGER REFERENCES photos (id);
-- Grams of one unit, for postage by weight (NULL: not given; courier orders by weight need it).
ALTER TABLE products ADD COLUMN weight_grams BIGINT CHECK (weight_grams IS NULL OR weight_grams > 0);
-- The roots of the product's words (Indonesian affixes removed by Sastrawi's dictionary-based stemmer,
-- English titles by Snowball's), computed by the application when it writes the product; NULL until then
-- (a background pass fills rows written by bulk SQL). Indexed with the rest of the text below.
ALTER TABLE products ADD COLUMN search_stems TEXT;

-- Courier orders add "shipped" and "received", and QRIS joins the payments. SQLite cannot change a CHECK
-- in place: as for `events` before, rename without rewriting the references other tables hold, create
-- the table anew with every column in the same order (and the new ones after), copy every row with its
-- id, drop the old copy and rebuild its indexes.
PRAGMA legacy_alter_table = ON;
ALTER TABLE orders RENAME TO orders_before_couriers;
CREATE TABLE orders (
    id                      INTEGER PRIMARY KEY,
    code                    TEXT NOT NULL UNIQUE,
    buyer_account_id        INTEGER NOT NULL REFERENCES accounts (id),
    shop_id                 INTEGER NOT NULL REFERENCES shops (id),
    status                  TEXT NOT NULL CHECK (status IN ('placed', 'confirmed', 'declined', 'paid', 'ready',
                                                            'delivering', 'shipped', 'received', 'completed',
                                                            'cancelled')),
    fulfilment              TEXT NOT NULL CHECK (fulfilment IN ('pickup_seller', 'pickup_balai', 'delivery', 'courier')),
    payment                 TEXT NOT NULL CHECK (payment IN ('cash', 'transfer', 'qris')),
    delivery_address        TEXT,
    note                    TEXT,
    subtotal_rupiah         BIGINT NOT NULL CHECK (subtotal_rupiah >= 0),
    delivery_fee_rupiah     BIGINT NOT NULL CHECK (delivery_fee_rupiah >= 0),
    total_rupiah            BIGINT NOT NULL CHECK (total_rupiah >= 0),
    payment_proof_photo_id  INTEGER REFERENCES photos (id),
    placed_at               BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL,
    -- Courier orders: the country of the address (free text, as the buyer wrote it; NULL = not a courier
    -- order), the courier (chosen by the buyer, confirmed by the seller when shipping), the tracking
    -- number ("resi"), and when the order counts as received if the buyer does not say so.
    ship_country            TEXT,
    courier                 TEXT,
    tracking_number         TEXT,
    receive_by              BIGINT
);
INSERT INTO orders (id, code, buyer_account_id, shop_id, status, fulfilment, payment, delivery_address, note,
                    subtotal_rupiah, delivery_fee_rupiah, total_rupiah, payment_proof_photo_id, placed_at, updated_at)
    SELECT id, code, buyer_account_id, shop_id, status, fulfilment, payment, delivery_address, note,
           subtotal_rupiah, delivery_fee_rupiah, total_rupiah, payment_proof_photo_id, placed_at, updated_at
    FROM orders_before_couriers;
DROP TABLE orders_before_couriers;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX orders_of_buyer ON orders (buyer_account_id, placed_at);
CREATE INDEX orders_of_shop ON orders (shop_id, status, placed_at);
CREATE INDEX orders_by_status_time ON orders (status, updated_at, shop_id);
-- The auto-receive pass reads only shipped orders past their date.
CREATE INDEX orders_to_receive ON orders (receive_by) WHERE status = 'shipped';

-- The word index gains the stems column (FTS5 tables cannot add columns: made anew and refilled).
DROP TRIGGER products_fts_after_insert;
DROP TRIGGER products_fts_after_update;
DROP TRIGGER products_fts_after_shop_rename;
DROP TABLE products_fts;
CREATE VIRTUAL TABLE products_fts USING fts5 (
    title_id, title_en, description_id, description_en, shop_name, stems,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO products_fts (rowid, title_id, title_en, description_id, description_en, shop_name, stems)
SELECT p.id, p.title_id, COALESCE(p.title_en, ''), p.description_id, COALESCE(p.description_en, ''), s.name,
       COALESCE(p.search_stems, '')
FROM products p JOIN shops s ON s.id = p.shop_id;

CREATE TRIGGER products_fts_after_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, title_id, title_en, description_id, description_en, shop_name, stems)
    VALUES (NEW.id, NEW.title_id, COALESCE(NEW.title_en, ''), NEW.description_id, COALESCE(NEW.description_en, ''),
            (SELECT name FROM shops WHERE id = NEW.shop_id), COALESCE(NEW.search_stems, ''));
END;
CREATE TRIGGER products_fts_after_update AFTER UPDATE OF title_id, title_en, description_id, description_en, search_stems ON products BEGIN
    DELETE FROM products_fts WHERE rowid = OLD.id;
    INSERT INTO products_fts (rowid, title_id, title_en, description_id, description_en, shop_name, stems)
    VALUES (NEW.id, NEW.title_id, COALESCE(NEW.title_en, ''), NEW.description_id, COALESCE(NEW.description_en, ''),
            (SELECT name FROM shops WHERE id = NEW.shop_id), COALESCE(NEW.search_stems, ''));
END;
CREATE TRIGGER products_fts_after_shop_rename AFTER UPDATE OF name ON shops BEGIN
    UPDATE products_fts SET shop_name = NEW.name
    WHERE rowid IN (SELECT id FROM products WHERE shop_id = NEW.id);
END;
-- Products not yet stemmed, for the background pass.
CREATE INDEX products_unstemmed ON products (id) WHERE search_stems IS NULL;

-- The shop directory: approved shops by name, within a village, and whether a shop sells in a category.
CREATE INDEX shops_approved_by_name ON shops (status, name, id);
CREATE INDEX shops_approved_by_village ON shops (status, village_id, name);
CREATE INDEX products_of_shop_by_category ON products (shop_id, category, listed);
