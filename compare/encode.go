package compare

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/parallaxnews/parallax/doc"
)

// The encoding of a document's records (AppendDocument), which a store
// keeps beside the document so that a comparison adds a stored document in
// one step (Builder.AddDocument) instead of a record at a time. All
// numbers are unsigned varints unless said otherwise; a string is its
// length and its bytes; a ref is an index into the document's table of
// strings, whose first entry is always "".
//
//	version                          (encodingVersion)
//	string document, outlet, published
//	strings: count, then each string
//	via lists: count, then each: count, refs
//	events: count, then each: ref id, type, from, to; byte dated;
//	    places: count, then each: ref name; byte 1 with geo, then
//	    lat, lon (8 bytes each, IEEE 754, little endian), ref country,
//	    admin1, else byte 0; actors: count, refs
//	records: count, then each: string claim; ref metric, unit, about,
//	    side, speaker, approx, evidence; via (0 none, else list+1);
//	    event (0 none, else event+1); byte flags (encLow, encHigh,
//	    encHedged, encTotal, encIncrement, encBreakdown, encPartial,
//	    encDenied); low, high (8 bytes each, when flagged); ref denied by
//	    (when flagged); start; string text
const encodingVersion = 1

// Flags of an encoded record.
const (
	encLow = 1 << iota
	encHigh
	encHedged
	encTotal
	encIncrement
	encBreakdown
	encPartial
	encDenied // a party that denies the figure follows (Record.DeniedBy)
)

// AppendDocument appends the encoding of one document's records to dst:
// the records RecordsFromAnalysis gives, or any records of one document
// (the same Document, Outlet and Published). Records that share an
// *Event share it again once decoded.
func AppendDocument(dst []byte, recs []Record) ([]byte, error) {
	if len(recs) == 0 {
		return nil, errors.New("no records to encode")
	}
	first := &recs[0]
	e := encoder{refs: map[string]uint64{"": 0}, strs: []string{""}}
	var events []*Event
	eventIdx := map[*Event]uint64{}
	var vias [][]string
	for i := range recs {
		r := &recs[i]
		if r.Document != first.Document || r.Outlet != first.Outlet || r.Published != first.Published {
			return nil, fmt.Errorf("record %d is of document %q, not %q", i+1, r.Document, first.Document)
		}
		if r.Event != nil {
			if _, ok := eventIdx[r.Event]; !ok {
				eventIdx[r.Event] = uint64(len(events))
				events = append(events, r.Event)
			}
		}
	}
	// The table of strings comes first, so every ref is known before it
	// is written: the body is encoded first, then put after the table.
	var body, viaBody []byte
	for i := range recs {
		if v := recs[i].Via; len(v) > 0 && viaIndex(vias, v) < 0 {
			vias = append(vias, v)
			viaBody = binary.AppendUvarint(viaBody, uint64(len(v)))
			for _, s := range v {
				viaBody = e.appendRef(viaBody, s)
			}
		}
	}
	body = binary.AppendUvarint(body, uint64(len(vias)))
	body = append(body, viaBody...)
	body = binary.AppendUvarint(body, uint64(len(events)))
	for _, ev := range events {
		body = e.appendRef(body, ev.ID)
		body = e.appendRef(body, ev.Type)
		body = e.appendRef(body, ev.From)
		body = e.appendRef(body, ev.To)
		body = appendBool(body, ev.Dated)
		body = binary.AppendUvarint(body, uint64(len(ev.Places)))
		for _, p := range ev.Places {
			body = e.appendRef(body, p.Name)
			if p.Geo == nil {
				body = append(body, 0)
				continue
			}
			body = append(body, 1)
			body = binary.LittleEndian.AppendUint64(body, math.Float64bits(p.Geo.Lat))
			body = binary.LittleEndian.AppendUint64(body, math.Float64bits(p.Geo.Lon))
			body = e.appendRef(body, p.Geo.Country)
			body = e.appendRef(body, p.Geo.Admin1)
		}
		body = binary.AppendUvarint(body, uint64(len(ev.Actors)))
		for _, a := range ev.Actors {
			body = e.appendRef(body, string(a))
		}
	}
	body = binary.AppendUvarint(body, uint64(len(recs)))
	for i := range recs {
		r := &recs[i]
		body = appendString(body, r.Claim)
		for _, s := range [...]string{r.Metric, r.Unit, string(r.About), string(r.Side), r.Speaker, r.Approx, r.Evidence} {
			body = e.appendRef(body, s)
		}
		body = binary.AppendUvarint(body, uint64(viaIndex(vias, r.Via)+1)) // 0: none
		ev := uint64(0)
		if r.Event != nil {
			ev = eventIdx[r.Event] + 1
		}
		body = binary.AppendUvarint(body, ev)
		var flags byte
		for _, f := range [...]struct {
			on   bool
			flag byte
		}{{r.Low != nil, encLow}, {r.High != nil, encHigh}, {r.Hedged, encHedged}, {r.Total, encTotal},
			{r.Increment, encIncrement}, {r.Breakdown, encBreakdown}, {r.Partial, encPartial}, {r.DeniedBy != "", encDenied}} {
			if f.on {
				flags |= f.flag
			}
		}
		body = append(body, flags)
		if r.Low != nil {
			body = binary.LittleEndian.AppendUint64(body, math.Float64bits(*r.Low))
		}
		if r.High != nil {
			body = binary.LittleEndian.AppendUint64(body, math.Float64bits(*r.High))
		}
		if r.DeniedBy != "" {
			body = e.appendRef(body, string(r.DeniedBy))
		}
		body = binary.AppendUvarint(body, uint64(max(r.Start, 0)))
		body = appendString(body, r.Text)
	}

	dst = binary.AppendUvarint(dst, encodingVersion)
	dst = appendString(dst, first.Document)
	dst = appendString(dst, first.Outlet)
	dst = appendString(dst, first.Published)
	dst = binary.AppendUvarint(dst, uint64(len(e.strs)))
	for _, s := range e.strs {
		dst = appendString(dst, s)
	}
	return append(dst, body...), nil
}

// encoder numbers the strings of a document's encoding.
type encoder struct {
	refs map[string]uint64
	strs []string
}

// appendRef appends the ref of s, numbering s when it is new.
func (e *encoder) appendRef(dst []byte, s string) []byte {
	ref, ok := e.refs[s]
	if !ok {
		ref = uint64(len(e.strs))
		e.refs[s] = ref
		e.strs = append(e.strs, s)
	}
	return binary.AppendUvarint(dst, ref)
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

func appendBool(dst []byte, b bool) []byte {
	if b {
		return append(dst, 1)
	}
	return append(dst, 0)
}

// viaIndex returns the index of the via list v in lists, or -1 (always
// for an empty v).
func viaIndex(lists [][]string, v []string) int {
	if len(v) == 0 {
		return -1
	}
	return slices.IndexFunc(lists, func(l []string) bool { return slices.Equal(l, v) })
}

// errEncoding is the error of a malformed encoded document.
var errEncoding = errors.New("malformed encoded document")

// decoder reads an encoded document. Its strings share the memory of the
// encoding.
type decoder struct {
	data string
	pos  int
	err  error
	strs []string
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("%w at byte %d", errEncoding, d.pos)
	}
	d.pos = len(d.data)
}

func (d *decoder) uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.pos >= len(d.data) {
			d.fail()
			return 0
		}
		c := d.data[d.pos]
		d.pos++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail()
	return 0
}

// count reads a number of items that each take at least one byte.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.data)-d.pos) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) byte() byte {
	if d.pos >= len(d.data) {
		d.fail()
		return 0
	}
	d.pos++
	return d.data[d.pos-1]
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.data)-d.pos) {
		d.fail()
		return ""
	}
	s := d.data[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return s
}

func (d *decoder) float() float64 {
	if len(d.data)-d.pos < 8 {
		d.fail()
		return 0
	}
	var b [8]byte
	copy(b[:], d.data[d.pos:])
	d.pos += 8
	return math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
}

// ref reads a ref and returns its number, 0 when out of range.
func (d *decoder) ref() int {
	r := d.uvarint()
	if r >= uint64(len(d.strs)) {
		d.fail()
		return 0
	}
	return int(r)
}

// refs is what a record refers to in its document's table of strings.
type refs struct {
	metric, unit, about, side, speaker, approx, evidence int
}

// decodeScratch is what decodeDocument reuses from one document to the next:
// the table of strings, the record it gives, its refs and its bounds (fn
// is a function value, so that they would escape each time).
type decodeScratch struct {
	strs   []string
	r      Record
	rf     refs
	bounds []float64
}

// decodeDocument calls fn with each record of an encoded document. The
// strings of the records share the memory of data; records that shared an
// Event share one again, as do records that shared a via list. sc.strs
// receives the table of strings, which refs index.
func decodeDocument(data string, sc *decodeScratch, fn func(r *Record, rf *refs)) (err error) {
	d := decoder{data: data, strs: sc.strs[:0]}
	var document string
	defer func() {
		sc.strs = d.strs
		if err != nil && document != "" {
			err = fmt.Errorf("document %q: %w", document, err)
		}
	}()
	if v := d.uvarint(); d.err == nil && v != encodingVersion {
		return fmt.Errorf("encoded document of version %d, not %d", v, encodingVersion)
	}
	document = d.string()
	outlet, published := d.string(), d.string()
	n := d.count()
	for range n {
		d.strs = append(d.strs, d.string())
	}
	if d.err != nil || len(d.strs) == 0 || d.strs[0] != "" {
		d.fail()
		return d.err
	}
	vias := make([][]string, d.count())
	for i := range vias {
		v := make([]string, d.count())
		for j := range v {
			v[j] = d.strs[d.ref()]
		}
		vias[i] = v
	}
	events := make([]Event, d.count())
	for i := range events {
		ev := &events[i]
		ev.ID, ev.Type, ev.From, ev.To = d.strs[d.ref()], d.strs[d.ref()], d.strs[d.ref()], d.strs[d.ref()]
		ev.Dated = d.byte() != 0
		if n := d.count(); n > 0 {
			ev.Places = make([]Place, n)
			for j := range ev.Places {
				p := &ev.Places[j]
				p.Name = d.strs[d.ref()]
				switch d.byte() {
				case 0:
				case 1:
					p.Geo = &doc.Geo{Lat: d.float(), Lon: d.float()}
					p.Geo.Country, p.Geo.Admin1 = d.strs[d.ref()], d.strs[d.ref()]
				default:
					d.fail()
				}
			}
		}
		if n := d.count(); n > 0 {
			ev.Actors = make([]doc.Party, n)
			for j := range ev.Actors {
				ev.Actors[j] = doc.Party(d.strs[d.ref()])
			}
		}
	}
	n = d.count()
	if d.err != nil {
		return d.err
	}
	// The bounds of the records, appended to those of the scratch: a new
	// scratch gives each document bounds of its own, one whose bounds
	// the caller empties reuses them.
	bounds := sc.bounds
	defer func() { sc.bounds = bounds }()
	r, rf := &sc.r, &sc.rf
	for range n {
		*r = Record{Document: document, Outlet: outlet, Published: published, Claim: d.string()}
		*rf = refs{metric: d.ref(), unit: d.ref(), about: d.ref(), side: d.ref(), speaker: d.ref(), approx: d.ref(), evidence: d.ref()}
		r.Metric, r.Unit, r.Approx, r.Evidence = d.strs[rf.metric], d.strs[rf.unit], d.strs[rf.approx], d.strs[rf.evidence]
		r.About, r.Side, r.Speaker = doc.Party(d.strs[rf.about]), doc.Party(d.strs[rf.side]), d.strs[rf.speaker]
		if via := d.uvarint(); via > 0 {
			if via > uint64(len(vias)) {
				d.fail()
			} else {
				r.Via = vias[via-1]
			}
		}
		if ev := d.uvarint(); ev > 0 {
			if ev > uint64(len(events)) {
				d.fail()
			} else {
				r.Event = &events[ev-1]
			}
		}
		flags := d.byte()
		if flags&encLow != 0 {
			bounds = append(bounds, d.float())
			r.Low = &bounds[len(bounds)-1]
		}
		if flags&encHigh != 0 {
			bounds = append(bounds, d.float())
			r.High = &bounds[len(bounds)-1]
		}
		r.Hedged, r.Total = flags&encHedged != 0, flags&encTotal != 0
		r.Increment, r.Breakdown, r.Partial = flags&encIncrement != 0, flags&encBreakdown != 0, flags&encPartial != 0
		if flags&encDenied != 0 {
			r.DeniedBy = doc.Party(d.strs[d.ref()])
		}
		start := d.uvarint()
		r.Start = int(min(start, math.MaxInt32))
		r.Text = d.string()
		if d.err != nil {
			return d.err
		}
		fn(r, rf)
	}
	if d.err == nil && d.pos != len(d.data) {
		d.err = fmt.Errorf("%w: %d bytes after the records", errEncoding, len(d.data)-d.pos)
	}
	return d.err
}

// DecodeDocument calls fn with each record of a document encoded by
// AppendDocument, stopping at the first error fn returns. The record is
// only valid during the call; its strings share the memory of data, and
// its Event and Via may be kept.
func DecodeDocument(data string, fn func(*Record) error) error {
	var ferr error
	err := decodeDocument(data, new(decodeScratch), func(r *Record, _ *refs) {
		if ferr == nil {
			ferr = fn(r)
		}
	})
	return errors.Join(err, ferr)
}
