package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// The end-to-end tests of the commands that use the store: ingest, list,
// show, search.

const clashStory = `Border guards exchange fire near disputed reservoir

Border guards of the two neighbouring republics exchanged fire on Thursday near a disputed water intake in the upper valley, officials on both sides said, in the third such incident this month.
The interior ministry of the northern republic said four of its citizens were killed and at least 27 were injured, and that about 1,200 residents of three border villages had been evacuated to schools in the district centre overnight.
The foreign ministry of the southern republic rejected that account. A spokesman told reporters that its troops had only returned fire after being shelled with mortars, and that two of its servicemen had been wounded. He did not provide any evidence for the claim.
The two governments agreed a ceasefire late on Thursday and said their border commissions would meet next week. Previous agreements, signed after clashes last spring, broke down within days.
Sept. 16, 2022
`

const farmStory = `Farmers count the cost of a dry summer

Wheat and cotton farmers in the southern valleys say this year's harvest is the worst in a decade, after a summer with almost no rain and a heat wave that lasted most of July.
Agricultural officials estimate that yields fell by a third compared with last year. In some districts farmers have sold part of their livestock because there is not enough fodder for the winter.
The government has promised subsidised seed and cheaper credit for the next planting season.
Oct. 2, 2022
`

// repost is the clash story as another site copies it: a new headline and
// a footer.
var repost = strings.Replace(clashStory, "Border guards exchange fire near disputed reservoir", "Deadly shooting at the border, again", 1) +
	"Copyright 2022 The Repost. All rights reserved.\n"

// runCLI runs the command line and returns stdout, stderr and the exit
// status.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := New(strings.NewReader(""), &out, &errb).Run(context.Background(), args)
	return out.String(), errb.String(), code
}

// isolate points the default database away from the user's own.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("PARALLAX_DB", "")
	t.Setenv("XDG_DATA_HOME", dir)
	t.Setenv("HOME", dir)
	return dir
}

func TestStoreCommandsEndToEnd(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "p.db")
	articles := filepath.Join(dir, "articles")
	if err := os.MkdirAll(articles, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"1-clash.txt": clashStory, "2-farm.txt": farmStory, "3-repost.txt": repost, "4-empty.txt": "  \n"} {
		if err := os.WriteFile(filepath.Join(articles, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Ingest: one empty file fails, the rest is stored.
	out, errs, code := runCLI(t, "ingest", "--db", db, articles)
	if code != ExitInput {
		t.Fatalf("ingest: exit %d, want %d\nstdout %s\nstderr %s", code, ExitInput, out, errs)
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "4-empty.txt") {
		t.Errorf("ingest stderr %q, want one line naming 4-empty.txt", errs)
	}
	if want := "4 documents: 2 new, 0 already stored, 1 near-duplicates, 1 failed\n"; out != want {
		t.Errorf("ingest summary %q, want %q", out, want)
	}

	// Again: everything is already there.
	good := []string{filepath.Join(articles, "1-clash.txt"), filepath.Join(articles, "2-farm.txt"), filepath.Join(articles, "3-repost.txt")}
	out, errs, code = runCLI(t, append([]string{"ingest", "--db", db}, good...)...)
	if code != ExitOK || out != "3 documents: 0 new, 3 already stored, 0 near-duplicates, 0 failed\n" {
		t.Errorf("second ingest: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	// List: newest first, aligned columns.
	out, errs, code = runCLI(t, "list", "--db", db)
	if code != ExitOK {
		t.Fatalf("list: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	row := regexp.MustCompile(`^([0-9a-f]{16})  (\S+)\s+—\s+(\S.+)$`)
	var ids []string
	for _, l := range lines {
		m := row.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("list line %q is not id, date, outlet, title", l)
		}
		ids = append(ids, m[1])
	}
	if len(lines) != 3 || !strings.Contains(lines[0], "2022-10-02") || !strings.Contains(lines[0], "Farmers count the cost") || !strings.Contains(lines[2], "Deadly shooting") {
		t.Fatalf("list:\n%s", out)
	}
	if strings.Index(lines[1], "Border guards") != strings.Index(lines[0], "Farmers") {
		t.Errorf("titles are not aligned:\n%s", out)
	}

	var infos []struct {
		ID, Title, Published string
		NearDuplicateOf      string `json:"near_duplicate_of"`
	}
	out, _, code = runCLI(t, "list", "--db", db, "--json")
	if err := json.Unmarshal([]byte(out), &infos); code != ExitOK || err != nil || len(infos) != 3 {
		t.Fatalf("list --json: exit %d, %v\n%s", code, err, out)
	}
	// The repost has no date (its last line is not a dateline): it comes
	// last, linked to the original.
	if infos[1].ID != ids[1] || infos[2].NearDuplicateOf != ids[1] || infos[1].NearDuplicateOf != "" || infos[2].Published != "" {
		t.Errorf("the repost is not linked to the original: %+v", infos)
	}
	if want := "[near-duplicate of " + ids[1] + "]"; !strings.HasSuffix(lines[2], want) || strings.Contains(lines[1], "near-duplicate") {
		t.Errorf("list does not mark the repost as a near-duplicate of %s:\n%s", ids[1], strings.Join(lines, "\n"))
	}
	out, _, _ = runCLI(t, "list", "--db", db, "--to", "2022-09-30")
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, ids[1]) {
		t.Errorf("list --to: %q", out)
	}
	out, _, _ = runCLI(t, "list", "--db", db, "--limit", "1", "--from", "Oct 1, 2022")
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, "Farmers") {
		t.Errorf("list --limit 1 --from: %q", out)
	}

	// Show: the report and the JSON contract.
	out, errs, code = runCLI(t, "show", "--db", db, ids[0])
	if code != ExitOK || !strings.HasPrefix(out, "Farmers count the cost of a dry summer\n") {
		t.Errorf("show: exit %d, stderr %q\n%s", code, errs, out)
	}
	out, _, code = runCLI(t, "show", "--db", db, "--json", ids[0])
	var a struct {
		Document  struct{ ID, Text, Published string }
		Sentences []struct{ Start, End int }
	}
	if err := json.Unmarshal([]byte(out), &a); code != ExitOK || err != nil || a.Document.ID != ids[0] || a.Document.Text != farmStory || len(a.Sentences) == 0 {
		t.Errorf("show --json: exit %d, %v: %+v", code, err, a.Document)
	}

	// Search: hits with snippets, best first.
	out, errs, code = runCLI(t, "search", "--db", db, "evacuated", "villages")
	if code != ExitOK || strings.Count(out, "[evacuated]") != 2 || strings.Contains(out, "Farmers") {
		t.Errorf("search: exit %d, stderr %q\n%s", code, errs, out)
	}
	out, _, code = runCLI(t, "search", "--db", db, "--json", "--limit", "1", "harvest")
	var hits []struct{ ID, Snippet string }
	if err := json.Unmarshal([]byte(out), &hits); code != ExitOK || err != nil || len(hits) != 1 || hits[0].ID != ids[0] || !strings.Contains(hits[0].Snippet, "[harvest]") {
		t.Errorf("search --json: exit %d, %v\n%s", code, err, out)
	}
	out, _, code = runCLI(t, "search", "--db", db, "nothingmatchesthis")
	if code != ExitOK || out != "" {
		t.Errorf("search without hits: exit %d, %q", code, out)
	}
}

func TestStoreCommandErrors(t *testing.T) {
	home := isolate(t)
	db := filepath.Join(t.TempDir(), "p.db")
	storeAt(t, db, "Farmers count the cost")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a part of the message on stderr
	}{
		{"show of an unknown ID", []string{"show", "--db", db, "0123456789abcdef"}, ExitInput, `no article with ID "0123456789abcdef"`},
		{"list of no database", []string{"list", "--db", filepath.Join(home, "none.db")}, ExitInput, "no database at"},
		{"search of no database", []string{"search", "x"}, ExitInput, "no database at"},
		{"postgres", []string{"list", "--db", "postgres://me:secret@localhost/px"}, ExitUsage, "not supported yet"},
		{"unknown scheme", []string{"list", "--db", "mysql://localhost/px"}, ExitUsage, "unknown kind of database"},
		{"ingest without a path", []string{"ingest", "--db", db}, ExitUsage, "requires at least 1 arg"},
		{"bad date", []string{"list", "--db", db, "--from", "yesterday-ish"}, ExitUsage, "--from/--to"},
		{"bad limit", []string{"search", "--db", db, "--limit", "0", "x"}, ExitUsage, "--limit"},
		{"blank query", []string{"search", "--db", db, " "}, ExitUsage, "empty search query"},
		{"show without an ID", []string{"show", "--db", db}, ExitUsage, "accepts 1 arg"},
		{"unknown flag", []string{"list", "--db", db, "--colour"}, ExitUsage, "unknown flag"},
		{"missing input", []string{"ingest", "--db", db, filepath.Join(home, "missing.txt")}, ExitInput, "missing.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tc.code, tc.stderr)
			}
			if strings.Contains(errs, "secret") {
				t.Errorf("stderr shows the password: %q", errs)
			}
		})
	}
}

// storeAt creates a database at path holding one article with the given
// title, without the pipeline.
func storeAt(t *testing.T, path, title string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := doc.NewAnalysis(doc.Document{Title: title, Text: title + "\nA story.", Published: "2022-10-02"})
	if _, err := st.Put(context.Background(), []*doc.Analysis{a}); err != nil {
		t.Fatal(err)
	}
}

func TestDatabaseLocation(t *testing.T) {
	home := isolate(t)
	list := func(args ...string) string {
		t.Helper()
		out, errs, code := runCLI(t, append([]string{"list"}, args...)...)
		if code != ExitOK {
			t.Fatalf("list %q: exit %d: %s", args, code, errs)
		}
		return out
	}
	// The default: the user's data directory, created on first write.
	m := New(strings.NewReader(""), io.Discard, io.Discard)
	st, err := m.openStore(context.Background(), dbOptions{}, true)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	def := filepath.Join(home, "parallax", "parallax.db")
	if _, err := os.Stat(def); err != nil {
		t.Errorf("no database in $XDG_DATA_HOME/parallax: %v", err)
	}
	storeAt(t, def, "In the default database")
	if out := list(); !strings.Contains(out, "In the default database") {
		t.Errorf("list of the default database: %q", out)
	}
	// $PARALLAX_DB, and --db over it.
	env := filepath.Join(t.TempDir(), "env.db")
	storeAt(t, env, "In the PARALLAX_DB database")
	t.Setenv("PARALLAX_DB", env)
	if out := list(); !strings.Contains(out, "In the PARALLAX_DB database") {
		t.Errorf("list of $PARALLAX_DB: %q", out)
	}
	flag := filepath.Join(t.TempDir(), "flag.db")
	storeAt(t, flag, "In the --db database")
	if out := list("--db", flag); !strings.Contains(out, "In the --db database") {
		t.Errorf("list --db: %q", out)
	}
	// A write creates the folders of --db.
	deep := filepath.Join(t.TempDir(), "a", "b", "p.db")
	st, err = m.openStore(context.Background(), dbOptions{dsn: deep}, true)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := os.Stat(deep); err != nil {
		t.Errorf("--db did not create its file and folders: %v", err)
	}
}

// refusingStore refuses, as a whole batch, any batch with an analysis
// titled "bad"; it stores the others.
type refusingStore struct {
	store.Store
	stored []string
}

func (s *refusingStore) Put(_ context.Context, as []*doc.Analysis) ([]store.PutResult, error) {
	for _, a := range as {
		if a.Document.Title == "bad" {
			return nil, fmt.Errorf("%w: test", store.ErrInvalid)
		}
	}
	var rs []store.PutResult
	for _, a := range as {
		s.stored = append(s.stored, a.Document.ID)
		rs = append(rs, store.PutResult{ID: a.Document.ID, Added: true})
	}
	return rs, nil
}

func TestStoreBatchKeepsTheGoodDocuments(t *testing.T) {
	var errb bytes.Buffer
	m := New(strings.NewReader(""), io.Discard, &errb)
	st := &refusingStore{}
	var batch []*doc.Analysis
	for _, d := range []doc.Document{{ID: "1", Text: "a"}, {ID: "2", Title: "bad", Source: "two.txt", Text: "b"}, {ID: "3", Text: "c"}} {
		batch = append(batch, doc.NewAnalysis(d))
	}
	var sum ingestSummary
	failed := 0
	err := m.storeBatch(context.Background(), st, batch, &sum, func(r pipeline.Result) { failed++; m.reportError("", r) })
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(st.stored, " "); got != "1 3" || failed != 1 || sum.added != 2 {
		t.Errorf("stored %q, %d failed, summary %v", got, failed, sum)
	}
	if want := "parallax: two.txt (id 2): not stored: invalid: test\n"; errb.String() != want {
		t.Errorf("stderr %q, want %q", errb.String(), want)
	}
}
