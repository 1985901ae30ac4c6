package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parallaxnews/parallax/doc"
)

func TestHandlers(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	h := s.Handler()
	css, _ := s.assets.url("app.css")
	tests := []struct {
		name, method, target string
		status               int
		ctype                string   // prefix of the Content-Type
		contains             []string // in the body
	}{
		{"front page", "GET", "/", 200, "text/html", []string{"Clashes near Riverton", `href="/doc/sample1"`, "Test Wire"}},
		{"front page by outlet", "GET", "/?outlet=Nobody", 200, "text/html", []string{"No documents yet"}},
		{"front page by side", "GET", "/?side=sl", 200, "text/html", []string{`href="/doc/sample1"`}},
		{"front page other side", "GET", "/?side=XX", 200, "text/html", []string{"No documents yet"}},
		{"front page bad date", "GET", "/?from=someday", 200, "text/html", []string{"from: want a date"}},
		{"front page search", "GET", "/?q=bandits", 200, "text/html", []string{"1 result(s)", `href="/doc/sample1"`}},
		{"article", "GET", "/doc/sample1", 200, "text/html", []string{`class="hl l-claim`, `class="hl l-rhetoric`, `id="d-c0"`, "name calling", `<svg class="map"`}},
		{"missing article", "GET", "/doc/nope", 404, "text/html", []string{"not found"}},
		{"unknown page", "GET", "/nowhere", 404, "text/html", nil},
		{"compare page without compare", "GET", "/compare", 200, "text/html", []string{"not available"}},
		{"silences page", "GET", "/silences", 200, "text/html", []string{"not available"}},
		{"timeline page", "GET", "/timeline", 200, "text/html", []string{"not available"}},
		{"map page", "GET", "/map", 200, "text/html", []string{`<svg class="map"`, "Riverton", "Kyrgyzstan"}},
		{"stylesheet", "GET", css, 200, "text/css", []string{"mark.l-claim"}},
		{"unknown asset", "GET", "/static/app.css", 404, "text/html", nil},
		{"openapi", "GET", "/api/v1/openapi.json", 200, "application/json", []string{`"openapi": "3.1.0"`}},
		{"documents", "GET", "/api/v1/documents", 200, "application/json", []string{`"id":"sample1"`}},
		{"documents bad limit", "GET", "/api/v1/documents?limit=0", 400, "application/json", []string{"limit"}},
		{"document", "GET", "/api/v1/documents/sample1", 200, "application/json", []string{`"title":"Clashes near Riverton`}},
		{"analysis", "GET", "/api/v1/documents/sample1/analysis", 200, "application/json", []string{`"claims":[{"id":"c1"`}},
		{"entities", "GET", "/api/v1/documents/sample1/entities", 200, "application/json", []string{`"entities":[{"id":"e1"`}},
		{"claims", "GET", "/api/v1/documents/sample1/claims", 200, "application/json", []string{`"metric":"killed"`}},
		{"events", "GET", "/api/v1/documents/sample1/events", 200, "application/json", []string{`"type":"armed_clash"`}},
		{"missing analysis", "GET", "/api/v1/documents/nope/analysis", 404, "application/json", []string{`"error":"not found"`}},
		{"search", "GET", "/api/v1/search?q=riverton", 200, "application/json", []string{`"hits":[{"id":"sample1"`}},
		{"search without query", "GET", "/api/v1/search", 400, "application/json", []string{`"error"`}},
		{"compare without compare", "GET", "/api/v1/compare", 501, "application/json", []string{"not available"}},
		{"silences without compare", "GET", "/api/v1/silences", 501, "application/json", nil},
		{"timeline without compare", "GET", "/api/v1/timeline", 501, "application/json", nil},
		{"unknown api", "GET", "/api/v1/nothing", 404, "application/json", nil},
		{"wrong method", "DELETE", "/api/v1/documents/sample1", 405, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(t, h, tt.method, tt.target, "", "")
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if got := w.Header().Get("Content-Type"); !strings.HasPrefix(got, tt.ctype) {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if got := w.Header().Get("Content-Security-Policy"); got != ContentSecurityPolicy {
				t.Errorf("CSP %q", got)
			}
			for _, c := range tt.contains {
				if !strings.Contains(w.Body.String(), c) {
					t.Errorf("body lacks %q", c)
				}
			}
			if strings.HasPrefix(tt.ctype, "text/html") {
				checkNoInline(t, w.Body.String())
			}
		})
	}
}

// checkNoInline parses a page and fails on anything the CSP would block
// or that could run: inline scripts and styles, event handler attributes,
// javascript: URLs, and elements other than those the templates write.
func checkNoInline(t *testing.T, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "style", "iframe", "object", "embed", "img", "textarea", "base":
			t.Errorf("page has a <%s> element", tok.Data)
		}
		hasSrc := false
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			val := strings.ToLower(strings.TrimSpace(a.Val))
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("<%s> has an event handler %s=%q", tok.Data, a.Key, a.Val)
			case key == "style":
				t.Errorf("<%s> has an inline style", tok.Data)
			case (key == "href" || key == "src" || key == "action") && strings.HasPrefix(val, "javascript:"):
				t.Errorf("<%s> has a javascript: URL", tok.Data)
			}
			if key == "src" && strings.HasPrefix(val, "/static/") {
				hasSrc = true
			}
		}
		if tok.Data == "script" && !hasSrc {
			t.Errorf("page has a script that is not a first-party file: %v", tok)
		}
	}
}

func TestOpenAPIIsValidJSON(t *testing.T) {
	data, err := files.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/documents", "/documents/{id}", "/documents/{id}/analysis", "/documents/{id}/entities", "/documents/{id}/claims",
		"/documents/{id}/events", "/search", "/compare", "/silences", "/timeline"} {
		if _, ok := v.Paths[p]; !ok {
			t.Errorf("openapi.json lacks %s", p)
		}
	}
	if _, ok := v.Paths["/documents"]["post"]; !ok {
		t.Error("openapi.json lacks POST /documents")
	}
}

func TestIngest(t *testing.T) {
	const article = `{"text":"Border guards said 3 people were hurt on Tuesday.\n\nMore later.","outlet":"Wire","published":"2024-01-02"}`
	tests := []struct {
		name   string
		cfg    Config
		ctype  string
		body   string
		hdr    []string
		status int
		want   string
	}{
		{"text as JSON", Config{}, "application/json", article, nil, 201, `"added":true`},
		{"plain text", Config{}, "text/plain; charset=utf-8", "Some article text.\n\nWith two paragraphs.", nil, 201, `"source":"api"`},
		{"already stored", Config{}, "application/json", `{"text":` + jsonString(sampleText) + `}`, nil, 200, `"added":false`},
		{"no content type", Config{}, "", article, nil, 415, "Content-Type"},
		{"form post", Config{}, "application/x-www-form-urlencoded", "text=hello", nil, 415, "Content-Type"},
		{"two inputs", Config{}, "application/json", `{"text":"a","url":"https://example.com/"}`, nil, 400, "exactly one"},
		{"nothing", Config{}, "application/json", `{}`, nil, 400, "exactly one"},
		{"unknown field", Config{}, "application/json", `{"txt":"a"}`, nil, 400, "unknown field"},
		{"broken JSON", Config{}, "application/json", `{"text":`, nil, 400, "not a valid request"},
		{"bad date", Config{}, "application/json", `{"text":"Hello there.","published":"soon"}`, nil, 400, "published"},
		{"bad id", Config{}, "application/json", `{"text":"Hello there.","id":"../x"}`, nil, 400, "id:"},
		{"empty text", Config{}, "text/plain", "   ", nil, 422, "empty input"},
		{"too large", Config{MaxBody: 64}, "application/json", `{"text":"` + strings.Repeat("x", 200) + `"}`, nil, 413, "larger than"},
		{"read-only", Config{ReadOnly: true}, "application/json", article, nil, 403, "read-only"},
		{"token missing", Config{Token: "s3cret"}, "application/json", article, nil, 401, "token"},
		{"token wrong", Config{Token: "s3cret"}, "application/json", article, []string{"Authorization", "Bearer nope"}, 401, "token"},
		{"token right", Config{Token: "s3cret"}, "application/json", article, []string{"Authorization", "Bearer s3cret"}, 201, `"added":true`},
		{"cross-site", Config{}, "application/json", article, []string{"Sec-Fetch-Site", "cross-site"}, 403, "cross-site"},
		{"html without reader", Config{}, "text/html", "<p>hi</p>", nil, 501, "HTML"},
		{"html", Config{ReadHTML: func(p []byte, _ string) (doc.Document, error) { return doc.Document{ID: "h1", Text: "From HTML."}, nil }},
			"text/html", "<p>From HTML.</p>", nil, 201, `"id":"h1"`},
		{"url without fetcher", Config{}, "application/json", `{"url":"https://example.com/a"}`, nil, 501, "URL"},
		{"file url", Config{Fetch: failFetch(t)}, "application/json", `{"url":"file:///etc/passwd"}`, nil, 400, "http or https"},
		{"path as url", Config{Fetch: failFetch(t)}, "application/json", `{"url":"/etc/passwd"}`, nil, 400, "http or https"},
		{"loopback url", Config{Fetch: failFetch(t)}, "application/json", `{"url":"http://127.0.0.1:8080/"}`, nil, 403, "private"},
		{"private url", Config{Fetch: failFetch(t)}, "application/json", `{"url":"http://10.1.2.3/"}`, nil, 403, "private"},
		{"metadata url", Config{Fetch: failFetch(t)}, "application/json", `{"url":"http://169.254.169.254/latest/"}`, nil, 403, "private"},
		{"mapped url", Config{Fetch: failFetch(t)}, "application/json", `{"url":"http://[::ffff:192.168.0.1]/"}`, nil, 403, "private"},
		{"credentials in url", Config{Fetch: failFetch(t)}, "application/json", `{"url":"http://user:pw@93.184.216.34/"}`, nil, 400, "credentials"},
		{"public url", Config{Fetch: func(_ context.Context, u string) (doc.Document, error) {
			return doc.Document{ID: "u1", Text: "Fetched text.", URL: u}, nil
		}}, "application/json", `{"url":"http://93.184.216.34/news"}`, nil, 201, `"url":"http://93.184.216.34/news"`},
		{"fetch fails", Config{Fetch: func(context.Context, string) (doc.Document, error) {
			return doc.Document{}, errors.New("dial tcp: secret internal detail")
		}}, "application/json", `{"url":"http://93.184.216.34/news"}`, nil, 422, "unreadable input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, tt.cfg)
			w := do(t, s.Handler(), "POST", "/api/v1/documents", tt.ctype, tt.body, tt.hdr...)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if !strings.Contains(w.Body.String(), tt.want) {
				t.Errorf("body %s lacks %q", w.Body, tt.want)
			}
			if strings.Contains(w.Body.String(), "secret internal detail") {
				t.Error("an internal error reached the client")
			}
		})
	}
}

func failFetch(t *testing.T) Fetcher {
	return func(context.Context, string) (doc.Document, error) {
		t.Error("the fetcher was called")
		return doc.Document{}, errors.New("called")
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestAssetsAreImmutable(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	for _, name := range []string{"app.css", "app.js", "favicon.svg"} {
		u, err := s.assets.url(name)
		if err != nil {
			t.Fatal(err)
		}
		w := do(t, s.Handler(), "GET", u, "", "")
		if w.Code != 200 || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
			t.Errorf("%s: status %d, Cache-Control %q", u, w.Code, w.Header().Get("Cache-Control"))
		}
	}
	w := do(t, s.Handler(), "GET", "/favicon.ico", "", "")
	if w.Code != http.StatusMovedPermanently {
		t.Errorf("favicon.ico: status %d", w.Code)
	}
}

// panicky is an analyzer that fails badly.
type panicky struct{}

func (panicky) Analyze(doc.Document) (*doc.Analysis, error) { panic("boom: secret internal detail") }

func TestIngestLimits(t *testing.T) {
	const body = `{"text":"Three were hurt."}`
	t.Run("busy", func(t *testing.T) {
		s, _ := newTestServer(t, Config{})
		for range cap(s.busy) {
			s.busy <- struct{}{}
		}
		w := do(t, s.Handler(), "POST", "/api/v1/documents", "application/json", body)
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
			t.Errorf("status %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
		}
	})
	t.Run("panic", func(t *testing.T) {
		s, _ := newTestServer(t, Config{Analyzer: panicky{}})
		w := do(t, s.Handler(), "POST", "/api/v1/documents", "application/json", body)
		if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "secret") {
			t.Errorf("status %d: %s", w.Code, w.Body)
		}
		if n := len(s.busy); n != 0 {
			t.Errorf("%d analysis slots still taken after the panic", n)
		}
	})
}
