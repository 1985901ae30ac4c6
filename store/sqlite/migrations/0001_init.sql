-- Parallax store, schema version 1: documents, their analyses as JSON, and
-- the rows that the comparison across documents queries (entities, claims,
-- events). Portable SQL: the statements mean the same on PostgreSQL, where
-- seq is declared GENERATED ALWAYS AS IDENTITY instead.
--
-- Dates are TEXT in YYYY-MM-DD form ('' or NULL when unknown), so that they
-- sort and compare as strings on every database.

CREATE TABLE documents (
    -- seq numbers the rows in the order they were stored; the full-text
    -- index refers to it. SQLite assigns it (INTEGER PRIMARY KEY).
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    -- SHA-256 of the text, hex: the same text is stored once.
    content_hash      TEXT NOT NULL UNIQUE,
    source            TEXT NOT NULL DEFAULT '',
    outlet            TEXT NOT NULL DEFAULT '',
    url               TEXT NOT NULL DEFAULT '',
    published         TEXT NOT NULL DEFAULT '',
    lang              TEXT NOT NULL DEFAULT '',
    title             TEXT NOT NULL DEFAULT '',
    text              TEXT NOT NULL,
    -- 64-bit SimHash of the text (see store/simhash), as a signed integer.
    simhash           BIGINT NOT NULL,
    -- The earliest stored document this one nearly repeats, and their
    -- similarity in [0,1]; NULL for an original.
    near_duplicate_of TEXT REFERENCES documents (id) ON DELETE SET NULL,
    similarity        DOUBLE PRECISION,
    ingested_at       TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published, seq);
CREATE INDEX documents_outlet ON documents (lower(outlet), published);
CREATE INDEX documents_near_duplicate_of ON documents (near_duplicate_of);

-- The bands of each document's SimHash: two documents whose fingerprints
-- are near share at least one (band, value), so near-duplicate candidates
-- are found through this index rather than by a scan.
CREATE TABLE near_duplicate_bands (
    band        SMALLINT NOT NULL,
    value       INTEGER NOT NULL,
    simhash     BIGINT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (band, value, simhash, document_id)
);
CREATE INDEX near_duplicate_bands_document ON near_duplicate_bands (document_id);

-- The analysis of each document: the JSON output contract, without the
-- text (kept once, in documents).
CREATE TABLE analyses (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    analysis    TEXT NOT NULL
);

CREATE TABLE entities (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    side        TEXT,
    lat         DOUBLE PRECISION,
    lon         DOUBLE PRECISION,
    country     TEXT,
    admin1      TEXT,
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (document_id, entity_id)
);
CREATE INDEX entities_kind_name ON entities (kind, name);
CREATE INDEX entities_side ON entities (side, kind);

-- One row per claim, with what the comparison needs at hand: the event's
-- type and dates, the speaker's name, the document's date and outlet.
CREATE TABLE claims (
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_id     TEXT NOT NULL,
    metric       TEXT NOT NULL,
    low          DOUBLE PRECISION,
    high         DOUBLE PRECISION,
    approx       TEXT,
    unit         TEXT,
    about        TEXT,
    side         TEXT,
    speaker_id   TEXT,
    speaker_name TEXT,
    -- JSON array of the names the claim reached the article through.
    via          TEXT NOT NULL DEFAULT '[]',
    evidence     TEXT NOT NULL,
    hedged       BOOLEAN NOT NULL DEFAULT FALSE,
    attribution  TEXT,
    -- breakdown: the claim this one is a part of (not to be added to it);
    -- is_total: a running total that replaces earlier figures;
    -- increment: a figure that adds to an earlier one.
    breakdown    TEXT,
    is_total     BOOLEAN NOT NULL DEFAULT FALSE,
    increment    BOOLEAN NOT NULL DEFAULT FALSE,
    event_id     TEXT,
    event_type   TEXT,
    event_from   TEXT,
    event_to     TEXT,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    published    TEXT NOT NULL DEFAULT '',
    outlet       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, claim_id)
);
-- Covering the figures by side of a metric over a period, so that they are
-- read from the index alone.
CREATE INDEX claims_metric_event_date ON claims (metric, event_from, side, low, high);
CREATE INDEX claims_side_metric ON claims (side, metric, event_from);
CREATE INDEX claims_metric_published ON claims (metric, published);
CREATE INDEX claims_event_date ON claims (event_from);

CREATE TABLE events (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_id    TEXT NOT NULL,
    event_type  TEXT NOT NULL,
    date_from   TEXT,
    date_to     TEXT,
    -- Where the dates come from: 'text' or 'published'.
    date_source TEXT,
    acled       TEXT,
    -- JSON arrays: entity IDs of the places, their names, the parties.
    places      TEXT NOT NULL DEFAULT '[]',
    place_names TEXT NOT NULL DEFAULT '[]',
    actors      TEXT NOT NULL DEFAULT '[]',
    published   TEXT NOT NULL DEFAULT '',
    outlet      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, event_id)
);
CREATE INDEX events_type_date ON events (event_type, date_from);
CREATE INDEX events_date ON events (date_from);

-- The parties of each event, one row each, for queries by side.
CREATE TABLE event_actors (
    document_id TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    side        TEXT NOT NULL,
    PRIMARY KEY (document_id, event_id, side),
    FOREIGN KEY (document_id, event_id) REFERENCES events (document_id, event_id) ON DELETE CASCADE
);
CREATE INDEX event_actors_side ON event_actors (side);
