package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/pflag"

	"github.com/parallaxnews/parallax/store"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// dbOptions are the flags of every command that reads or writes the store.
type dbOptions struct {
	dsn string
}

func (o *dbOptions) register(f *pflag.FlagSet) {
	f.StringVar(&o.dsn, "db", "", "the database: a file `PATH` (default $PARALLAX_DB, else "+defaultDBHint()+")")
}

// defaultDBHint names the default database path for the help text.
func defaultDBHint() string {
	switch runtime.GOOS {
	case "windows":
		return `%LocalAppData%\parallax\parallax.db`
	case "darwin":
		return "~/Library/Application Support/parallax/parallax.db"
	}
	return "$XDG_DATA_HOME/parallax/parallax.db or ~/.local/share/parallax/parallax.db"
}

// defaultDBPath returns the database path in the user's data directory:
// $XDG_DATA_HOME/parallax/parallax.db, or ~/.local/share/parallax/parallax.db
// (~/Library/Application Support on macOS, %LocalAppData% on Windows).
func defaultDBPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = os.Getenv("LocalAppData")
		if dir == "" {
			return "", errors.New("%LocalAppData% is not set")
		}
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, "Library", "Application Support")
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" || !filepath.IsAbs(dir) { // relative values are to be ignored
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "parallax", "parallax.db"), nil
}

// dsn returns the database the command is to use: --db, else $PARALLAX_DB,
// else the default path.
func (o dbOptions) resolve() (string, error) {
	if o.dsn != "" {
		return o.dsn, nil
	}
	if env := os.Getenv("PARALLAX_DB"); env != "" {
		return env, nil
	}
	p, err := defaultDBPath()
	if err != nil {
		return "", fmt.Errorf("finding the default database (give one with --db): %w", err)
	}
	return p, nil
}

// openStore opens the store that o names. A command that only reads gets an
// error when the database file does not exist yet; one that writes creates
// it and its folder.
func (m *Main) openStore(ctx context.Context, o dbOptions, write bool) (store.Store, error) {
	dsn, err := o.resolve()
	if err != nil {
		return nil, err
	}
	if scheme, _, ok := strings.Cut(dsn, "://"); ok {
		switch strings.ToLower(scheme) {
		case "postgres", "postgresql":
			return nil, usagef("--db %s: PostgreSQL stores are not supported yet; give the path of a SQLite file", redact(dsn))
		case "file":
		default:
			return nil, usagef("--db %s: unknown kind of database %q; give the path of a SQLite file", redact(dsn), scheme)
		}
	}
	path := strings.TrimPrefix(dsn, "file://")
	if path != ":memory:" {
		if write {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return nil, fmt.Errorf("creating the database folder: %w", err)
			}
		} else if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no database at %s: store articles first with 'parallax ingest'", path)
		}
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// redact hides the password of a database URL.
func redact(dsn string) string {
	scheme, rest, _ := strings.Cut(dsn, "://")
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		if user, _, ok := strings.Cut(rest[:at], ":"); ok {
			rest = user + ":***" + rest[at:]
		}
	}
	return scheme + "://" + rest
}
