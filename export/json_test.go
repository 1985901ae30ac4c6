package export

import (
	"bytes"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/parallaxnews/parallax/compare"
)

// filler sets the exported fields of a value at random, each left zero
// half the time, from values that exercise what JSON encoding must get
// right: escapes, invalid UTF-8, line separators, HTML characters, and
// floats either side of the exponent cut-offs.
type filler struct{ r *rand.Rand }

var (
	fillStrings = []string{"", "Batken", `say "24"` + "\\", "tab\tnew\nline\rbell\x07\x1f\b\f",
		"<b>&amp;</b>", "bad \xff\xfe utf-8", "sep \u2028 \u2029 end", "Кыргызстан — Баткен", "\x7f"}
	fillFloats = []float64{0, 1, -1, 59, 2.5, 1e-7, 1.5e-6, 1e20, 1e21, 1.25e22, -3e-9, 123456789.125, math.Copysign(0, -1)}
)

func (f filler) fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && f.r.IntN(2) == 0 {
				f.fill(v.Field(i))
			}
		}
	case reflect.String:
		v.SetString(fillStrings[f.r.IntN(len(fillStrings))])
	case reflect.Float64:
		v.SetFloat(fillFloats[f.r.IntN(len(fillFloats))])
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int:
		v.SetInt(int64(f.r.IntN(1000)))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem())
	case reflect.Slice:
		n := f.r.IntN(3)
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			f.fill(v.Index(i))
		}
	case reflect.Array:
		for i := range v.Len() {
			f.fill(v.Index(i))
		}
	default:
		panic("filler: no values of kind " + v.Kind().String())
	}
}

// The hand-written encoding matches encoding/json field by field, whatever
// is set: a field added to a report type without its encoding fails here.
func TestJSONFields(t *testing.T) {
	f := filler{rand.New(rand.NewPCG(1, 2))}
	for i := range 2000 {
		var rep compare.Report
		f.fill(reflect.ValueOf(&rep).Elem())
		if got, want := asEncoder(t, rep); !bytes.Equal(got, want) {
			t.Fatalf("report %d: JSON differs from encoding/json:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

// Figures JSON cannot hold are an error, as with encoding/json.
func TestJSONNaN(t *testing.T) {
	nan := math.NaN()
	rep := compare.Report{Groups: []compare.Group{{Figures: []compare.Figure{{Low: &nan}}}}}
	if err := JSON(io.Discard, rep); err == nil {
		t.Error("no error for NaN")
	}
}

// BenchmarkJSON writes the report of 100,000 generated claims.
func BenchmarkJSON(b *testing.B) { benchmarkWrite(b, JSON) }
