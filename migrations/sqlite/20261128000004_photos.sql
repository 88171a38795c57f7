-- Photos (processed WebP variants live in the photo store; rows name them) and their use by listings.
CREATE TABLE photos (
    id          INTEGER PRIMARY KEY,
    -- Content hash prefix: files are `{key}-{width}.webp`.
    key         TEXT NOT NULL UNIQUE,
    -- The stored widths, e.g. '320,640,1280'.
    widths      TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES accounts (id),
    created_at  BIGINT NOT NULL
);

CREATE TABLE event_photos (
    event_id    INTEGER NOT NULL REFERENCES events (id),
    photo_id    INTEGER NOT NULL REFERENCES photos (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (event_id, photo_id)
);
CREATE INDEX event_photos_in_order ON event_photos (event_id, position);
