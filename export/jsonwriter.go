package export

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
)

// jsonWriter appends indented JSON to a buffer as encoding/json's Encoder
// writes it with an indent of two spaces after a prefix, and without HTML
// escaping: the report's groups are encoded by hand, because reflection
// and a second pass to indent took most of the time of `compare --json`
// over a large store. TestJSONAsEncoder holds it to encoding/json's bytes.
type jsonWriter struct {
	// out, when set, takes what b holds once it reaches flushAt (spill).
	out    io.Writer
	b      []byte
	prefix string
	depth  int
	// empty tells, by depth, whether the object or array open at that
	// depth has no member yet (encoding/json writes {} and [] empty).
	empty []bool
	err   error
}

// open starts an object ('{') or an array ('[').
func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	if w.depth < len(w.empty) {
		w.empty[w.depth] = true
	} else {
		w.empty = append(w.empty, true)
	}
}

// close ends the object or array open, with '}' or ']'.
func (w *jsonWriter) close(c byte) {
	empty := w.empty[w.depth]
	w.depth--
	if !empty {
		w.newline()
	}
	w.b = append(w.b, c)
}

// newline starts a line indented to the current depth.
func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for range w.depth {
		w.b = append(w.b, "  "...)
	}
}

// elem starts an element of the array open.
func (w *jsonWriter) elem() {
	if !w.empty[w.depth] {
		w.b = append(w.b, ',')
	}
	w.empty[w.depth] = false
	w.newline()
}

// key starts the member name of the object open (names need no escaping).
func (w *jsonWriter) key(name string) {
	w.elem()
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, `": `...)
}

func (w *jsonWriter) str(s string) { w.b = appendJSONString(w.b, s, false) }

// strMember writes the member name with the string v.
func (w *jsonWriter) strMember(name, v string) {
	w.key(name)
	w.str(v)
}

// optStr writes the member name with the string v unless v is empty, as
// a field tagged omitempty.
func (w *jsonWriter) optStr(name, v string) {
	if v != "" {
		w.strMember(name, v)
	}
}

func (w *jsonWriter) boolean(v bool) { w.b = strconv.AppendBool(w.b, v) }

func (w *jsonWriter) int(v int) { w.b = strconv.AppendInt(w.b, int64(v), 10) }

// party writes p as doc.Party's MarshalJSON does: null when empty, else a
// string escaped as json.Marshal escapes it (HTML characters included).
func (w *jsonWriter) party(p doc.Party) {
	if p == "" {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = appendJSONString(w.b, string(p), true)
}

// float writes f as encoding/json does; NaN and infinities, which JSON
// cannot hold, are an error.
func (w *jsonWriter) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if w.err == nil {
			w.err = fmt.Errorf("json: unsupported value: %v", f)
		}
		w.b = append(w.b, "null"...)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if format == 'e' {
		// e-09 is written e-9.
		if n := len(w.b); n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
}

// floatPtr writes f, or null for nil.
func (w *jsonWriter) floatPtr(f *float64) {
	if f == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.float(*f)
}

// spill writes what the buffer holds to out once it reaches flushAt.
func (w *jsonWriter) spill() {
	if w.out == nil || len(w.b) < flushAt || w.err != nil {
		return
	}
	_, w.err = w.out.Write(w.b)
	w.b = w.b[:0]
}

// jsonArray writes xs as an array, each element by each, null for nil,
// spilling the buffer between elements.
func jsonArray[T any](w *jsonWriter, xs []T, each func(*T)) {
	if xs == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('[')
	for i := range xs {
		w.elem()
		each(&xs[i])
		w.spill()
	}
	w.close(']')
}

// bounds writes the members low and high of a figure, null when open.
func (w *jsonWriter) bounds(low, high *float64) {
	w.key("low")
	w.floatPtr(low)
	w.key("high")
	w.floatPtr(high)
}

// strings writes ss as an array, null for nil.
func (w *jsonWriter) strings(ss []string) { jsonArray(w, ss, func(s *string) { w.str(*s) }) }

// parties writes ps as an array, null for nil.
func (w *jsonWriter) parties(ps []doc.Party) { jsonArray(w, ps, func(p *doc.Party) { w.party(*p) }) }

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json does:
// quotes, backslashes and control characters escaped, invalid UTF-8 as
// U+FFFD, U+2028 and U+2029 escaped, and <, > and & escaped when html is
// set.
func appendJSONString(b []byte, s string, html bool) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
