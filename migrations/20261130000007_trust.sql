-- Trust fixes. A letter names the resident by the identity the village verified, captured when the
-- request was submitted (the account's display name can be changed at any time).
ALTER TABLE service_requests ADD COLUMN holder_legal_name TEXT;
UPDATE service_requests SET holder_legal_name = (
    SELECT v.full_name FROM resident_verifications v
    WHERE v.account_id = service_requests.account_id AND v.status = 'verified'
);
