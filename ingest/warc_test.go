package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	gowarc "github.com/nlnwa/gowarc/v3"
)

// warcRecord is one record of a WARC built by buildWARC.
type warcRecord struct {
	typ    gowarc.RecordType
	uri    string
	date   string
	block  string // the content block: an HTTP message for responses
	ctype  string // the record's Content-Type
	gzipIt bool
}

func httpResponse(status, contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

// buildWARC writes records with the gowarc writer, each record gzipped
// on its own when gzipIt is set (as .warc.gz files are).
func buildWARC(t testing.TB, records []warcRecord) []byte {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, rec := range records {
		b := gowarc.NewRecordBuilder(rec.typ, gowarc.WithStrictValidation())
		if _, err := b.WriteString(rec.block); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i))
		b.AddWarcHeader(gowarc.WarcDate, rec.date)
		if rec.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, rec.uri)
		}
		b.AddWarcHeader(gowarc.ContentType, rec.ctype)
		wr, _, err := b.Build()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if rec.gzipIt {
			zw := gzip.NewWriter(&out)
			if _, _, err := m.Marshal(zw, wr, 0); err != nil {
				t.Fatal(err)
			}
			zw.Close()
		} else if _, _, err := m.Marshal(&out, wr, 0); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

func sampleWARC(t testing.TB, gzipIt bool) []byte {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	const resp = "application/http; msgtype=response"
	return buildWARC(t, []warcRecord{
		{typ: gowarc.Warcinfo, date: "2022-10-07T00:00:00Z", block: "software: parallax test\r\n", ctype: "application/warc-fields", gzipIt: gzipIt},
		{typ: gowarc.Request, uri: "https://news.example.org/a", date: "2022-10-07T00:00:01Z", block: "GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n", ctype: "application/http; msgtype=request", gzipIt: gzipIt},
		{typ: gowarc.Response, uri: "https://news.example.org/a", date: "2022-10-07T00:00:02Z", block: httpResponse("200 OK", "text/html; charset=utf-8", string(page)), ctype: resp, gzipIt: gzipIt},
		{typ: gowarc.Response, uri: "https://news.example.org/logo.png", date: "2022-10-07T00:00:03Z", block: httpResponse("200 OK", "image/png", "\x89PNG\r\n\x1a\n"), ctype: resp, gzipIt: gzipIt},
		{typ: gowarc.Response, uri: "https://news.example.org/gone", date: "2022-10-07T00:00:04Z", block: httpResponse("404 Not Found", "text/html", "<p>Not found</p>"), ctype: resp, gzipIt: gzipIt},
		{typ: gowarc.Response, uri: "https://news.example.org/b.txt", date: "2022-10-08T00:00:05Z", block: httpResponse("200 OK", "text/plain", "Troops withdrew from the border on Friday, the defence ministry said."), ctype: resp, gzipIt: gzipIt},
	})
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name   string
		gzipIt bool
	}{{"plain.warc", false}, {"records.warc.gz", true}} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, sampleWARC(t, tt.gzipIt), 0o644); err != nil {
				t.Fatal(err)
			}
			got := readAll(t, NewReader(Options{}), path)
			if len(got) != 2 || got[0].err != nil || got[1].err != nil {
				t.Fatalf("got %v, want two documents", got)
			}
			a, b := got[0].doc, got[1].doc
			if a.Source != path+"#3" || a.URL != "https://news.example.org/2022/10/06/border-talks" || a.Published != "2022-10-06" || !strings.Contains(a.Text, "About 200 people") {
				t.Errorf("record 3 = %+v", a)
			}
			if b.Source != path+"#6" || b.URL != "https://news.example.org/b.txt" || b.Published != "2022-10-08" || b.Lang != "en" {
				t.Errorf("record 6 = %+v", b)
			}
		})
	}
}

// TestTruncatedWARC checks that records before the damage come through,
// then one error naming the record.
func TestTruncatedWARC(t *testing.T) {
	data := sampleWARC(t, false)
	cut := bytes.LastIndex(data, []byte("Troops withdrew"))
	path := filepath.Join(t.TempDir(), "cut.warc")
	if err := os.WriteFile(path, data[:cut], 0o644); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, NewReader(Options{}), path)
	if len(got) != 2 || got[0].err != nil || got[1].err == nil {
		t.Fatalf("got %v, want a document then an error", got)
	}
	if msg := got[1].err.Error(); !strings.HasPrefix(msg, path+"#6: ") {
		t.Errorf("error = %q", msg)
	}
}

func TestWARCRecordTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.warc")
	if err := os.WriteFile(path, sampleWARC(t, false), 0o644); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, NewReader(Options{MaxBytes: 1000}), path)
	if len(got) != 2 || got[0].err == nil || got[1].err != nil {
		t.Fatalf("got %v, want an error for record 3, then record 6", got)
	}
	if msg := got[0].err.Error(); !strings.HasPrefix(msg, path+"#3: ") || !strings.Contains(msg, "larger than the size limit") {
		t.Errorf("error = %q", msg)
	}
}
