-- Parallax store, schema version 4: each event carries its places with
-- their coordinates (place_pack), so that a comparison reads the events
-- without joining them to every place of every document (see
-- store/sqlite/compare.go). A trigger fills the pack when an event is
-- stored; the store writes a document's entities before its events. The
-- claim packs get an index that covers their count by date.
--
-- A place pack holds the event's places in the order of `places`, each as
-- 5 fields: name, lat, lon, country, admin1, in the field format of claim
-- packs (0003_claim_packs.sql): '-' for NULL, else the length in bytes,
-- ':' and the text.

ALTER TABLE events ADD COLUMN place_pack TEXT NOT NULL DEFAULT '';

CREATE TRIGGER events_place_pack AFTER INSERT ON events BEGIN
    UPDATE events SET place_pack = (
        SELECT COALESCE(group_concat(f, ''), '') FROM (
            SELECT COALESCE(length(CAST(p.name AS BLOB)) || ':' || p.name, '-') ||
                COALESCE(length(CAST(CAST(p.lat AS TEXT) AS BLOB)) || ':' || CAST(p.lat AS TEXT), '-') ||
                COALESCE(length(CAST(CAST(p.lon AS TEXT) AS BLOB)) || ':' || CAST(p.lon AS TEXT), '-') ||
                COALESCE(length(CAST(p.country AS BLOB)) || ':' || p.country, '-') ||
                COALESCE(length(CAST(p.admin1 AS BLOB)) || ':' || p.admin1, '-') AS f
            FROM json_each(new.places) j
            JOIN entities p ON p.document_id = new.document_id AND p.entity_id = j.value
            ORDER BY j.key))
    WHERE document_id = new.document_id AND event_id = new.event_id;
END;

-- Events stored before this version.
UPDATE events SET place_pack = (
    SELECT COALESCE(group_concat(f, ''), '') FROM (
        SELECT COALESCE(length(CAST(p.name AS BLOB)) || ':' || p.name, '-') ||
            COALESCE(length(CAST(CAST(p.lat AS TEXT) AS BLOB)) || ':' || CAST(p.lat AS TEXT), '-') ||
            COALESCE(length(CAST(CAST(p.lon AS TEXT) AS BLOB)) || ':' || CAST(p.lon AS TEXT), '-') ||
            COALESCE(length(CAST(p.country AS BLOB)) || ':' || p.country, '-') ||
            COALESCE(length(CAST(p.admin1 AS BLOB)) || ':' || p.admin1, '-') AS f
        FROM json_each(events.places) j
        JOIN entities p ON p.document_id = events.document_id AND p.entity_id = j.value
        ORDER BY j.key));

-- The number of claims by date, read from the index alone (SizeHint).
DROP INDEX claim_packs_published;
CREATE INDEX claim_packs_claims ON claim_packs (published, claims);
