package web

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/store"
)

func badRequest(msg string) *Error { return &Error{http.StatusBadRequest, msg} }

// listOptions reads the document filters of a query.
func listOptions(q url.Values) (store.ListOptions, error) {
	o := store.ListOptions{Outlet: strings.TrimSpace(q.Get("outlet")), Limit: 50}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"from", &o.From}, {"to", &o.To}} {
		if v := strings.TrimSpace(q.Get(p.name)); v != "" {
			d, err := ingest.NormalizeDate(v)
			if err != nil {
				return o, badRequest(p.name + ": want a date YYYY-MM-DD")
			}
			*p.dst = d
		}
	}
	var err error
	if o.Limit, err = intParam(q, "limit", 50, 1, 500); err != nil {
		return o, err
	}
	if o.Offset, err = intParam(q, "offset", 0, 0, 1<<30); err != nil {
		return o, err
	}
	return o, nil
}

func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest(name + ": want a number from " + strconv.Itoa(lo) + " to " + strconv.Itoa(hi))
	}
	return n, nil
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	o, err := listOptions(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	docs, err := s.cfg.Store.List(r.Context(), o)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if docs == nil {
		docs = []store.DocumentInfo{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"documents": docs})
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	a, err := s.cfg.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a.Document)
}

func (s *Server) apiAnalysis(w http.ResponseWriter, r *http.Request) {
	a, err := s.cfg.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// apiLayer serves one layer of a stored analysis.
func (s *Server) apiLayer(layer string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a, err := s.cfg.Store.Get(r.Context(), r.PathValue("id"))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		var v any
		switch layer {
		case "entities":
			v = a.Entities
		case "claims":
			v = a.Claims
		case "events":
			v = a.Events
		}
		writeJSON(w, http.StatusOK, map[string]any{"document": a.Document.ID, layer: v})
	}
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.fail(w, r, badRequest("q: want a search query"))
		return
	}
	if len(q) > 500 {
		s.fail(w, r, badRequest("q: query too long"))
		return
	}
	limit, err := intParam(r.URL.Query(), "limit", 20, 1, 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hits, err := s.cfg.Store.Search(r.Context(), q, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if hits == nil {
		hits = []store.SearchHit{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "hits": hits})
}

// crossDocument reads the records a cross-document endpoint compares and
// writes what answer returns, or its error.
func (s *Server) crossDocument(w http.ResponseWriter, r *http.Request, answer func(crossQuery, *crossSet) (any, error)) {
	if s.cfg.Records == nil {
		s.fail(w, r, notImplemented("comparison across documents"))
		return
	}
	c, err := readCrossQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	set, err := s.crossSet(r.Context(), c)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := answer(c, set)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// apiCompare answers what `parallax compare --json` prints: the report.
func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) {
	s.crossDocument(w, r, func(c crossQuery, set *crossSet) (any, error) {
		rep := set.cmp.Report(c.options())
		if c.Event != "" && len(set.cmp.Timeline(c.options())) == 0 {
			return nil, &Error{http.StatusNotFound, "no event " + strconv.Quote(c.Event)}
		}
		return rep, nil
	})
}

// apiSilences answers what `parallax silences --json` prints.
func (s *Server) apiSilences(w http.ResponseWriter, r *http.Request) {
	s.crossDocument(w, r, func(c crossQuery, set *crossSet) (any, error) {
		if c.Side == "" {
			return nil, badRequest("side: want the party whose silences to list (KG, TJ, ...)")
		}
		return silences(set, c), nil
	})
}

// apiTimeline answers what `parallax timeline --format json` prints.
func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	s.crossDocument(w, r, func(c crossQuery, set *crossSet) (any, error) {
		return set.cmp.Timeline(c.options()), nil
	})
}

// ingestRequest is the JSON body of POST /api/v1/documents: exactly one of
// Text, HTML and URL, with optional metadata.
type ingestRequest struct {
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
}

// ingestResponse is what POST /api/v1/documents answers.
type ingestResponse struct {
	ID              string        `json:"id"`
	Added           bool          `json:"added"`
	NearDuplicateOf string        `json:"near_duplicate_of,omitempty"`
	Similarity      float64       `json:"similarity,omitempty"`
	Analysis        *doc.Analysis `json:"analysis"`
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Analyzer == nil {
		s.fail(w, r, notImplemented("analysis"))
		return
	}
	req, err := readIngest(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.readDocument(r, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	select {
	case s.busy <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "5")
		s.fail(w, r, &Error{http.StatusServiceUnavailable, "too many analyses at once: try again shortly"})
		return
	}
	a, err := func() (*doc.Analysis, error) {
		defer func() { <-s.busy }() // also when the analyzer panics
		return s.cfg.Analyzer.Analyze(d)
	}()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.cfg.Store.Put(r.Context(), []*doc.Analysis{a})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(res) != 1 {
		s.fail(w, r, errors.New("store: Put returned no result"))
		return
	}
	status := http.StatusCreated
	if !res[0].Added {
		status = http.StatusOK
	}
	w.Header().Set("Location", "/api/v1/documents/"+url.PathEscape(res[0].ID))
	writeJSON(w, status, ingestResponse{ID: res[0].ID, Added: res[0].Added, NearDuplicateOf: res[0].NearDuplicateOf,
		Similarity: res[0].Similarity, Analysis: a})
}

// readIngest reads the request body: JSON (ingestRequest), or the article
// itself as text/plain or text/html.
func readIngest(r *http.Request) (ingestRequest, error) {
	var req ingestRequest
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return req, &Error{http.StatusUnsupportedMediaType, "Content-Type: want application/json, text/plain or text/html"}
	}
	switch ct {
	case "application/json":
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			if errors.As(err, new(*http.MaxBytesError)) {
				return req, err
			}
			return req, badRequest("body: not a valid request: " + jsonProblem(err))
		}
	case "text/plain", "text/html":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return req, err
		}
		if ct == "text/html" {
			req.HTML = string(body)
		} else {
			req.Text = string(body)
		}
		q := r.URL.Query()
		req.Title, req.Outlet, req.Published, req.Lang, req.ID = q.Get("title"), q.Get("outlet"), q.Get("published"), q.Get("lang"), q.Get("id")
	default:
		return req, &Error{http.StatusUnsupportedMediaType, "Content-Type: want application/json, text/plain or text/html"}
	}
	n := 0
	for _, v := range []string{req.Text, req.HTML, req.URL} {
		if v != "" {
			n++
		}
	}
	if n != 1 {
		return req, badRequest(`body: give exactly one of "text", "html" and "url"`)
	}
	return req, nil
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return "syntax error at byte " + strconv.FormatInt(se.Offset, 10)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "wrong type for " + strconv.Quote(te.Field)
	}
	if strings.HasPrefix(err.Error(), "json: unknown field ") {
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	}
	return "malformed JSON"
}

// readDocument turns an ingest request into a document.
func (s *Server) readDocument(r *http.Request, req ingestRequest) (doc.Document, error) {
	var d doc.Document
	var err error
	switch {
	case req.Text != "":
		d, err = ingest.FromText([]byte(req.Text))
	case req.HTML != "":
		if s.cfg.ReadHTML == nil {
			return d, notImplemented("reading HTML")
		}
		d, err = s.cfg.ReadHTML([]byte(req.HTML), "")
	default:
		if s.cfg.Fetch == nil {
			return d, notImplemented("fetching URLs")
		}
		if err := checkPublicURL(r, req.URL); err != nil {
			return d, err
		}
		d, err = s.cfg.Fetch(r.Context(), req.URL)
	}
	if err != nil {
		var ue *Error
		if errors.As(err, &ue) || errors.As(err, new(*http.MaxBytesError)) {
			return d, err
		}
		s.log.Info("ingest refused", "err", err)
		return d, &Error{http.StatusUnprocessableEntity, "could not read the article: " + userMessage(err)}
	}
	if req.ID != "" {
		if len(req.ID) > 128 || !utf8.ValidString(req.ID) || strings.ContainsAny(req.ID, "/\\?#\x00") {
			return d, badRequest("id: at most 128 characters, without / \\ ? #")
		}
		d.ID = req.ID
	}
	if req.Title != "" {
		d.Title = req.Title
	}
	if req.Outlet != "" {
		d.Outlet = req.Outlet
	}
	if req.Lang != "" {
		d.Lang = req.Lang
	}
	if req.Published != "" {
		p, err := ingest.NormalizeDate(req.Published)
		if err != nil {
			return d, badRequest("published: want a date YYYY-MM-DD")
		}
		d.Published = p
	}
	if req.URL != "" && d.URL == "" {
		d.URL = req.URL
	}
	if d.Source == "" {
		d.Source = "api"
	}
	return d, nil
}

// userMessage keeps the part of a reader's error that is about the input.
func userMessage(err error) string {
	for _, known := range []error{ingest.ErrEmpty, ingest.ErrBinary, ingest.ErrTooLarge} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	var ie *ingest.Error
	if errors.As(err, &ie) {
		return ie.Err.Error()
	}
	return "unreadable input"
}

// checkPublicURL refuses URLs that are not http(s), carry credentials, or
// name a private, loopback or link-local address. It is a first check
// only: the Fetcher must enforce the same rule on the addresses it dials,
// since names can resolve differently later.
func checkPublicURL(r *http.Request, raw string) error {
	if len(raw) > 2048 {
		return badRequest("url: too long")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return badRequest("url: want an http or https URL")
	}
	if u.User != nil {
		return badRequest("url: credentials are not allowed")
	}
	host := u.Hostname()
	var addrs []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{ip}
	} else {
		ips, err := net.DefaultResolver.LookupNetIP(r.Context(), "ip", host)
		if err != nil {
			return &Error{http.StatusUnprocessableEntity, "url: cannot resolve " + host}
		}
		addrs = ips
	}
	for _, ip := range addrs {
		if !isPublic(ip) {
			return &Error{http.StatusForbidden, "url: private addresses are not fetched"}
		}
	}
	return nil
}

// isPublic reports whether ip is a globally routable unicast address.
func isPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsMulticast() || ip.IsUnspecified() || ip.IsInterfaceLocalMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// nonPublic are special-purpose ranges that netip does not classify.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"), // NAT64 may reach IPv4 private space
	netip.MustParsePrefix("2002::/16"),    // 6to4 likewise
}
