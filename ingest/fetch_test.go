package ingest

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"
)

func TestFetch(t *testing.T) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	feed, err := os.ReadFile("testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	hang := make(chan struct{})
	defer close(hang)
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("Troops withdrew from the border on Friday, the defence ministry said."))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "200000000")
		w.Write([]byte(strings.Repeat("word ", 1000)))
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		line := []byte(strings.Repeat("word ", 200) + "\n")
		for range 10000 { // 10 MB without a Content-Length
			if _, err := w.Write(line); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slowbody", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("The first part of the article arrives, "))
		w.(http.Flusher).Flush()
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name    string
		path    string
		opts    Options
		docs    int
		message string // in the error after the documents, if any
		check   func(t *testing.T, got []result)
	}{
		{name: "html", path: "/article", opts: Options{AllowPrivate: true}, docs: 1, check: func(t *testing.T, got []result) {
			d := got[0].doc
			if d.Source != srv.URL+"/article" || d.Outlet != "Example News" || d.URL != "https://news.example.org/2022/10/06/border-talks" || !strings.Contains(d.Text, "About 200 people") {
				t.Errorf("doc = %+v", d)
			}
		}},
		{name: "feed", path: "/feed", opts: Options{AllowPrivate: true}, docs: 3, check: func(t *testing.T, got []result) {
			if got[2].doc.Source != srv.URL+"/feed#3" {
				t.Errorf("source = %q", got[2].doc.Source)
			}
		}},
		{name: "text", path: "/text", opts: Options{AllowPrivate: true}, docs: 1, check: func(t *testing.T, got []result) {
			if got[0].doc.URL != srv.URL+"/text" {
				t.Errorf("url = %q", got[0].doc.URL)
			}
		}},
		{name: "redirect", path: "/moved", opts: Options{AllowPrivate: true}, docs: 1},
		{name: "redirect loop", path: "/loop", opts: Options{AllowPrivate: true}, message: "more than 5 redirects"},
		{name: "not found", path: "/nothing", opts: Options{AllowPrivate: true}, message: "the server answered 404 Not Found"},
		{name: "declared too large", path: "/big", opts: Options{AllowPrivate: true}, message: "larger than the size limit: 190.7 MiB"},
		{name: "stream past cap", path: "/endless", opts: Options{AllowPrivate: true, MaxBytes: 1 << 20}, message: "larger than the size limit"},
		{name: "hangs", path: "/hang", opts: Options{AllowPrivate: true, Timeout: 200 * time.Millisecond}, message: "no complete answer within 200ms (--timeout)"},
		{name: "body hangs", path: "/slowbody", opts: Options{AllowPrivate: true, Timeout: 200 * time.Millisecond}, message: "no complete answer within 200ms (--timeout)"},
		{name: "private refused", path: "/article", opts: Options{}, message: "refusing to connect to 127.0.0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			got := readAll(t, NewReader(tt.opts), srv.URL+tt.path)
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			want := tt.docs
			if tt.message != "" {
				want++
			}
			if len(got) != want {
				t.Fatalf("got %d results %v, want %d", len(got), got, want)
			}
			for _, g := range got[:tt.docs] {
				if g.err != nil {
					t.Errorf("unexpected error %v", g.err)
				}
			}
			if tt.message != "" {
				err := got[tt.docs].err
				if err == nil || !strings.HasPrefix(err.Error(), srv.URL+tt.path) || !strings.Contains(err.Error(), tt.message) {
					t.Errorf("error = %v, want it to name the URL and say %q", err, tt.message)
				}
			}
			if tt.check != nil && !t.Failed() {
				tt.check(t, got)
			}
		})
	}
}

func TestFetchRefusesSchemes(t *testing.T) {
	for _, src := range []string{"ftp://example.org/a.txt", "file:///etc/passwd", "gopher://example.org/"} {
		got := readAll(t, NewReader(Options{}), src)
		if len(got) != 1 || got[0].err == nil || !strings.Contains(got[0].err.Error(), "only http and https") {
			t.Errorf("%s: got %v", src, got)
		}
	}
}

func TestRefusedByName(t *testing.T) {
	// "localhost" resolves to loopback: refused at dial time.
	got := readAll(t, NewReader(Options{Timeout: 2 * time.Second}), "http://localhost:1/")
	if len(got) != 1 || got[0].err == nil || !errors.Is(got[0].err, errPrivateAddress) {
		t.Fatalf("got %v, want a refusal", got)
	}
}

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		ip     string
		public bool
	}{
		{"8.8.8.8", true},
		{"2a00:1450:4001:80b::200e", true},
		{"127.0.0.1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"::1", false},
		{"::", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"ff02::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:8.8.8.8", true},
	}
	for _, tt := range tests {
		if got := publicAddr(netip.MustParseAddr(tt.ip)); got != tt.public {
			t.Errorf("publicAddr(%s) = %v, want %v", tt.ip, got, tt.public)
		}
	}
}
