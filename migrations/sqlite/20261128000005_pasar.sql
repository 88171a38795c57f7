-- Pasar: shops that sell, products with variants and photos, word search, carts, orders with a timeline,
-- and reviews. Times are UTC unix seconds; money is integer rupiah.

-- What a shop offers its buyers. WhatsApp is stored as +62…; delivery_fee_rupiah NULL = no delivery.
ALTER TABLE shops ADD COLUMN whatsapp TEXT;
ALTER TABLE shops ADD COLUMN pickup_address TEXT NOT NULL DEFAULT '';
ALTER TABLE shops ADD COLUMN offers_pickup_balai BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE shops ADD COLUMN delivery_fee_rupiah BIGINT CHECK (delivery_fee_rupiah IS NULL OR delivery_fee_rupiah >= 0);
-- Bank transfer: the account the buyer pays into ("BRI 0123… a.n. Sulastri"); NULL = cash only.
ALTER TABLE shops ADD COLUMN bank_account TEXT;
ALTER TABLE shops ADD COLUMN photo_id INTEGER REFERENCES photos (id);
ALTER TABLE shops ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
-- One shop per person (shops the village set up without an owner account are exempt).
CREATE UNIQUE INDEX shops_one_per_owner ON shops (owner_account_id) WHERE owner_account_id IS NOT NULL;

ALTER TABLE products ADD COLUMN description_id TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN description_en TEXT;
-- A discount on every variant: a percentage (1–90) or an amount off.
ALTER TABLE products ADD COLUMN discount_kind TEXT CHECK (discount_kind IS NULL OR discount_kind IN ('percent', 'amount'));
ALTER TABLE products ADD COLUMN discount_value BIGINT CHECK (discount_value IS NULL OR discount_value > 0);
ALTER TABLE products ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX products_by_shop ON products (shop_id, status);

-- What is actually sold and counted: every product has at least one variant. A product without choices
-- has one unnamed variant (name_id = ''); "Size M" or "Motif kawung" are named variants with their own
-- stock and, optionally, their own price (NULL = the product's price). A variant that was ordered is never
-- deleted, only switched off, so old orders keep pointing at it.
CREATE TABLE product_variants (
    id              INTEGER PRIMARY KEY,
    product_id      INTEGER NOT NULL REFERENCES products (id),
    name_id         TEXT NOT NULL,
    name_en         TEXT,
    price_rupiah    BIGINT CHECK (price_rupiah IS NULL OR price_rupiah >= 0),
    stock           INTEGER NOT NULL CHECK (stock >= 0),
    is_active       BOOLEAN NOT NULL DEFAULT TRUE,
    position        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX product_variants_of_product ON product_variants (product_id, position);

-- Existing products get their unnamed variant holding their stock.
INSERT INTO product_variants (product_id, name_id, stock) SELECT id, '', stock FROM products;

-- products.stock is the sum of its active variants' stock, kept by the database itself so lists can
-- filter "in stock" and show "sold out" without a join.
CREATE TRIGGER product_stock_after_variant_insert AFTER INSERT ON product_variants BEGIN
    UPDATE products SET stock = (SELECT COALESCE(SUM(stock), 0) FROM product_variants
                                 WHERE product_id = NEW.product_id AND is_active)
    WHERE id = NEW.product_id;
END;
CREATE TRIGGER product_stock_after_variant_update AFTER UPDATE OF stock, is_active ON product_variants BEGIN
    UPDATE products SET stock = (SELECT COALESCE(SUM(stock), 0) FROM product_variants
                                 WHERE product_id = NEW.product_id AND is_active)
    WHERE id = NEW.product_id;
END;

CREATE TABLE product_photos (
    product_id  INTEGER NOT NULL REFERENCES products (id),
    photo_id    INTEGER NOT NULL REFERENCES photos (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (product_id, photo_id)
);
CREATE INDEX product_photos_in_order ON product_photos (product_id, position);

-- Payment proofs are personal: never served from the public /media path, only through the order page.
ALTER TABLE photos ADD COLUMN is_private BOOLEAN NOT NULL DEFAULT FALSE;

-- Word search over titles, descriptions and the shop's name. Prefix indexes make "bat" find "batik"
-- quickly; remove_diacritics lets "kopi" and "kopí" meet. Kept in step with products by triggers.
CREATE VIRTUAL TABLE products_fts USING fts5 (
    title_id, title_en, description_id, description_en, shop_name,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO products_fts (rowid, title_id, title_en, description_id, description_en, shop_name)
SELECT p.id, p.title_id, COALESCE(p.title_en, ''), p.description_id, COALESCE(p.description_en, ''), s.name
FROM products p JOIN shops s ON s.id = p.shop_id;

CREATE TRIGGER products_fts_after_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, title_id, title_en, description_id, description_en, shop_name)
    VALUES (NEW.id, NEW.title_id, COALESCE(NEW.title_en, ''), NEW.description_id, COALESCE(NEW.description_en, ''),
            (SELECT name FROM shops WHERE id = NEW.shop_id));
END;
CREATE TRIGGER products_fts_after_update AFTER UPDATE OF title_id, title_en, description_id, description_en ON products BEGIN
    DELETE FROM products_fts WHERE rowid = OLD.id;
    INSERT INTO products_fts (rowid, title_id, title_en, description_id, description_en, shop_name)
    VALUES (NEW.id, NEW.title_id, COALESCE(NEW.title_en, ''), NEW.description_id, COALESCE(NEW.description_en, ''),
            (SELECT name FROM shops WHERE id = NEW.shop_id));
END;
CREATE TRIGGER products_fts_after_shop_rename AFTER UPDATE OF name ON shops BEGIN
    UPDATE products_fts SET shop_name = NEW.name
    WHERE rowid IN (SELECT id FROM products WHERE shop_id = NEW.id);
END;

-- The cart lives in the account (any device, survives sign-out), one row per variant.
CREATE TABLE cart_items (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    variant_id  INTEGER NOT NULL REFERENCES product_variants (id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    added_at    BIGINT NOT NULL,
    PRIMARY KEY (account_id, variant_id)
);

-- One order per shop per checkout. Totals are computed on the server at checkout and frozen here.
CREATE TABLE orders (
    id                      INTEGER PRIMARY KEY,
    code                    TEXT NOT NULL UNIQUE,
    buyer_account_id        INTEGER NOT NULL REFERENCES accounts (id),
    shop_id                 INTEGER NOT NULL REFERENCES shops (id),
    status                  TEXT NOT NULL CHECK (status IN ('placed', 'confirmed', 'declined', 'paid', 'ready',
                                                            'delivering', 'completed', 'cancelled')),
    fulfilment              TEXT NOT NULL CHECK (fulfilment IN ('pickup_seller', 'pickup_balai', 'delivery')),
    payment                 TEXT NOT NULL CHECK (payment IN ('cash', 'transfer')),
    delivery_address        TEXT,
    note                    TEXT,
    subtotal_rupiah         BIGINT NOT NULL CHECK (subtotal_rupiah >= 0),
    delivery_fee_rupiah     BIGINT NOT NULL CHECK (delivery_fee_rupiah >= 0),
    total_rupiah            BIGINT NOT NULL CHECK (total_rupiah >= 0),
    payment_proof_photo_id  INTEGER REFERENCES photos (id),
    placed_at               BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL
);
CREATE INDEX orders_of_buyer ON orders (buyer_account_id, placed_at);
CREATE INDEX orders_of_shop ON orders (shop_id, status, placed_at);

-- What was bought, at the price of the moment (titles copied so a renamed product keeps old orders true).
CREATE TABLE order_items (
    order_id            INTEGER NOT NULL REFERENCES orders (id),
    variant_id          INTEGER NOT NULL REFERENCES product_variants (id),
    product_id          INTEGER NOT NULL REFERENCES products (id),
    title_id            TEXT NOT NULL,
    title_en            TEXT,
    variant_name        TEXT NOT NULL,
    unit_price_rupiah   BIGINT NOT NULL CHECK (unit_price_rupiah >= 0),
    quantity            INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, variant_id)
);
CREATE INDEX order_items_by_product ON order_items (product_id);

-- The timeline: every change of state, who made it, when, and the note (a decline's reason).
CREATE TABLE order_events (
    id                  INTEGER PRIMARY KEY,
    order_id            INTEGER NOT NULL REFERENCES orders (id),
    status              TEXT NOT NULL,
    actor_account_id    INTEGER REFERENCES accounts (id),
    note                TEXT,
    at                  BIGINT NOT NULL
);
CREATE INDEX order_events_of_order ON order_events (order_id, at);

-- One review per completed order; it counts for the shop and for every product in the order.
CREATE TABLE reviews (
    order_id    INTEGER PRIMARY KEY REFERENCES orders (id),
    shop_id     INTEGER NOT NULL REFERENCES shops (id),
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    stars       INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    body        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX reviews_of_shop ON reviews (shop_id, created_at);
