-- Trust fixes. A letter names the resident by the identity the village verified, captured when the
-- request was submitted (the account's display name can be changed at any time).
ALTER TABLE service_requests ADD COLUMN holder_legal_name TEXT;
UPDATE service_requests SET holder_legal_name = (
    SELECT v.full_name FROM resident_verifications v
    WHERE v.account_id = service_requests.account_id AND v.status = 'verified'
);

-- Failed sign-ins per phone number and client (a device cookie, or the IP without one): a client that
-- keeps failing is slowed down; nobody else is, and a correct password is never refused for them.
CREATE TABLE sign_in_failures (
    phone           TEXT NOT NULL,
    client          TEXT NOT NULL,
    failures        INTEGER NOT NULL,
    last_failed_at  BIGINT NOT NULL,
    PRIMARY KEY (phone, client)
);

-- Browsers that signed in to an account before (the SHA-256 of their device cookie): they are never
-- slowed down by failures elsewhere.
CREATE TABLE known_devices (
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    device_hash     TEXT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    PRIMARY KEY (account_id, device_hash)
);

-- A new name for an approved shop waits for the village's decision; the approved name stays public.
ALTER TABLE shops ADD COLUMN pending_name TEXT;
