-- Parallax store, schema version 2: full-text search. SQLite only (FTS5);
-- the PostgreSQL store uses a tsvector column and a GIN index instead.
--
-- The index is external-content: it refers to documents by seq and reads
-- title and text from there for snippets. Put indexes the documents of a
-- batch with one statement at its end (search.go: indexing row by row would
-- flush the index at every statement); triggers keep it in step when
-- documents are deleted or changed.

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title,
    text,
    content = 'documents',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Rank by BM25 with a match in the title worth four in the text.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- Existing rows, for a database that had documents before this version.
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
