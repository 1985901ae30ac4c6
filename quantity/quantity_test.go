package quantity_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/quantity"
	"github.com/parallaxnews/parallax/timex"
)

func newAnnotator(t testing.TB) *quantity.Annotator {
	t.Helper()
	an, err := quantity.New()
	if err != nil {
		t.Fatal(err)
	}
	return an
}

func TestParse(t *testing.T) {
	an := newAnnotator(t)
	for _, tc := range []struct{ text, want string }{
		{"142,000", "[142,000 142000..142000 ]"},
		{"142 000", "[142 000 142000..142000 ]"},
		{"1.5", "[1.5 1.5..1.5 ]"},
		{".08", "[.08 0.08..0.08 ]"},
		{"two hundred and three", "[two hundred and three 203..203 ]"},
		{"a dozen", "[a dozen 12..12 ]"},
		{"one hundred and three and two thirds", "[one hundred and three and two thirds 103.66666666666667..103.66666666666667 ]"},
		{"1 thousand", "[1 thousand 1000..1000 ]"},
		{"эвакуированы 136 тысяч", "[136 тысяч 136000..136000 ]"},
		{"эвакуированы более 136 тысяч", "[более 136 тысяч 136000..nil ]"},
		{"около 200 домов", "[около 200 домов 200..200 buildings]"},
		{"погиб один военнослужащий, двое ранены", "[один военнослужащий 1..1 people][двое 2..2 ]"},
		{"двадцать пять человек", "[двадцать пять человек 25..25 people]"},
		{"не менее 50", "[не менее 50 50..nil ]"},
		{"от 20 до 30", "[от 20 до 30 20..30 ]"},
		{"выросло до 59", "[59 59..59 ]"},
		{"1.5 million", "[1.5 million 1500000..1500000 ]"},
		{"142 thousand", "[142 thousand 142000..142000 ]"},
		{"-5", "[-5 -5..-5 ]"},
		{"3/4", "[3/4 0.75..0.75 ]"},
		{"45%", "[45% 45..45 percent]"},
		{"about 200", "[about 200 200..200 ]"},
		{"more than 600", "[more than 600 600..nil ]"},
		{"at least 41 people", "[at least 41 people 41..nil people]"},
		{"up to 50", "[up to 50 nil..50 ]"},
		{"as many as five civilians", "[as many as five civilians nil..5 people]"},
		{"less than 10", "[less than 10 nil..10 ]"},
		{"between 10 and 15", "[between 10 and 15 10..15 ]"},
		{"10-15", "[10-15 10..15 ]"},
		{"from 20 to 30", "[from 20 to 30 20..30 ]"},
		{"between 2 and 3 thousand", "[between 2 and 3 thousand 2000..3000 ]"},
		{"larger than twenty and less or equal than thirty five", "[larger than twenty and less or equal than thirty five 20..35 ]"},
		{"dozens of homes", "[dozens of homes 24..nil buildings]"},
		{"hundreds of people", "[hundreds of people 200..nil people]"},
		{"2,000 square kilometers", "[2,000 square kilometers 2000..2000 km2]"},
		{"500 hectares", "[500 hectares 5..5 km2]"},
		{"63 people died", "[63 people 63..63 people]"},
		{"10 Kyrgyz civilians", "[10 Kyrgyz civilians 10..10 people]"},
		{"and one border guard was wounded", "[one border guard 1..1 people]"},
		{"600 residential buildings", "[600 residential buildings 600..600 buildings]"},
		{"$20", "[$20 20..20 USD]"},
		{"the 77th session", ""},
		{"at 10:30", ""},
		{"at 6pm", ""},
		{"killed[1]", ""},
		{"a Su-25 jet", ""},
		{"that one is good", ""},
		{"one soldier", "[one soldier 1..1 people]"},
		{"over 20,000 thousand people", "[over 20,000 thousand people 20000..nil people]"},
		{"20 thousand people", "[20 thousand people 20000..20000 people]"},
		{"4 thousand 3 hundred and 0", "[4 thousand 3 hundred 4300..4300 ][0 0..0 ]"},
		{"one in five", "[one in five 0.2..0.2 ]"},
		{"two out of five hundred tvs", "[two out of five hundred 0.004..0.004 ]"},
		{"ranked between the tenth and the fifteenth", "[between the tenth and the fifteenth 10..15 rank]"},
		{"he is 5 ft 2 in", "[5 ft 2 in 5.166666666666667..5.166666666666667 ft]"},
		{"1 m 80 cm", "[1 m 80 cm 1.8..1.8 m]"},
		{"serial 24703 m212", ""},
		{"call 2222/2222", "[2222 2222..2222 ][2222 2222..2222 ]"},
	} {
		if got := describe(an.Parse(tc.text)); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestSeed checks every figure of the seed article, and that none comes
// from "77th" or from a date.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sharedtest.Dir(t), "corpus", "seed", "tajik-mfa-silent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	a := doc.NewAnalysis(doc.Document{Text: string(b), Published: "2022-10-06"})
	tx.Annotate(a)
	newAnnotator(t).Annotate(a)
	got := describe(a.Quantities)
	for _, want := range []string{
		"[more than 2,000 square kilometers 2000..nil km2]",
		"[about 1 thousand objects 1000..1000 buildings]",
		"[more than 600 residential buildings 600..nil buildings]",
		"[more than 142,000 people 142000..nil people]",
		"[63 people 63..63 people]",
		"[about 200 200..200 ]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("seed: missing %s in %s", want, got)
		}
	}
	for _, q := range a.Quantities {
		if strings.Contains(q.Text, "77") {
			t.Errorf("seed: %q is not a figure", q.Text)
		}
		for _, x := range a.Times {
			if q.Span().Overlaps(x.Span()) {
				t.Errorf("seed: %q overlaps the time %q", q.Text, x.Text)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"more than 142,000 people", "between 10 and 15", "1,674.5 million", "one hundred and three and two thirds",
		"-12e-1", "1.1^23", "2  1/4", "$1.5bn", "dozens of homes", "10-15 km", "12,34,567.89", "½", "1 over three", "twenty-one trillion three hundred",
		"5 ft 2 in", "between the tenth and the fifteenth", "20,000 thousand", "one hundred thirty-fifths", "1 in 21"} {
		f.Add(s)
	}
	an := newAnnotator(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range an.Parse(text) {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v", q)
			}
			if q.Low == nil && q.High == nil {
				t.Fatalf("no bound %+v", q)
			}
			if q.Unit != "" && (q.UnitStart < q.Start || q.UnitEnd > q.End) {
				t.Fatalf("unit outside the figure %+v", q)
			}
		}
	})
}

// BenchmarkAnnotate runs the time and quantity layers together over real
// news text (PolNeAR), as the pipeline does.
func BenchmarkAnnotate(b *testing.B) {
	text := polnear(b)
	tx, err := timex.New()
	if err != nil {
		b.Fatal(err)
	}
	qa := newAnnotator(b)
	a := doc.NewAnalysis(doc.Document{Text: text, Published: "2016-11-07"})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tx.Annotate(a)
		qa.Annotate(a)
	}
}

// polnear returns about 1 MB of PolNeAR article text.
func polnear(b *testing.B) string {
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(b), "datasets", "polnear", "dev", "text", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no PolNeAR text: %v", err)
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteByte('\n')
		if sb.Len() > 1<<20 {
			break
		}
	}
	return sb.String()
}
