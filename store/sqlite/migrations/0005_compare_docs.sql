-- Parallax store, schema version 5: each document's records for a
-- comparison, encoded once when the document is stored (compare_docs), so
-- that a comparison over a million claims adds tens of thousands of
-- encoded documents rather than decoding and numbering every claim (see
-- compare.AppendDocument and store/sqlite/compare.go).
--
-- The store writes a document's encoding after its claims and events.
-- Whoever changes a document's claims or events afterwards makes its
-- encoding stale: triggers drop it and list the document in
-- compare_stale, whose documents a comparison reads from the claim and
-- event tables instead. Documents stored before this version start out
-- stale.

CREATE TABLE compare_docs (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    published   TEXT NOT NULL DEFAULT '',
    data        BLOB NOT NULL
);
CREATE INDEX compare_docs_published ON compare_docs (published);

CREATE TABLE compare_stale (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE
);

CREATE TRIGGER compare_claims_insert AFTER INSERT ON claims BEGIN
    DELETE FROM compare_docs WHERE document_id = new.document_id;
    INSERT OR IGNORE INTO compare_stale (document_id) VALUES (new.document_id);
END;

CREATE TRIGGER compare_claims_update AFTER UPDATE ON claims BEGIN
    DELETE FROM compare_docs WHERE document_id IN (old.document_id, new.document_id);
    INSERT OR IGNORE INTO compare_stale (document_id) VALUES (old.document_id), (new.document_id);
END;

-- A document being deleted takes its claims with it: it is not listed.
CREATE TRIGGER compare_claims_delete AFTER DELETE ON claims BEGIN
    DELETE FROM compare_docs WHERE document_id = old.document_id;
    INSERT OR IGNORE INTO compare_stale (document_id)
    SELECT id FROM documents WHERE id = old.document_id;
END;

CREATE TRIGGER compare_events_insert AFTER INSERT ON events BEGIN
    DELETE FROM compare_docs WHERE document_id = new.document_id;
    INSERT OR IGNORE INTO compare_stale (document_id) VALUES (new.document_id);
END;

CREATE TRIGGER compare_events_update AFTER UPDATE ON events BEGIN
    DELETE FROM compare_docs WHERE document_id IN (old.document_id, new.document_id);
    INSERT OR IGNORE INTO compare_stale (document_id) VALUES (old.document_id), (new.document_id);
END;

CREATE TRIGGER compare_events_delete AFTER DELETE ON events BEGIN
    DELETE FROM compare_docs WHERE document_id = old.document_id;
    INSERT OR IGNORE INTO compare_stale (document_id)
    SELECT id FROM documents WHERE id = old.document_id;
END;

INSERT INTO compare_stale (document_id) SELECT id FROM documents;
