package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"github.com/parallaxnews/parallax/doc"
)

// result is what one call of the Read callback received.
type result struct {
	doc doc.Document
	err error
}

// readAll reads src with r and returns every callback in order.
func readAll(t testing.TB, r *Reader, src string) []result {
	t.Helper()
	var out []result
	err := r.Read(context.Background(), src, func(d doc.Document, err error) error {
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) {
				t.Errorf("%s: error %v is not an *ingest.Error", src, err)
			}
		}
		out = append(out, result{d, err})
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%s): %v", src, err)
	}
	return out
}

func TestReadFiles(t *testing.T) {
	utf8Ru, err := os.ReadFile("testdata/ru-utf8.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file      string
		source    string
		title     string
		published string
		lang      string
		outlet    string
		url       string
		text      string // the whole text, when given
		contains  string
		excludes  string
	}{
		{file: "article.txt", source: "testdata/article.txt", title: "Border talks stall as both sides trade blame", published: "2022-10-06", lang: "en", contains: "failed to agree"},
		{file: "article-utf16.txt", title: "Border talks stall as both sides trade blame", published: "2022-10-06", lang: "en", contains: "failed to agree"},
		{file: "ru-utf8.txt", lang: "ru", title: "Переговоры на границе зашли в тупик", text: string(utf8Ru)},
		{file: "ru-windows1251.txt", lang: "ru", title: "Переговоры на границе зашли в тупик", text: string(utf8Ru)},
		{file: "ru-koi8r.txt", lang: "ru", title: "Переговоры на границе зашли в тупик", text: string(utf8Ru)},
		{file: "de-latin1.txt", lang: "de", title: "Grenzgespräche stocken", contains: "Außenministerium"},
		{file: "article.html", title: "Border talks stall as both sides trade blame", published: "2022-10-06", lang: "en", outlet: "Example News",
			url: "https://news.example.org/2022/10/06/border-talks", contains: "About 200 people were evacuated", excludes: "cookies"},
		{file: "ru-windows1251.html", title: "Переговоры зашли в тупик", lang: "ru", contains: "эвакуированы около 200 человек"},
		{file: "minified.html", title: "Toll rises to 59", lang: "en", contains: "rose to 59, the ministry said.\n\nAnother 144 people were injured."},
	}
	r := NewReader(Options{})
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := readAll(t, r, filepath.Join("testdata", tt.file))
			if len(got) != 1 || got[0].err != nil {
				t.Fatalf("got %d results (%v), want one document", len(got), got)
			}
			d := got[0].doc
			check := func(field, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("Source", d.Source, tt.source)
			check("Title", d.Title, tt.title)
			check("Published", d.Published, tt.published)
			check("Lang", d.Lang, tt.lang)
			check("Outlet", d.Outlet, tt.outlet)
			check("URL", d.URL, tt.url)
			check("Text", d.Text, tt.text)
			if d.ID != ContentID(d.Text) {
				t.Errorf("ID = %q, want the content hash", d.ID)
			}
			if !strings.Contains(d.Text, tt.contains) {
				t.Errorf("text lacks %q:\n%s", tt.contains, d.Text)
			}
			if tt.excludes != "" && strings.Contains(d.Text, tt.excludes) {
				t.Errorf("text keeps boilerplate %q:\n%s", tt.excludes, d.Text)
			}
		})
	}
}

// TestUTF8KeptByteForByte checks that offsets into valid UTF-8 text match
// the file, including a byte order mark and CRLF line ends.
func TestUTF8KeptByteForByte(t *testing.T) {
	data := []byte("\ufeffKyrgyz and Tajik forces clashed\r\n\r\nThe ministry said 24 people were killed.\r\n")
	d, err := FromText(data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != string(data) {
		t.Errorf("text changed:\n%q\nwant\n%q", d.Text, data)
	}
}

func TestFeeds(t *testing.T) {
	r := NewReader(Options{})
	rss := readAll(t, r, "testdata/rss.xml")
	if len(rss) != 3 {
		t.Fatalf("rss: %d results, want 3", len(rss))
	}
	want := []struct{ source, title, published, url, text string }{
		{"testdata/rss.xml#1", "Ceasefire agreed after two days of clashes", "2022-09-17", "https://wire.example.org/ceasefire",
			"The two sides agreed a ceasefire on Friday evening, the defence ministry said.\n\nMore than 30 people were killed, officials said."},
		{"testdata/rss.xml#2", "Villagers return home", "2022-09-19", "https://wire.example.org/return",
			"Hundreds of villagers returned to their homes on Monday, local officials said."},
		{"testdata/rss.xml#3", "Talks to resume", "2022-09-20", "https://wire.example.org/talks",
			"Negotiators will meet again next week, a spokesman said."},
	}
	for i, w := range want {
		d := rss[i].doc
		if rss[i].err != nil || d.Source != w.source || d.Title != w.title || d.Published != w.published || d.URL != w.url || d.Text != w.text || d.Outlet != "Example Wire" || d.Lang != "en" {
			t.Errorf("item %d = %+v (%v), want %+v", i+1, d, rss[i].err, w)
		}
	}
	atom := readAll(t, r, "testdata/atom.xml")
	if len(atom) != 2 || atom[0].err != nil || atom[1].err != nil {
		t.Fatalf("atom: %v", atom)
	}
	if d := atom[1].doc; d.Published != "2022-10-07" || d.Lang != "ru" || d.Outlet != "Пример новостей" || d.URL != "https://news.example.ru/2" {
		t.Errorf("atom entry 2 = %+v", d)
	}
}

// TestTruncatedFeed checks that the items before the damage come through,
// then one error.
func TestTruncatedFeed(t *testing.T) {
	data, err := os.ReadFile("testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.Index(data, []byte("<title>Talks to resume")) + 10
	path := filepath.Join(t.TempDir(), "cut.xml")
	if err := os.WriteFile(path, data[:cut], 0o644); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, NewReader(Options{}), path)
	if len(got) != 3 || got[0].err != nil || got[1].err != nil || got[2].err == nil {
		t.Fatalf("got %v, want two items then an error", got)
	}
	if msg := got[2].err.Error(); !strings.HasPrefix(msg, path+"#3: ") || !strings.Contains(msg, "cut short") {
		t.Errorf("error = %q", msg)
	}
}

func TestLargeFeed(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`)
	for i := range 10000 {
		b.WriteString("<item><title>Item</title><link>https://example.org/")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString("</link><description>&lt;p&gt;Officials said forty people were evacuated from the border villages.&lt;/p&gt;</description></item>")
	}
	b.WriteString("</channel></rss>")
	path := filepath.Join(t.TempDir(), "big.rss")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, NewReader(Options{}), path)
	if len(got) != 10000 {
		t.Fatalf("got %d items, want 10000", len(got))
	}
	if got[9999].err != nil || got[9999].doc.Source != path+"#10000" {
		t.Errorf("last item = %+v, %v", got[9999].doc, got[9999].err)
	}
}

func TestJSONLinesFile(t *testing.T) {
	got := readAll(t, NewReader(Options{}), "testdata/docs.jsonl")
	if len(got) != 4 {
		t.Fatalf("got %d results, want 4: %v", len(got), got)
	}
	if got[0].doc.ID != "a1" || got[0].doc.Outlet != "Example News" || got[0].doc.Source != "testdata/docs.jsonl:1" {
		t.Errorf("line 1 = %+v", got[0].doc)
	}
	if got[1].err == nil || got[1].err.Error() != `testdata/docs.jsonl:3 (id a2): no "text"` {
		t.Errorf("line 3 error = %v", got[1].err)
	}
	if got[2].err == nil || !strings.HasPrefix(got[2].err.Error(), "testdata/docs.jsonl:4: not a JSON object") {
		t.Errorf("line 4 error = %v", got[2].err)
	}
	if got[3].doc.Published != "2022-10-06" || got[3].doc.Lang != "ru" {
		t.Errorf("line 5 = %+v", got[3].doc)
	}
}

func TestGzip(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"article.html", "rss.xml", "ru-windows1251.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(data)
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, name+".gz"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := readAll(t, NewReader(Options{}), dir)
	if len(got) != 1+3+1 {
		t.Fatalf("got %d results, want 5: %v", len(got), got)
	}
	for _, g := range got {
		if g.err != nil {
			t.Errorf("%v", g.err)
		}
	}
	if !strings.Contains(got[0].doc.Text, "About 200 people") || !strings.HasSuffix(got[0].doc.Source, "article.html.gz") {
		t.Errorf("html.gz = %+v", got[0].doc)
	}
	if got[4].doc.Lang != "ru" || !strings.Contains(got[4].doc.Text, "эвакуированы") {
		t.Errorf("txt.gz = %+v", got[4].doc)
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(100 << 20) // sparse: 100 MB on paper, nothing on disk
	f.Close()
	truncHTML := []byte("<html><head><title>Clash</title></head><body><article><p>" + strings.Repeat("Border guards exchanged fire near the village, officials said. ", 8))
	tests := []struct {
		name    string
		path    string
		opts    Options
		docs    int    // documents expected before the error
		message string // in the error
	}{
		{"empty", write("empty.txt", nil), Options{}, 0, "empty input"},
		{"blank", write("blank.txt", []byte(" \n\t\n")), Options{}, 0, "empty input"},
		{"nul bytes", write("nul.txt", []byte("text\x00with\x00nuls")), Options{}, 0, "binary data"},
		{"pdf", write("report.txt", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj")), Options{}, 0, "PDF"},
		{"png", write("image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), Options{}, 0, "PNG"},
		{"zip", write("doc.docx", []byte("PK\x03\x04\x14\x00\x06\x00")), Options{}, 0, "ZIP"},
		{"broken utf-8", write("broken.txt", []byte("Kyrgyz border — “clashes” \xff\xfe resumed — officials")), Options{}, 0, "not valid UTF-8: bad byte 0xFF at offset"},
		{"too large", big, Options{}, 0, "larger than the size limit: 100.0 MiB, the limit is 64.0 MiB"},
		{"over cap", write("over.txt", bytes.Repeat([]byte("word "), 300)), Options{MaxBytes: 1000}, 0, "larger than the size limit"},
		{"truncated html", write("cut.html", truncHTML), Options{}, 1, "cut short"},
		{"bad gzip", write("bad.gz", []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3}), Options{}, 0, ""},
		{"missing", filepath.Join(dir, "nope.txt"), Options{}, 0, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, NewReader(tt.opts), tt.path)
			if len(got) != tt.docs+1 {
				t.Fatalf("got %d results %v, want %d documents and an error", len(got), got, tt.docs)
			}
			for _, g := range got[:tt.docs] {
				if g.err != nil {
					t.Errorf("unexpected error %v", g.err)
				}
			}
			err := got[tt.docs].err
			if err == nil {
				t.Fatalf("no error, got %+v", got[tt.docs].doc)
			}
			if !strings.HasPrefix(err.Error(), tt.path+": ") || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error = %q, want it to name %s and say %q", err, tt.path, tt.message)
			}
		})
	}
}

// TestBatchGoesOn checks that one bad file in a folder does not stop the
// rest.
func TestBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("First article text, officials said."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.bin"), []byte{0, 1, 2, 3}, 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "c.txt"), []byte("Third article text, the ministry said."), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden"), []byte("skipped"), 0o644)
	got := readAll(t, NewReader(Options{}), dir)
	if len(got) != 3 || got[0].err != nil || got[1].err == nil || got[2].err != nil {
		t.Fatalf("got %v", got)
	}
	if got[2].doc.Source != filepath.Join(dir, "sub", "c.txt") {
		t.Errorf("source = %q", got[2].doc.Source)
	}
}

func TestStdin(t *testing.T) {
	r := NewReader(Options{Stdin: strings.NewReader("Troops withdrew from the border on Friday, the ministry said.")})
	got := readAll(t, r, "-")
	if len(got) != 1 || got[0].err != nil || got[0].doc.Source != "-" || got[0].doc.Lang != "en" {
		t.Fatalf("got %v", got)
	}
}

func TestStopsWhenCallbackFails(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := NewReader(Options{}).Read(context.Background(), "testdata/rss.xml", func(doc.Document, error) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Read = %v after %d calls, want stop after 1", err, n)
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"The border guards of the two countries said on Friday that the ceasefire was holding, and that talks between the sides would resume in the coming days.", "en"},
		{"Пограничники двух стран заявили в пятницу, что режим прекращения огня соблюдается и что переговоры между сторонами возобновятся в ближайшие дни, как и было обещано.", "ru"},
		{"Прикордонники двох країн заявили в п'ятницю, що режим припинення вогню дотримується і що переговори між сторонами відновляться найближчими днями.", "uk"},
		{"Die Grenzschützer der beiden Länder sagten am Freitag, dass die Waffenruhe halte und dass die Gespräche zwischen den Seiten in den kommenden Tagen wieder aufgenommen würden.", "de"},
		{"too short", ""},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.30q…) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestDateline checks which dates of a text's first lines are when it was
// filed, and which are what it reports.
func TestDateline(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Toll rises to 59\n\nBISHKEK, September 19, 2022. /TASS/. The death toll rose to 59.", "2022-09-19"},
		{"DUSHANBE/BISHKEK, 19 September 2022 (Reuters) - The leaders agreed to pull back.", "2022-09-19"},
		{"19.09.2022 The death toll rose to 59.", "2022-09-19"},
		{"The ministry said the toll rose to 59.\nOct. 6, 2022", "2022-10-06"},
		{"The clashes of 28 April 2021 left 55 dead. The toll rose later.", ""},
		{"On 14 September 2022, fighting broke out on the border.", ""},
	} {
		if got := Dateline(tt.text); got != tt.want {
			t.Errorf("Dateline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
