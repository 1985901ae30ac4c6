package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/attribution/internal/tagger"
	"github.com/parallaxnews/parallax/doc"
)

// TestReadPart reads a made-up article in brat standoff, with a
// multi-byte character before the spans and a discontinuous cue, and
// checks the gold spans and the examples built from them.
func TestReadPart(t *testing.T) {
	dir := t.TempDir()
	text := "Café owners said that prices rose. Nobody else spoke."
	ann := "T1\tSource 0 11\tCafé owners\n" +
		"T2\tCue 12 16\tsaid\n" +
		"T3\tContent 17 33\tthat prices rose\n" +
		"T4\tAttribution 12 16\tsaid\n" +
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
		"T5\tCue 42 46;47 52\telse spoke\n" +
		"E2\tAttribution:T5 Cue:T5\n" +
		"broken line\n"
	for name, data := range map[string]string{"text/a.txt": text, "attributions/a_1.ann": ann, "attributions/a_2.ann": "E1\tAttribution:T9\n"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, err := readPart(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || len(arts[0].ats) != 2 {
		t.Fatalf("got %d articles, want 1 with 2 attributions", len(arts))
	}
	g := arts[0].ats[0]
	if got := text[g.source.Start:g.source.End]; got != "Café owners" {
		t.Errorf("source %q", got)
	}
	if got := text[g.content.Start:g.content.End]; got != "that prices rose" {
		t.Errorf("content %q", got)
	}
	if got := text[arts[0].ats[1].cue.Start:arts[0].ats[1].cue.End]; got != "else spoke" {
		t.Errorf("discontinuous cue %q", got)
	}
	cueX, roleX := examples(arts, tagger.NewLexicon(nil))
	if len(cueX) != 2 || len(roleX) != 2 {
		t.Fatalf("got %d cue and %d role examples, want 2 and 2", len(cueX), len(roleX))
	}
	want := []int{tagger.RoleS, tagger.RoleS, tagger.RoleO, tagger.RoleC, tagger.RoleC, tagger.RoleC, tagger.RoleO}
	for i, tag := range roleX[0].tags {
		if tag != want[i] {
			t.Fatalf("role tags %v, want %v", roleX[0].tags, want)
		}
	}
	if cueX[0].tags[2] != tagger.CueB || cueX[1].tags[1] != tagger.CueB || cueX[1].tags[2] != tagger.CueI {
		t.Errorf("cue tags %v %v", cueX[0].tags, cueX[1].tags)
	}
}

// TestTrain checks that fitting separates a cue word from the others.
func TestTrain(t *testing.T) {
	arts := []*article{{name: "x", text: "Ann said yes. Bob ran home."}}
	arts[0].ats = []gold{{cue: doc.Span{Start: 4, End: 8}, source: doc.Span{Start: 0, End: 3}, content: doc.Span{Start: 9, End: 12}}}
	cueX, _ := examples(arts, tagger.NewLexicon(nil))
	tb := train(cueX, tagger.NewTable(10, tagger.CueTags), 5, cueFeats, tagger.CueAllowed)
	var dec tagger.Decoder
	x := &cueX[0]
	_, em := emissions(x, tb, cueFeats, nil, nil)
	got := dec.Viterbi(tb, em, x.s.Len(), tagger.CueAllowed, nil)
	if got[1] != tagger.CueB || got[0] != tagger.CueO {
		t.Errorf("tags %v after fitting", got)
	}
}
