-- The market at a regency's size (100 000 products): a page is chosen from columns of `products` through an
-- index, then only its twenty cards are built. Sorting by price or rating used to compute every product's card
-- first; the price a buyer pays (cheapest active variant, after the discount) and the review totals are now
-- kept on the product by triggers, the same rule as `pasar::pricing::discounted` (the test
-- `sort_price_is_the_card_price` keeps them in step).

ALTER TABLE products ADD COLUMN sort_price BIGINT NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
-- NULL until the first review, so "best rated" puts unrated products last through the index.
ALTER TABLE products ADD COLUMN rating_average REAL;

UPDATE products SET sort_price = CASE products.discount_kind
        WHEN 'percent' THEN COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - (COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) * products.discount_value + 50) / 100
        WHEN 'amount' THEN MAX(COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - products.discount_value, 0)
        ELSE COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) END;

UPDATE products SET
    rating_count = (SELECT COUNT(*) FROM reviews r
                    WHERE r.order_id IN (SELECT oi.order_id FROM order_items oi WHERE oi.product_id = products.id)),
    rating_sum = COALESCE((SELECT SUM(r.stars) FROM reviews r
                    WHERE r.order_id IN (SELECT oi.order_id FROM order_items oi WHERE oi.product_id = products.id)), 0);
UPDATE products SET rating_average = CAST(rating_sum AS REAL) / rating_count WHERE rating_count > 0;

CREATE TRIGGER products_sort_price_after_insert AFTER INSERT ON products BEGIN
    UPDATE products SET sort_price = CASE products.discount_kind
        WHEN 'percent' THEN COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - (COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) * products.discount_value + 50) / 100
        WHEN 'amount' THEN MAX(COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - products.discount_value, 0)
        ELSE COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) END
    WHERE id = NEW.id;
END;
CREATE TRIGGER products_sort_price_after_price_change AFTER UPDATE OF price_rupiah, discount_kind, discount_value ON products BEGIN
    UPDATE products SET sort_price = CASE products.discount_kind
        WHEN 'percent' THEN COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - (COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) * products.discount_value + 50) / 100
        WHEN 'amount' THEN MAX(COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - products.discount_value, 0)
        ELSE COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) END
    WHERE id = NEW.id;
END;
CREATE TRIGGER products_sort_price_after_variant_insert AFTER INSERT ON product_variants BEGIN
    UPDATE products SET sort_price = CASE products.discount_kind
        WHEN 'percent' THEN COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - (COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) * products.discount_value + 50) / 100
        WHEN 'amount' THEN MAX(COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - products.discount_value, 0)
        ELSE COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) END
    WHERE id = NEW.product_id;
END;
CREATE TRIGGER products_sort_price_after_variant_update AFTER UPDATE OF price_rupiah, is_active ON product_variants BEGIN
    UPDATE products SET sort_price = CASE products.discount_kind
        WHEN 'percent' THEN COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - (COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) * products.discount_value + 50) / 100
        WHEN 'amount' THEN MAX(COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) - products.discount_value, 0)
        ELSE COALESCE((SELECT MIN(COALESCE(pv.price_rupiah, products.price_rupiah)) FROM product_variants pv WHERE pv.product_id = products.id AND pv.is_active), products.price_rupiah) END
    WHERE id = NEW.product_id;
END;

CREATE TRIGGER products_rating_after_review AFTER INSERT ON reviews BEGIN
    UPDATE products SET rating_count = rating_count + 1, rating_sum = rating_sum + NEW.stars,
                        rating_average = CAST(rating_sum + NEW.stars AS REAL) / (rating_count + 1)
    WHERE id IN (SELECT product_id FROM order_items WHERE order_id = NEW.order_id);
END;

-- Whether a product is on sale (active, and its shop approved), kept by triggers: every market query
-- filters on it through one index per way of listing, without looking at the shop of each candidate.
ALTER TABLE products ADD COLUMN listed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE products SET listed = (status = 'active' AND (SELECT status FROM shops WHERE id = products.shop_id) = 'approved');

CREATE TRIGGER products_listed_after_insert AFTER INSERT ON products BEGIN
    UPDATE products SET listed = (NEW.status = 'active'
        AND (SELECT status FROM shops WHERE id = NEW.shop_id) = 'approved')
    WHERE id = NEW.id;
END;
CREATE TRIGGER products_listed_after_status_change AFTER UPDATE OF status, shop_id ON products BEGIN
    UPDATE products SET listed = (NEW.status = 'active'
        AND (SELECT status FROM shops WHERE id = NEW.shop_id) = 'approved')
    WHERE id = NEW.id;
END;
CREATE TRIGGER products_listed_after_shop_decision AFTER UPDATE OF status ON shops BEGIN
    UPDATE products SET listed = (status = 'active' AND NEW.status = 'approved')
    WHERE shop_id = NEW.id;
END;

-- One index per way of listing: newest, cheapest/dearest, best rated, by category, and a shop's own
-- products newest first ("more from this shop", the shop page).
CREATE INDEX products_listed_newest ON products (listed, created_at);
CREATE INDEX products_listed_by_price ON products (listed, sort_price, id);
CREATE INDEX products_listed_by_rating ON products (listed, rating_average DESC, rating_count DESC, created_at DESC);
CREATE INDEX products_listed_by_category ON products (listed, category, created_at);
DROP INDEX products_by_shop;
CREATE INDEX products_of_shop_newest ON products (shop_id, listed, created_at);
-- The market's village filter and the village page start from the village's shops.
CREATE INDEX shops_of_village ON shops (village_id, status);

-- Budaya: the tag filter's list reads distinct tag lists from this index instead of every listing; places
-- (listings without dates) are listed by kind and title.
CREATE INDEX events_published_tags ON events (status, tags);
CREATE INDEX events_by_kind ON events (kind, status, title_id);

-- A search checks each full-text match's product; this covers every column it filters and sorts by, so a
-- match costs an index lookup instead of reading the product's whole row (descriptions and all).
CREATE INDEX products_market_columns ON products (id, listed, shop_id, category, stock, sort_price, created_at,
                                                  rating_average, rating_count);
