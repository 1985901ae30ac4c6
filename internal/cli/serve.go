package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/web"
)

// serveOptions are the flags of parallax serve.
type serveOptions struct {
	addr  string
	db    dbOptions
	token string
}

func (m *Main) serveCmd() *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--db PATH]",
		Short: "Serve the web interface and the JSON API",
		Long: `Serve the pages (documents, article view with every layer highlighted,
comparison, silences, timeline, map) and the JSON API under /api/v1, described
at /api/v1/openapi.json. Everything is embedded: the server works offline.

Writes (POST /api/v1/documents) need --token, sent as "Authorization: Bearer
TOKEN", when the address is not loopback; without one such a server is
read-only. The token may also be given in the environment as PARALLAX_TOKEN.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.token == "" {
				o.token = os.Getenv("PARALLAX_TOKEN")
			}
			return m.serve(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	o.db.register(f)
	f.StringVar(&o.token, "token", "", "bearer `TOKEN` required by write endpoints")
	return cmd
}

// serve runs the web server until ctx is done.
func (m *Main) serve(ctx context.Context, o serveOptions) error {
	loopback, err := isLoopback(o.addr)
	if err != nil {
		return usagef("--addr: %v", err)
	}
	dsn, err := o.db.resolve()
	if err != nil {
		return err
	}
	st, err := m.openStore(ctx, o.db, true)
	if err != nil {
		return fmt.Errorf("opening the database: %w", err)
	}
	defer st.Close()
	p, err := m.pipeline()
	if err != nil {
		return err
	}
	rd := ingest.NewReader(ingest.Options{MaxBytes: web.DefaultMaxBody}) // AllowPrivate stays false
	readOnly := !loopback && o.token == ""
	// The comparison, silences, timeline and map views read the stored
	// claims; a store that cannot stream them leaves those views off.
	records, _ := st.(compare.RecordSource)
	srv, err := web.New(web.Config{
		Store:    st,
		Records:  records,
		Analyzer: p,
		Fetch: func(ctx context.Context, url string) (doc.Document, error) {
			return firstDocument(ctx, rd, url)
		},
		ReadHTML: func(page []byte, base string) (doc.Document, error) {
			return ingest.FromHTML(page, "text/html", base)
		},
		Token:    o.token,
		ReadOnly: readOnly,
		Logger:   slog.Default(),
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", o.addr, err)
	}
	hs := srv.HTTPServer(o.addr)
	fmt.Fprintf(m.Stdout, "Parallax is serving %s on http://%s/\n", redact(dsn), ln.Addr())
	if readOnly {
		fmt.Fprintln(m.Stdout, "Read-only: the address is not loopback and no --token was given.")
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("stopping the server: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}

// firstDocument reads the first document at url.
func firstDocument(ctx context.Context, rd *ingest.Reader, url string) (doc.Document, error) {
	var got doc.Document
	var found bool
	stop := errors.New("stop")
	err := rd.Read(ctx, url, func(d doc.Document, err error) error {
		if err != nil {
			return err
		}
		got, found = d, true
		return stop
	})
	if err != nil && !errors.Is(err, stop) {
		return doc.Document{}, err
	}
	if !found {
		return doc.Document{}, ingest.ErrEmpty
	}
	return got, nil
}

// isLoopback reports whether addr listens on loopback only.
func isLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if host == "localhost" {
		return true, nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false, nil // a name: it may resolve beyond loopback
	}
	return ip.IsLoopback(), nil
}
