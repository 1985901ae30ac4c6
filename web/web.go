// Package web is Parallax's HTTP face: a JSON API under /api/v1, described
// by an OpenAPI document, and server-rendered pages — the latest documents,
// an article with every extracted layer highlighted, comparisons by event,
// silences, a timeline and a map. Templates, styles, the one first-party
// script and the map geometry are embedded, so the server works offline.
//
// Article text is untrusted: every byte is escaped, pages carry a strict
// Content-Security-Policy with no inline script or style, request bodies
// are bounded, and writes can be put behind a token.
package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/store"
)

//go:embed templates/*.html static/* openapi.json geo/countries.txt
var files embed.FS

// Analyzer analyses one document; *pipeline.Pipeline satisfies it.
type Analyzer interface {
	Analyze(d doc.Document) (*doc.Analysis, error)
}

// Fetcher reads the article at a URL. It must refuse private, loopback and
// link-local addresses: the server never asks it otherwise.
type Fetcher func(ctx context.Context, url string) (doc.Document, error)

// HTMLReader extracts an article from an HTML page; base is the page's URL,
// when known.
type HTMLReader func(page []byte, base string) (doc.Document, error)

// Config is what a Server needs. Store is required; the rest may be nil,
// and the features that need them then answer 501 Not Implemented.
type Config struct {
	Store    store.Store
	Analyzer Analyzer
	// Records streams the stored claims that the comparison, silences,
	// timeline and map views compare. When nil, the Store is used if it
	// satisfies compare.RecordSource (the SQLite store does); otherwise
	// those views answer 501.
	Records  compare.RecordSource
	Fetch    Fetcher
	ReadHTML HTMLReader
	// Token, when set, is required (as "Authorization: Bearer TOKEN") by
	// every write endpoint.
	Token string
	// ReadOnly refuses every write; a server listening beyond loopback
	// without a token should be read-only.
	ReadOnly bool
	// MaxBody bounds a request body in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// MapDocuments bounds how many of the latest documents the map page
	// reads; 0 means 200.
	MapDocuments int
	Logger       *slog.Logger
}

// DefaultMaxBody is the default limit of a request body.
const DefaultMaxBody = 8 << 20

// ContentSecurityPolicy is sent with every response.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// Server serves the API and the pages. It is safe for concurrent use.
type Server struct {
	cfg    Config
	log    *slog.Logger
	pages  map[string]*template.Template
	assets *assets
	world  *world
	mux    *http.ServeMux
	// busy holds one token per analysis running for a request, so that
	// ingest requests cannot pile up more work than the CPUs can do.
	busy chan struct{}
	// cross keeps the comparisons of the cross-document views.
	cross crossCache
}

// New returns a server for cfg, with its templates, assets and map
// geometry loaded.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MapDocuments <= 0 {
		cfg.MapDocuments = 200
	}
	if cfg.Records == nil {
		if src, ok := cfg.Store.(compare.RecordSource); ok {
			cfg.Records = src
		}
	}
	s := &Server{cfg: cfg, log: cfg.Logger, busy: make(chan struct{}, max(runtime.GOMAXPROCS(0), 1))}
	if s.log == nil {
		s.log = slog.Default()
	}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("web: loading assets: %w", err)
	}
	if s.pages, err = s.loadTemplates(); err != nil {
		return nil, fmt.Errorf("web: loading templates: %w", err)
	}
	geo, err := files.ReadFile("geo/countries.txt")
	if err != nil {
		return nil, fmt.Errorf("web: reading map geometry: %w", err)
	}
	if s.world, err = parseWorld(string(geo)); err != nil {
		return nil, fmt.Errorf("web: map geometry: %w", err)
	}
	s.mux = http.NewServeMux()
	s.routes()
	return s, nil
}

// Handler returns the server's handler with its security headers, body
// limit and panic recovery.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("handler panicked", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.fail(w, r, errInternal)
			}
		}()
		s.mux.ServeHTTP(w, r)
	})
}

// HTTPServer returns an http.Server for addr with conservative timeouts
// and header limits.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      90 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /{$}", s.handleIndex)
	m.HandleFunc("GET /doc/{id}", s.handleArticle)
	m.HandleFunc("GET /compare", s.handleComparePage)
	m.HandleFunc("GET /silences", s.handleSilencesPage)
	m.HandleFunc("GET /timeline", s.handleTimelinePage)
	m.HandleFunc("GET /map", s.handleMapPage)
	m.HandleFunc("GET /static/{name}", s.handleAsset)
	m.HandleFunc("GET /favicon.ico", s.handleFavicon)

	m.HandleFunc("GET /api/v1/openapi.json", s.handleOpenAPI)
	m.HandleFunc("GET /api/v1/documents", s.apiDocuments)
	m.HandleFunc("POST /api/v1/documents", s.write(s.apiIngest))
	m.HandleFunc("GET /api/v1/documents/{id}", s.apiDocument)
	m.HandleFunc("GET /api/v1/documents/{id}/analysis", s.apiAnalysis)
	m.HandleFunc("GET /api/v1/documents/{id}/entities", s.apiLayer("entities"))
	m.HandleFunc("GET /api/v1/documents/{id}/claims", s.apiLayer("claims"))
	m.HandleFunc("GET /api/v1/documents/{id}/events", s.apiLayer("events"))
	m.HandleFunc("GET /api/v1/search", s.apiSearch)
	m.HandleFunc("GET /api/v1/compare", s.apiCompare)
	m.HandleFunc("GET /api/v1/silences", s.apiSilences)
	m.HandleFunc("GET /api/v1/timeline", s.apiTimeline)
	notFound := func(w http.ResponseWriter, r *http.Request) { s.fail(w, r, errNotFound) }
	m.HandleFunc("GET /api/", notFound)
	m.HandleFunc("GET /", notFound)
}

// write guards a write endpoint: read-only servers refuse it, a token is
// checked when set, and cross-site browser requests are refused.
func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.ReadOnly {
			s.fail(w, r, &Error{http.StatusForbidden, "this server is read-only: start it with --token to allow writes"})
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
			s.fail(w, r, &Error{http.StatusForbidden, "cross-site requests may not write"})
			return
		}
		if s.cfg.Token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
				s.fail(w, r, &Error{http.StatusUnauthorized, "a valid token is required"})
				return
			}
		}
		h(w, r)
	}
}

// Error is an error shown to the client, with its HTTP status. Any other
// error is logged and shown as an internal error.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return e.Message }

var (
	errNotFound = &Error{http.StatusNotFound, "not found"}
	errInternal = &Error{http.StatusInternalServerError, "internal error"}
)

func notImplemented(what string) *Error {
	return &Error{http.StatusNotImplemented, what + " is not available in this build"}
}

// fail writes err as JSON under /api/ and as a page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var e *Error
	switch {
	case errors.As(err, &e):
	case errors.Is(err, store.ErrNotFound):
		e = errNotFound
	case errors.As(err, new(*http.MaxBytesError)):
		e = &Error{http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", s.cfg.MaxBody)}
	case errors.Is(err, context.Canceled):
		return
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		e = errInternal
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, e.Status, map[string]string{"error": e.Message})
		return
	}
	s.render(w, r, e.Status, "error", pageData{Title: http.StatusText(e.Status), Data: e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}
