package golden

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

func TestRewrite(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.txtar")
	ar := &txtar.Archive{Files: []txtar.File{
		{Name: "input", Data: []byte("text\n")},
		{Name: "out1", Data: []byte("old\n")},
		{Name: "param", Data: []byte("p\n")},
	}}
	rewrite(t, file, ar, []string{"out1", "out2"}, Sections{"out1": "new\n", "out2": "added\n"})
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := "-- input --\ntext\n-- out1 --\nnew\n-- param --\np\n-- out2 --\nadded\n"
	if string(data) != want {
		t.Errorf("rewritten archive:\n%s\nwant:\n%s", data, want)
	}
}
