package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// statements are the store's frequent statements, prepared once per
// connection (database/sql re-prepares them on each connection that needs
// them, and inside transactions through Tx.StmtContext).
type statements struct {
	byHash, idTaken, insertDocument, insertBands, insertAnalysis *sql.Stmt
	insertEntity, insertClaim, insertEvent, insertEventActor     *sql.Stmt
	insertCompareDoc, clearStale                                 *sql.Stmt
	candidates, rootOf, clusterOf, relink, get                   *sql.Stmt
}

func (st *statements) prepare(ctx context.Context, db *sql.DB) error {
	bandRows, bandQuery := "", ""
	for i := range bandCount {
		if i > 0 {
			bandRows += ", "
			bandQuery += "\nUNION "
		}
		bandRows += "(?, ?, ?, ?)"
		bandQuery += "SELECT document_id, simhash FROM near_duplicate_bands WHERE band = ? AND value = ?"
	}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&st.byHash, `SELECT id, COALESCE(near_duplicate_of, ''), COALESCE(similarity, 0) FROM documents WHERE content_hash = ?`},
		{&st.idTaken, `SELECT COUNT(*) FROM documents WHERE id = ?`},
		{&st.insertDocument, `INSERT INTO documents (id, content_hash, source, outlet, url, published, lang, title, text, simhash, near_duplicate_of, similarity, ingested_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.insertBands, `INSERT INTO near_duplicate_bands (band, value, simhash, document_id) VALUES ` + bandRows},
		{&st.insertAnalysis, `INSERT INTO analyses (document_id, analysis) VALUES (?, ?)`},
		{&st.insertEntity, `INSERT INTO entities (document_id, entity_id, kind, name, role, side, lat, lon, country, admin1, mentions)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.insertClaim, `INSERT INTO claims (document_id, claim_id, metric, low, high, approx, unit, about, side, speaker_id, speaker_name, via,
    evidence, hedged, attribution, breakdown, is_total, increment, event_id, event_type, event_from, event_to,
    span_start, span_end, text, published, outlet)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.insertEvent, `INSERT INTO events (document_id, event_id, event_type, date_from, date_to, date_source, acled,
    places, place_names, actors, published, outlet)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.insertEventActor, `INSERT INTO event_actors (document_id, event_id, side) VALUES (?, ?, ?)`},
		{&st.insertCompareDoc, `INSERT OR REPLACE INTO compare_docs (document_id, published, data) VALUES (?, ?, ?)`},
		{&st.clearStale, `DELETE FROM compare_stale WHERE document_id = ?`},
		{&st.candidates, bandQuery},
		// The original a document belongs to (itself when it is one), with
		// what decides which original is the earliest.
		{&st.rootOf, `SELECT r.id, r.simhash, r.published, r.seq
FROM documents d JOIN documents r ON r.id = COALESCE(d.near_duplicate_of, d.id)
WHERE d.id = ?`},
		{&st.clusterOf, `SELECT id, simhash FROM documents WHERE id = ? OR near_duplicate_of = ?`},
		{&st.relink, `UPDATE documents SET near_duplicate_of = ?, similarity = ? WHERE id = ?`},
		{&st.get, `SELECT d.id, d.source, d.outlet, d.url, d.published, d.lang, d.title, d.text, a.analysis
FROM documents d JOIN analyses a ON a.document_id = d.id WHERE d.id = ?`},
	} {
		s, err := db.PrepareContext(ctx, p.sql)
		if err != nil {
			return fmt.Errorf("preparing %q: %w", p.sql, err)
		}
		*p.stmt = s
	}
	return nil
}

func (st *statements) close() {
	for _, s := range []*sql.Stmt{st.byHash, st.idTaken, st.insertDocument, st.insertBands, st.insertAnalysis,
		st.insertEntity, st.insertClaim, st.insertEvent, st.insertEventActor, st.insertCompareDoc, st.clearStale, st.candidates, st.rootOf, st.clusterOf, st.relink, st.get} {
		if s != nil {
			s.Close()
		}
	}
}
