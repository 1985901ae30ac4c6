// Package sqlite is the embedded store: store.Store on SQLite through
// modernc.org/sqlite, a pure Go driver, so that parallax builds without
// cgo and needs no server.
//
// The database runs in WAL mode (readers do not block the writer) with
// foreign keys on, a busy timeout, and writes that take the write lock when
// they begin. The schema is created and upgraded on Open from the numbered
// migrations embedded from migrations/, in one transaction, and recorded in
// the schema_migrations table. Its SQL is portable to PostgreSQL except for
// the full-text index (migrations/0002_fts.sql and search.go).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/parallaxnews/parallax/store"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// BusyTimeout is how long a statement waits for a lock held by another
// connection or process before it fails.
const BusyTimeout = 10 * time.Second

// Store is a store.Store in one SQLite database file. It is safe for
// concurrent use, also by several processes on the same file.
type Store struct {
	db    *sql.DB
	now   func() time.Time
	stmts statements
	conns int // the pool's bound
}

var _ store.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*config)

type config struct {
	now      func() time.Time
	maxConns int
}

// WithClock sets the clock that stamps documents with the time they were
// stored (time.Now by default).
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithMaxConns bounds the connection pool (by default one connection per CPU,
// at least four). A database in memory always uses one connection.
func WithMaxConns(n int) Option { return func(c *config) { c.maxConns = n } }

// Open opens the database at path, creating it when it does not exist, and
// brings its schema up to date. The path ":memory:" opens a private
// database in memory.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	c := config{now: time.Now, maxConns: max(4, runtime.GOMAXPROCS(0))}
	for _, o := range opts {
		o(&c)
	}
	if path == "" {
		return nil, errors.New("sqlite: no database path")
	}
	memory := path == ":memory:"
	if memory {
		c.maxConns = 1
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	db.SetMaxOpenConns(c.maxConns)
	db.SetMaxIdleConns(c.maxConns)
	if memory {
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
	} else {
		db.SetConnMaxIdleTime(5 * time.Minute)
	}
	s := &Store{db: db, now: c.now, conns: c.maxConns}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if err := s.stmts.prepare(ctx, db); err != nil {
		s.stmts.close()
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return s, nil
}

// dsn returns the driver's name for the database at path, with the
// settings every connection starts with.
func dsn(path string) string {
	params := "_busy_timeout=" + strconv.Itoa(int(BusyTimeout/time.Millisecond)) +
		"&_foreign_keys=1&_txlock=immediate&_synchronous=NORMAL" +
		// Read pages through a memory map (up to 2 GiB of address space,
		// SQLite's own limit; only pages read are resident) and keep a
		// 64 MiB page cache: comparison scans the claim packs, whose
		// pages lie all over the file, and page-by-page reads dominate.
		"&_pragma=mmap_size(2147418112)&_pragma=cache_size(-65536)"
	if path == ":memory:" {
		return "file::memory:?" + params
	}
	// A file: URI, so that no character of the path is read as a parameter;
	// a Windows path with a drive letter becomes file:///C:/...
	if filepath.VolumeName(path) != "" {
		path = "///" + filepath.ToSlash(path)
	}
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc + "?" + params + "&_journal_mode=WAL"
}

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.close()
	return s.db.Close()
}

// DB returns the database handle, for queries that the store interface does
// not cover yet (the comparison across documents).
func (s *Store) DB() *sql.DB { return s.db }

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order. Each file is
// named NNNN_what.sql.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name does not start with a version number", base)
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s have the same version", out[i-1].name, out[i].name)
		}
	}
	return out, nil
}

// migrate applies the migrations the database lacks, all in one
// transaction: a failure leaves the schema as it was.
func (s *Store) migrate(ctx context.Context) error {
	all, err := migrations()
	if err != nil {
		return err
	}
	latest := all[len(all)-1].version
	// Up to date: answered by a read, so that opening a database does not
	// wait for a writer (a long ingest) to finish.
	if v, err := s.SchemaVersion(ctx); err == nil && v == latest {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)`); err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	if current > latest {
		return fmt.Errorf("the database has schema version %d, newer than this program knows (%d): upgrade parallax", current, latest)
	}
	applied := 0
	for _, m := range all {
		if m.version <= current {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, s.now().UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		applied++
	}
	if applied == 0 {
		return nil // nothing written: the rollback is the cheap way out
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	return nil
}

// SchemaVersion returns the version of the newest migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}
