-- Parallax store, schema version 3: the claims of each document packed into
-- one row, so that a comparison over a million claims reads tens of
-- thousands of rows rather than a million (see store/sqlite/compare.go).
-- Triggers keep the packs in step with the claims table, whoever writes it.
--
-- A pack is the document's claims in the order they were stored, each as
-- 16 fields in a row: claim_id, metric, low, high, approx, unit, about,
-- side, speaker_id, speaker_name, via, evidence, flags (1 hedged, 2 a
-- breakdown, 4 a running total, 8 an increment), event_id, span_start,
-- text. A field is '-' for NULL, else its length in bytes, ':' and its
-- text ("6:killed").

CREATE TABLE claim_packs (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    published   TEXT NOT NULL DEFAULT '',
    outlet      TEXT NOT NULL DEFAULT '',
    -- The number of claims packed.
    claims      INTEGER NOT NULL,
    pack        TEXT NOT NULL
);
CREATE INDEX claim_packs_published ON claim_packs (published);

CREATE TRIGGER claim_packs_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claim_packs (document_id, published, outlet, claims, pack)
    VALUES (new.document_id, new.published, new.outlet, 1,
        COALESCE(length(CAST(new.claim_id AS BLOB)) || ':' || new.claim_id, '-') ||
        COALESCE(length(CAST(new.metric AS BLOB)) || ':' || new.metric, '-') ||
        COALESCE(length(CAST(CAST(new.low AS TEXT) AS BLOB)) || ':' || CAST(new.low AS TEXT), '-') ||
        COALESCE(length(CAST(CAST(new.high AS TEXT) AS BLOB)) || ':' || CAST(new.high AS TEXT), '-') ||
        COALESCE(length(CAST(new.approx AS BLOB)) || ':' || new.approx, '-') ||
        COALESCE(length(CAST(new.unit AS BLOB)) || ':' || new.unit, '-') ||
        COALESCE(length(CAST(new.about AS BLOB)) || ':' || new.about, '-') ||
        COALESCE(length(CAST(new.side AS BLOB)) || ':' || new.side, '-') ||
        COALESCE(length(CAST(new.speaker_id AS BLOB)) || ':' || new.speaker_id, '-') ||
        COALESCE(length(CAST(new.speaker_name AS BLOB)) || ':' || new.speaker_name, '-') ||
        COALESCE(length(CAST(new.via AS BLOB)) || ':' || new.via, '-') ||
        COALESCE(length(CAST(new.evidence AS BLOB)) || ':' || new.evidence, '-') ||
        COALESCE(length(CAST(CAST((new.hedged <> 0) + 2 * (new.breakdown IS NOT NULL) + 4 * (new.is_total <> 0) + 8 * (new.increment <> 0) AS TEXT) AS BLOB)) || ':' || CAST((new.hedged <> 0) + 2 * (new.breakdown IS NOT NULL) + 4 * (new.is_total <> 0) + 8 * (new.increment <> 0) AS TEXT), '-') ||
        COALESCE(length(CAST(new.event_id AS BLOB)) || ':' || new.event_id, '-') ||
        COALESCE(length(CAST(CAST(new.span_start AS TEXT) AS BLOB)) || ':' || CAST(new.span_start AS TEXT), '-') ||
        COALESCE(length(CAST(new.text AS BLOB)) || ':' || new.text, '-'))
    ON CONFLICT (document_id) DO UPDATE SET claims = claims + 1, pack = pack || excluded.pack;
END;

CREATE TRIGGER claim_packs_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_packs WHERE document_id = old.document_id;
    INSERT INTO claim_packs (document_id, published, outlet, claims, pack)
    SELECT document_id, min(published), min(outlet), count(*), group_concat(
        COALESCE(length(CAST(claim_id AS BLOB)) || ':' || claim_id, '-') ||
            COALESCE(length(CAST(metric AS BLOB)) || ':' || metric, '-') ||
            COALESCE(length(CAST(CAST(low AS TEXT) AS BLOB)) || ':' || CAST(low AS TEXT), '-') ||
            COALESCE(length(CAST(CAST(high AS TEXT) AS BLOB)) || ':' || CAST(high AS TEXT), '-') ||
            COALESCE(length(CAST(approx AS BLOB)) || ':' || approx, '-') ||
            COALESCE(length(CAST(unit AS BLOB)) || ':' || unit, '-') ||
            COALESCE(length(CAST(about AS BLOB)) || ':' || about, '-') ||
            COALESCE(length(CAST(side AS BLOB)) || ':' || side, '-') ||
            COALESCE(length(CAST(speaker_id AS BLOB)) || ':' || speaker_id, '-') ||
            COALESCE(length(CAST(speaker_name AS BLOB)) || ':' || speaker_name, '-') ||
            COALESCE(length(CAST(via AS BLOB)) || ':' || via, '-') ||
            COALESCE(length(CAST(evidence AS BLOB)) || ':' || evidence, '-') ||
            COALESCE(length(CAST(CAST((hedged <> 0) + 2 * (breakdown IS NOT NULL) + 4 * (is_total <> 0) + 8 * (increment <> 0) AS TEXT) AS BLOB)) || ':' || CAST((hedged <> 0) + 2 * (breakdown IS NOT NULL) + 4 * (is_total <> 0) + 8 * (increment <> 0) AS TEXT), '-') ||
            COALESCE(length(CAST(event_id AS BLOB)) || ':' || event_id, '-') ||
            COALESCE(length(CAST(CAST(span_start AS TEXT) AS BLOB)) || ':' || CAST(span_start AS TEXT), '-') ||
            COALESCE(length(CAST(text AS BLOB)) || ':' || text, '-'),
        '' ORDER BY rowid)
    FROM claims
    WHERE document_id = old.document_id AND EXISTS (SELECT 1 FROM documents d WHERE d.id = old.document_id)
    GROUP BY document_id;
END;

CREATE TRIGGER claim_packs_update AFTER UPDATE ON claims BEGIN
    DELETE FROM claim_packs WHERE document_id = old.document_id;
    INSERT INTO claim_packs (document_id, published, outlet, claims, pack)
    SELECT document_id, min(published), min(outlet), count(*), group_concat(
        COALESCE(length(CAST(claim_id AS BLOB)) || ':' || claim_id, '-') ||
            COALESCE(length(CAST(metric AS BLOB)) || ':' || metric, '-') ||
            COALESCE(length(CAST(CAST(low AS TEXT) AS BLOB)) || ':' || CAST(low AS TEXT), '-') ||
            COALESCE(length(CAST(CAST(high AS TEXT) AS BLOB)) || ':' || CAST(high AS TEXT), '-') ||
            COALESCE(length(CAST(approx AS BLOB)) || ':' || approx, '-') ||
            COALESCE(length(CAST(unit AS BLOB)) || ':' || unit, '-') ||
            COALESCE(length(CAST(about AS BLOB)) || ':' || about, '-') ||
            COALESCE(length(CAST(side AS BLOB)) || ':' || side, '-') ||
            COALESCE(length(CAST(speaker_id AS BLOB)) || ':' || speaker_id, '-') ||
            COALESCE(length(CAST(speaker_name AS BLOB)) || ':' || speaker_name, '-') ||
            COALESCE(length(CAST(via AS BLOB)) || ':' || via, '-') ||
            COALESCE(length(CAST(evidence AS BLOB)) || ':' || evidence, '-') ||
            COALESCE(length(CAST(CAST((hedged <> 0) + 2 * (breakdown IS NOT NULL) + 4 * (is_total <> 0) + 8 * (increment <> 0) AS TEXT) AS BLOB)) || ':' || CAST((hedged <> 0) + 2 * (breakdown IS NOT NULL) + 4 * (is_total <> 0) + 8 * (increment <> 0) AS TEXT), '-') ||
            COALESCE(length(CAST(event_id AS BLOB)) || ':' || event_id, '-') ||
            COALESCE(length(CAST(CAST(span_start AS TEXT) AS BLOB)) || ':' || CAST(span_start AS TEXT), '-') ||
            COALESCE(length(CAST(text AS BLOB)) || ':' || text, '-'),
        '' ORDER BY rowid)
    FROM claims
    WHERE document_id = old.document_id AND EXISTS (SELECT 1 FROM documents d WHERE d.id = old.document_id)
    GROUP BY document_id;
    DELETE FROM claim_packs WHERE document_id = new.document_id;
    INSERT INTO claim_packs (document_id, published, outlet, claims, pack)
    SELECT document_id, min(published), min(outlet), count(*), group_concat(
        COALESCE(length(CAST(claim_id AS BLOB)) || ':' || claim_id, '-') ||
            COALESCE(length(CAST(metric AS BLOB)) || ':' || metric, '-') ||
            COALESCE(length(CAST(CAST(low AS TEXT) AS BLOB)) || ':' || CAST(low AS TEXT), '-') ||
            COALESCE(length(CAST(CAST(high AS TEXT) AS BLOB)) || ':' || CAST(high AS TEXT), '-') ||
            COALESCE(length(CAST(approx AS BLOB)) || ':' || approx, '-') ||
            COALESCE(length(CAST(unit AS BLOB)) || ':' || unit, '-') ||
            COALESCE(length(CAST(about AS BLOB)) || ':' || about, '-') ||
            COALESCE(length(CAST(side AS BLOB)) || ':' || side, '-') ||
            COALESCE(length(CAST(speaker_id AS BLOB)) || ':' || speaker_id, '-') ||
            COALESCE(length(CAST(speaker_name AS BLOB)) || ':' || speaker_name, '-') ||
            COALESCE(length(CAST(via AS BLOB)) || ':' || via, '-') ||
            COALESCE(length(CAST(evidence AS BLOB)) || ':' || evidence, '-') ||
            COALESCE(length(CAST(CAST((hedged <> 0) + 2 * (breakdown IS NOT NULL) + 4 * (is_total <> 0) + 8 * (increment <> 0) AS TEXT) AS BLOB)) || ':' || CAST((hedged <> 0) + 2 * (breakdown IS NOT NULL) + 4 * (is_total <> 0) + 8 * (increment <> 0) AS TEXT), '-') ||
            COALESCE(length(CAST(event_id AS BLOB)) || ':' || event_id, '-') ||
            COALESCE(length(CAST(CAST(span_start AS TEXT) AS BLOB)) || ':' || CAST(span_start AS TEXT), '-') ||
            COALESCE(length(CAST(text AS BLOB)) || ':' || text, '-'),
        '' ORDER BY rowid)
    FROM claims
    WHERE document_id = new.document_id AND EXISTS (SELECT 1 FROM documents d WHERE d.id = new.document_id)
    GROUP BY document_id;
END;

-- Existing claims, for a database that had some before this version.
INSERT INTO claim_packs (document_id, published, outlet, claims, pack)
SELECT document_id, min(published), min(outlet), count(*), group_concat(
        COALESCE(length(CAST(claim_id AS BLOB)) || ':' || claim_id, '-') ||
        COALESCE(length(CAST(metric AS BLOB)) || ':' || metric, '-') ||
        COALESCE(length(CAST(CAST(low AS TEXT) AS BLOB)) || ':' || CAST(low AS TEXT), '-') ||
        COALESCE(length(CAST(CAST(high AS TEXT) AS BLOB)) || ':' || CAST(high AS TEXT), '-') ||
        COALESCE(length(CAST(approx AS BLOB)) || ':' || approx, '-') ||
        COALESCE(length(CAST(unit AS BLOB)) || ':' || unit, '-') ||
        COALESCE(length(CAST(about AS BLOB)) || ':' || about, '-') ||
        COALESCE(length(CAST(side AS BLOB)) || ':' || side, '-') ||
        COALESCE(length(CAST(speaker_id AS BLOB)) || ':' || speaker_id, '-') ||
        COALESCE(length(CAST(speaker_name AS BLOB)) || ':' || speaker_name, '-') ||
        COALESCE(length(CAST(via AS BLOB)) || ':' || via, '-') ||
        COALESCE(length(CAST(evidence AS BLOB)) || ':' || evidence, '-') ||
        COALESCE(length(CAST(CAST((hedged <> 0) + 2 * (breakdown IS NOT NULL) + 4 * (is_total <> 0) + 8 * (increment <> 0) AS TEXT) AS BLOB)) || ':' || CAST((hedged <> 0) + 2 * (breakdown IS NOT NULL) + 4 * (is_total <> 0) + 8 * (increment <> 0) AS TEXT), '-') ||
        COALESCE(length(CAST(event_id AS BLOB)) || ':' || event_id, '-') ||
        COALESCE(length(CAST(CAST(span_start AS TEXT) AS BLOB)) || ':' || CAST(span_start AS TEXT), '-') ||
        COALESCE(length(CAST(text AS BLOB)) || ':' || text, '-'),
        '' ORDER BY rowid)
FROM claims
GROUP BY document_id;
