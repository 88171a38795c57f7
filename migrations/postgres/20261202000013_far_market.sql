-- The far-away market (issue 19): courier shipping with tracking, QRIS, search that understands
-- Indonesian. The same schema as SQLite's migration of the same name.

-- How a shop ships by courier, as one JSON document read and written whole by `pasar::shipping`.
ALTER TABLE shops ADD COLUMN shipping TEXT;
-- The shop's static QRIS code (a private photo, cropped square).
ALTER TABLE shops ADD COLUMN qris_photo_id BIGINT REFERENCES photos (id);
-- Grams of one unit, for postage by weight.
ALTER TABLE products ADD COLUMN weight_grams BIGINT CHECK (weight_grams IS NULL OR weight_grams > 0);
-- The roots of the product's words, computed by the application (NULL until then).
ALTER TABLE products ADD COLUMN search_stems TEXT;

-- Courier orders add "shipped" and "received"; QRIS joins the payments.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('placed', 'confirmed', 'declined', 'paid',
    'ready', 'delivering', 'shipped', 'received', 'completed', 'cancelled'));
ALTER TABLE orders DROP CONSTRAINT orders_fulfilment_check;
ALTER TABLE orders ADD CONSTRAINT orders_fulfilment_check
    CHECK (fulfilment IN ('pickup_seller', 'pickup_balai', 'delivery', 'courier'));
ALTER TABLE orders DROP CONSTRAINT orders_payment_check;
ALTER TABLE orders ADD CONSTRAINT orders_payment_check CHECK (payment IN ('cash', 'transfer', 'qris'));
ALTER TABLE orders ADD COLUMN ship_country TEXT;
ALTER TABLE orders ADD COLUMN courier TEXT;
ALTER TABLE orders ADD COLUMN tracking_number TEXT;
ALTER TABLE orders ADD COLUMN receive_by BIGINT;
CREATE INDEX orders_to_receive ON orders (receive_by) WHERE status = 'shipped';

-- The word index includes the stems (weight B, with the shop's name): "membatik" is searched as
-- "batik" too.
CREATE FUNCTION sk_product_search_text(title_id TEXT, title_en TEXT, description_id TEXT,
                                       description_en TEXT, shop_name TEXT, stems TEXT) RETURNS TSVECTOR
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT sk_product_search_text(title_id, title_en, description_id, description_en, shop_name)
        || setweight(to_tsvector('simple', COALESCE(stems, '')), 'B')
$$;

CREATE OR REPLACE FUNCTION sk_products_before_write() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    NEW.sort_price := sk_discounted(sk_cheapest(NEW.id, NEW.price_rupiah), NEW.discount_kind, NEW.discount_value);
    NEW.listed := NEW.status = 'active'
        AND (SELECT status FROM shops WHERE id = NEW.shop_id) = 'approved';
    NEW.search_text := sk_product_search_text(NEW.title_id, NEW.title_en, NEW.description_id,
        NEW.description_en, (SELECT name FROM shops WHERE id = NEW.shop_id), NEW.search_stems);
    RETURN NEW;
END $$;
DROP TRIGGER products_derived_on_update ON products;
CREATE TRIGGER products_derived_on_update BEFORE UPDATE OF price_rupiah, discount_kind, discount_value, status,
    shop_id, title_id, title_en, description_id, description_en, search_stems ON products
    FOR EACH ROW EXECUTE FUNCTION sk_products_before_write();

CREATE OR REPLACE FUNCTION sk_shops_after_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        UPDATE products SET listed = (status = 'active' AND NEW.status = 'approved') WHERE shop_id = NEW.id;
    END IF;
    IF NEW.name IS DISTINCT FROM OLD.name THEN
        UPDATE products SET search_text = sk_product_search_text(title_id, title_en, description_id,
            description_en, NEW.name, search_stems) WHERE shop_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE INDEX products_unstemmed ON products (id) WHERE search_stems IS NULL;
-- The shop directory: approved shops by name, within a village, and whether a shop sells in a category.
CREATE INDEX shops_approved_by_name ON shops (status, name, id);
CREATE INDEX shops_approved_by_village ON shops (status, village_id, name);
CREATE INDEX products_of_shop_by_category ON products (shop_id, category, listed);
