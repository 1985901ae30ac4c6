package timex_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/timex"
)

func newAnnotator(t testing.TB) *timex.Annotator {
	t.Helper()
	an, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	return an
}

func format(ts []doc.Time) string {
	var out []string
	for _, x := range ts {
		s := x.Text + "=" + x.From + ".." + x.To
		if x.Through != "" {
			s += "(" + x.Through + ")"
		}
		if x.Approx {
			s += "~"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestResolve(t *testing.T) {
	an := newAnnotator(t)
	for _, tc := range []struct {
		text, published, want string
	}{
		{"Oct. 6, 2022", "", "Oct. 6, 2022=2022-10-06..2022-10-06"},
		{"on 6 October 2022", "", "6 October 2022=2022-10-06..2022-10-06"},
		{"since Sept 14", "2022-10-06", "since Sept 14=2022-09-14.."},
		{"Sept 14", "", "Sept 14=.."},
		{"on 2022-10-06", "", "2022-10-06=2022-10-06..2022-10-06"},
		{"dated 21/04/2016", "", "21/04/2016=2016-04-21..2016-04-21"},
		{"dated 13.5.2015", "", "13.5.2015=2015-05-13..2015-05-13"},
		{"From September 14 to September 17, 2022", "", "From September 14 to September 17, 2022=2022-09-14..2022-09-17"},
		{"обстрелы 14-17 сентября", "2022-09-18", "14-17 сентября=2022-09-14..2022-09-17"},
		{"начались 14 сентября 2022 года", "", "14 сентября 2022=2022-09-14..2022-09-14"},
		{"в сентябре 2022 года", "", "сентябре 2022=2022-09-01..2022-09-30"},
		{"обстрелы с 14 по 17 сентября 2022 года", "", "с 14 по 17 сентября 2022=2022-09-14..2022-09-17"},
		{"с 14 до 17 сентября", "2022-09-20", "с 14 до 17 сентября=2022-09-14..2022-09-17"},
		{"между 14 и 17 сентября", "2022-09-20", "между 14 и 17 сентября=2022-09-14..2022-09-17"},
		{"в начале сентября 2022 года", "", "начале сентября 2022=2022-09-01..2022-09-10~"},
		{"БИШКЕК, 19 сентября", "2022-09-20", "19 сентября=2022-09-19..2022-09-19"},
		{"on 14-17 September", "2022-10-06", "14-17 September=2022-09-14..2022-09-17"},
		{"on September 14-16, 2022, 35 civilians died", "", "September 14-16, 2022=2022-09-14..2022-09-16"},
		{"from April 28 to 29, 2021 the clashes", "2022-09-20", "from April 28 to 29, 2021=2021-04-28..2021-04-29"},
		{"It happened on 14 September.", "2022-10-06", "14 September=2022-09-14..2022-09-14"},
		{"between 3 and 12 of Sept", "2022-10-06", "between 3 and 12 of Sept=2022-09-03..2022-09-12"},
		{"in the spring of 2021", "", "the spring of 2021=2021-03-01..2021-05-31"},
		{"the winter of 2021", "", "the winter of 2021=2020-12-01..2021-02-28"},
		{"since the 1950s", "", "since the 1950s=1950-01-01.."},
		{"in the 1990s", "", "the 1990s=1990-01-01..1999-12-31"},
		{"in May 2021", "", "May 2021=2021-05-01..2021-05-31"},
		{"you may go", "2022-10-06", ""},
		{"in 2021", "", "2021=2021-01-01..2021-12-31"},
		{"the 2000 people", "", ""},
		{"yesterday", "2022-10-06", "yesterday=2022-10-05..2022-10-05"},
		{"yesterday", "", "yesterday=.."},
		{"on Monday", "2022-10-06", "Monday=2022-10-03..2022-10-03"},
		{"On Wednesday, 24 people were killed.", "2022-09-16", "Wednesday=2022-09-14..2022-09-14"},
		{"On Wednesday 24 people were killed.", "2022-09-16", "Wednesday=2022-09-14..2022-09-14"},
		{"on Wednesday, 14 September", "2022-09-16", "Wednesday, 14 September=2022-09-14..2022-09-14"},
		{"last year", "2022-10-06", "last year=2021-01-01..2021-12-31"},
		{"last week", "2022-10-06", "last week=2022-09-26..2022-10-02"},
		{"over the past two years", "2022-10-06", "the past two years=2020-10-06..2022-10-06"},
		{"a year and a half ago", "2022-10-06", "a year and a half ago=2021-04-06..2021-04-06~"},
		{"in the last year and a half", "2022-10-06", "the last year and a half=2021-04-06..2022-10-06"},
		{"in early 2021", "", "early 2021=2021-01-01..2021-06-30~"},
		{"in mid-2021", "", "mid-2021=2021-05-01..2021-08-31~"},
		{"in late September", "2022-10-06", "late September=2022-09-16..2022-09-30~"},
		{"the 77th UN General Assembly", "2022-10-06", ""},
		{"between 2014 and 2018", "", "between 2014 and 2018=2014-01-01..2018-01-01(2018-12-31)"},
		{"in Q3 2019", "", "Q3 2019=2019-07-01..2019-09-30"},
		{"the 21st century", "", "the 21st century=2000-01-01..2099-12-31"},
		{"at 10:30", "2022-10-06", ""},
		{"from May to September", "2022-10-06", "from May to September=2022-05-01..2022-09-01(2022-09-30)"},
		{"on 14 and 15 September", "2022-10-06", "14=2022-09-14..2022-09-14; 15 September=2022-09-15..2022-09-15"},
		{"on Easter 2018", "", "Easter 2018=2018-04-01..2018-04-01"},
		{"last Christmas", "2022-10-06", "last Christmas=2021-12-25..2021-12-25"},
		{"Labor Day weekend", "2021-11-09", "Labor Day weekend=2021-09-04..2021-09-06"},
		{"Navruz", "2022-10-06", "Navruz=2022-03-21..2022-03-21"},
		{"the first week of 2015", "", "the first week of 2015=2014-12-29..2015-01-04"},
		{"the last four months of 2021", "", "the last four months of 2021=2021-09-01..2021-12-31"},
		{"week 10", "2019-07-11", "week 10=2019-03-04..2019-03-10"},
		{"the week of April 10th", "2018-03-14", "the week of April 10th=2017-04-10..2017-04-16"},
		{"two weeks from now", "2016-11-07", "two weeks from now=2016-11-21..2016-11-21"},
		{"2 weeks before May 13 1999", "", "2 weeks before May 13 1999=1999-04-29..1999-04-29"},
		{"in two months", "2018-07-05", "in two months=2018-09-05..2018-09-05~"},
		{"the first time in 20 years", "2018-07-05", ""},
		{"within 3 years", "2017-11-08", "within 3 years=2017-11-08..2020-11-08"},
		{"On 14 September fighting began. The next day talks failed; two days later they met.", "2022-10-06",
			"14 September=2022-09-14..2022-09-14; The next day=2022-09-15..2022-09-15; two days later=2022-09-17..2022-09-17"},
		{"the day before", "2018-11-08", "the day before=2018-11-07..2018-11-07"},
		{"the rest of the month", "2016-11-07", "the rest of the month=2016-11-07..2016-11-30"},
		{"the past two quarters", "2019-07-04", "the past two quarters=2019-01-01..2019-06-30"},
		{"the next 4 business days", "2018-08-21", "the next 4 business days=2018-08-22..2018-08-27"},
		{"between now and May 21", "2019-05-09", "between now and May 21=2019-05-09..2019-05-21"},
		{"2019-aug-01", "", "2019-aug-01=2019-08-01..2019-08-01"},
		{"on 03/18/40", "2016-11-07", "03/18/40=1940-03-18..1940-03-18"},
		{"Oct2", "2016-11-07", "Oct2=2016-10-02..2016-10-02"},
		// No expression runs over a blank line: "31." ends a paragraph,
		// "September 16:" opens the next.
		{"The toll rose to 31.\n\nSeptember 16: it reached 24.", "2022-09-20", "September 16=2022-09-16..2022-09-16"},
		{"It ended on 14\nSeptember 2022.", "", "14\nSeptember 2022=2022-09-14..2022-09-14"},
		// A date without a year near the last dated month or day takes its
		// year; one far from it is read against the publication date.
		{"In April 2021 fighting broke out. April 28: stones were thrown. May 1: a truce.", "2022-09-18",
			"April 2021=2021-04-01..2021-04-30; April 28=2021-04-28..2021-04-28; May 1=2021-05-01..2021-05-01"},
		{"The clashes of 28 December 2021 ended on January 3.", "2022-09-18",
			"28 December 2021=2021-12-28..2021-12-28; January 3=2022-01-03..2022-01-03"},
		{"The April 2021 clashes killed 55. On September 14 fighting resumed.", "2022-09-18",
			"April 2021=2021-04-01..2021-04-30; September 14=2022-09-14..2022-09-14"},
		{"In 2021 the border was closed. On May 3 it opened.", "2022-09-18",
			"2021=2021-01-01..2021-12-31; May 3=2022-05-03..2022-05-03"},
	} {
		got := format(an.Resolve(tc.text, tc.published))
		if got != tc.want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", tc.text, tc.published, got, tc.want)
		}
	}
}

// TestSeed checks the times a reader must get from the seed article.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sharedtest.Dir(t), "corpus", "seed", "tajik-mfa-silent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ts := newAnnotator(t).Resolve(string(b), "2022-10-06")
	has := func(from, to string) bool {
		for _, x := range ts {
			if strings.HasPrefix(x.From, from) && strings.HasPrefix(x.To, to) {
				return true
			}
		}
		return false
	}
	for _, c := range [][2]string{{"2022-09-14", "2022-09-17"}, {"2021-03", "2021-05"}, {"1950", ""}, {"2022-10-06", ""}} {
		if !has(c[0], c[1]) {
			t.Errorf("seed: no time %s..%s in %s", c[0], c[1], format(ts))
		}
	}
	for _, x := range ts {
		if strings.Contains(x.Text, "77") {
			t.Errorf("seed: %q is not a time", x.Text)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"From September 14 to September 17, 2022", "14-17 September", "a year and a half ago",
		"since the 1950s", "21/04/2016", "2022-10-06", "Q3 2019", "the first Friday of next month", "nineteen seventy eight",
		"between 3 and 12 of Sept", "mid-2021", "10/1-11/2/2017", "2016H2", "the 70's", "Labor Day 2021 weekend",
		"the last 3 weeks of this year", "two Sundays from now", "2020/Sep/23", "Oct2", "the next day", "in a fortnight's time",
		"between now and May 21", "18 and 19 June", "the next 4 business days"} {
		f.Add(s, "2022-10-06")
	}
	an := newAnnotator(f)
	f.Fuzz(func(t *testing.T, text, published string) {
		for _, x := range an.Resolve(text, published) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End || text[x.Start:x.End] != x.Text {
				t.Fatalf("bad span %+v", x)
			}
			if x.From != "" && x.To != "" && x.To < x.From {
				t.Fatalf("interval backwards %+v", x)
			}
		}
	})
}

// BenchmarkResolve runs the time layer over real news text (PolNeAR).
func BenchmarkResolve(b *testing.B) {
	text := polnear(b)
	an := newAnnotator(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		an.Resolve(text, "2016-11-07")
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
