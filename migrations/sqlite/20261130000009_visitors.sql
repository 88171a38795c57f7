-- Visitors (tourists) sign up without a home village: `accounts.home_village_id` becomes optional.
-- SQLite cannot drop a NOT NULL in place, and migrations run inside a transaction (where foreign keys
-- cannot be switched off). So: rename the table without rewriting the references other tables hold
-- (`legacy_alter_table`), create it anew under its name, copy every row with its id, drop the old copy
-- (nothing refers to it), and check that every reference still finds its account.
PRAGMA legacy_alter_table = ON;
ALTER TABLE accounts RENAME TO accounts_before_visitors;
CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    phone               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    email               TEXT,
    -- NULL for a visitor; a resident's village (letters, verification, opening a shop need one).
    home_village_id     INTEGER REFERENCES villages (id),
    password_hash       TEXT NOT NULL,
    -- Language for messages sent to the phone (the site itself follows the browser's cookie).
    locale              TEXT NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
    created_at          BIGINT NOT NULL
);
INSERT INTO accounts (id, phone, name, email, home_village_id, password_hash, locale, created_at)
    SELECT id, phone, name, email, home_village_id, password_hash, locale, created_at
    FROM accounts_before_visitors;
DROP TABLE accounts_before_visitors;
PRAGMA legacy_alter_table = OFF;
