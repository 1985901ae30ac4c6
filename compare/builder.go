package compare

import (
	"context"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/kljensen/snowball/russian"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/entity"
	"github.com/parallaxnews/parallax/internal/hugepage"
)

// Builder compares records as they come. Of each record it keeps only what
// a comparison needs, in a row without pointers and the three strings
// that differ from claim to claim (ID, text, speaker), whose bytes it
// shares rather than copies: a store streams its records into a Builder
// (see Read) instead of collecting them first, so that a million claims
// take less than half the memory, with a fifth of the pointers for the
// garbage collector to follow.
type Builder struct {
	st      *state
	byEvent map[*Event]int32
	byDoc   map[string]int32
	lastEv  *Event
	lastOcc int32
	// The via list of the last record that had one, and its number:
	// stores share one list between the claims of a document.
	lastVia   []string
	lastViaID int32
	// sources holds the number of each source name met, by side, and
	// srcIDs the number of each source's identity (sourceHash);
	// countryWords the words that sourceKey leaves out, read when first
	// needed.
	sources      map[doc.Party]map[string]int32
	srcIDs       map[uint64]int32
	countryWords map[string]bool
	// memo numbers the strings of the document AddDocument adds.
	memo docMemo
}

// row is what a comparison keeps of a record, without pointers.
type row struct {
	low, high float64 // the bounds as folding orders them (value)
	src       int32   // the source's number (Builder.sourceID)
	start     int32   // the claim's offset in its document, capped
	doc       int32   // in state.docs
	occ       int32   // in state.occs
	via       int32   // in state.vias; 0 for none
	metric    int32   // in state.metrics; 0 for none
	about     int32   // in state.parties
	side      int32   // in state.parties
	approx    int32   // in state.words
	evid      int32   // in state.words
	flags     rowFlags
	// speakerLen is the length of the speaker's name, capped: folding
	// names a source by its longest name without reading the texts.
	speakerLen uint16
}

// value returns what folding needs of a row.
func (w *row) value() value {
	return value{w.low, w.high, w.flags&rowTotal != 0, w.flags&rowIncrement != 0}
}

// rowText holds the strings of a record that differ from claim to claim.
type rowText struct {
	claim, text, speaker string
}

// rowFlags are a row's booleans.
type rowFlags uint16

const (
	rowHedged rowFlags = 1 << iota
	rowBreakdown
	rowLow  // the record has a low bound (Record.Low is not nil)
	rowHigh // the record has a high bound
	rowTotal
	rowIncrement
	rowCivilians  // the figure counts civilians only (doc.KindCivilians)
	rowServicemen // the figure counts servicemen only (doc.KindServicemen)
	rowPartial    // a figure of a part of the toll only (Record.Partial)
	rowUnclaimed  // a figure denied and claimed by no one named: no one's figure
)

// rowKinds are the flags of a figure that counts people of one kind: a
// part of a toll of everyone; rowParts those of any part of a toll.
const (
	rowKinds = rowCivilians | rowServicemen
	rowParts = rowKinds | rowPartial
)

// kindFlag returns the row flag of a record's unit.
func kindFlag(unit string) rowFlags {
	switch unit {
	case doc.KindCivilians:
		return rowCivilians
	case doc.KindServicemen:
		return rowServicemen
	}
	return 0
}

// kindUnit returns the unit of a row's kind flags.
func kindUnit(f rowFlags) string {
	switch f & rowKinds {
	case rowCivilians:
		return doc.KindCivilians
	case rowServicemen:
		return doc.KindServicemen
	}
	return ""
}

// NewBuilder returns a Builder that expects about n records.
func NewBuilder(n int) *Builder {
	st := &state{rows: hugepage.Make[row](0, max(n, 0)), texts: hugepage.Make[rowText](0, max(n, 0)), vias: [][]string{nil}}
	st.metrics.id("")
	st.parties.id("")
	st.words.id("")
	return &Builder{st: st, byEvent: map[*Event]int32{}, byDoc: map[string]int32{}, lastOcc: -1,
		sources: map[doc.Party]map[string]int32{}, srcIDs: map[uint64]int32{}}
}

// sourceID returns the number of a source of a side: the same for the
// names of one body however a report words them (sourceKey).
func (b *Builder) sourceID(side doc.Party, name string) int32 {
	m := b.sources[side]
	if m == nil {
		m = map[string]int32{}
		b.sources[side] = m
	}
	id, ok := m[name]
	if !ok {
		if b.countryWords == nil && side != "" {
			b.countryWords = entity.CountryWords() // a millisecond, once
		}
		var leave map[string]bool // independent sources keep their countries
		if side != "" {
			leave = b.countryWords
		}
		h := sourceHash(side, sourceKey(name, leave))
		n, seen := b.srcIDs[h]
		if !seen {
			n = int32(len(b.srcIDs))
			b.srcIDs[h] = n
		}
		id = n
		m[name] = id
	}
	return id
}

// sourceKey returns what identifies a source name: its words in lower
// case and in alphabetical order, without "the", "of", "from", the words
// of what a body gives ("the information of the ministry") and the words
// of leave. With the words of country names left out, "the Ministry of
// Health of Kyrgyzstan", "the Kyrgyz Health Ministry" and "the Health
// Ministry" of side KG are one source; independent sources keep their
// countries (leave is nil: "the Kyrgyz Red Crescent" is not "the Tajik Red
// Crescent"). Russian words are stemmed, without prepositions, and a
// word that begins with a Russian word of leave is one of its forms, so
// that "в Министерстве здравоохранения Кыргызстана" is "Министерство
// здравоохранения". A body's press office is the body ("the press service
// of the Kyrgyz health ministry"). A name left with no words is its own
// key.
func sourceKey(name string, leave map[string]bool) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	kept := words[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if (w == "press" || w == "пресс") && i+1 < len(words) && pressOffices[words[i+1]] {
			i++ // "the press service of the health ministry" is the ministry
			continue
		}
		if isCyrillic(w) {
			stem := russian.Stem(w, false)
			switch {
			case ruPrepositions[w]:
			case leave[w] || leftAsPrefix(w, leave) || leave != nil && stem == "республик": // as "republic" is
			default:
				kept = append(kept, stem)
			}
			continue
		}
		switch {
		case w == "the" || w == "of" || w == "for" || w == "s" || w == "from":
		case reportWords[w]: // "the updated information of the ministry" is the ministry
		case leave[w]:
		default:
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return name
	}
	slices.Sort(kept)
	return strings.Join(kept, " ")
}

// reportWords name what a body gives rather than the body ("the
// information of", "updated information from").
var reportWords = map[string]bool{"information": true, "updated": true, "latest": true}

// pressOffices are the words after "press" that name a body's office
// for the press, which speaks for the body.
var pressOffices = map[string]bool{"service": true, "office": true, "centre": true, "center": true, "secretary": true,
	"служба": true, "службы": true, "службе": true, "центр": true, "центра": true, "секретарь": true}

// ruPrepositions are the Russian prepositions a source's name may hold
// ("в Министерстве", "со стороны").
var ruPrepositions = map[string]bool{"в": true, "во": true, "на": true, "по": true, "из": true, "от": true, "при": true,
	"для": true, "с": true, "со": true, "у": true, "к": true}

func isCyrillic(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// leftAsPrefix reports whether a word of leave of three or more letters
// begins w: an inflected form of it ("кыргызстана" of "кыргызстан").
func leftAsPrefix(w string, leave map[string]bool) bool {
	for i := range w {
		if i > 0 && utf8.RuneCountInString(w[:i]) >= 3 && leave[w[:i]] {
			return true
		}
	}
	return false
}

// Add adds a record. The Builder keeps r's strings, Via and Event, never
// r itself: a source may reuse r for the next record. It reads the Event
// only in Comparison, so that a source may give records that point to an
// Event before it has read the event's fields.
func (b *Builder) Add(r *Record) {
	st := b.st
	b.add(r, rowIDs{metric: st.metrics.id(metricKey(r.Metric, r.Unit)), about: st.parties.id(string(r.About)),
		side: st.parties.id(string(r.Side)), approx: st.words.id(r.Approx), evid: st.words.id(r.Evidence),
		src: b.sourceID(r.Side, sourceName(r.Speaker, r.Outlet, r.Document))})
}

// rowIDs are the numbers of a record's strings in a Builder's tables.
type rowIDs struct {
	metric, about, side, approx, evid int32
	src                               int32
}

// add adds a record whose strings are numbered.
func (b *Builder) add(r *Record, ids rowIDs) {
	st := b.st
	i := int32(len(st.rows))
	var oi int32
	var ok bool
	switch {
	case r.Event != nil && r.Event == b.lastEv:
		oi, ok = b.lastOcc, true
	case r.Event != nil:
		oi, ok = b.byEvent[r.Event]
	default:
		oi, ok = b.byDoc[r.Document]
	}
	if !ok {
		oi = int32(len(st.occs))
		st.occs = appendGrow(st.occs, newOccurrence(r))
		if r.Event != nil {
			b.byEvent[r.Event] = oi
		} else {
			b.byDoc[r.Document] = oi
		}
	}
	if r.Event != nil {
		b.lastEv, b.lastOcc = r.Event, oi
	}
	o := &st.occs[oi]
	o.records++
	o.addSide(r.Side, i)

	v := valueOf(r)
	w := row{low: v.low, high: v.high, start: int32(min(max(r.Start, 0), 1<<31-1)), doc: st.docs.id(r), occ: oi,
		metric: ids.metric, about: ids.about, side: ids.side, approx: ids.approx, evid: ids.evid, src: ids.src,
		speakerLen: uint16(min(len(r.Speaker), math.MaxUint16))}
	if v.total {
		w.flags |= rowTotal
	}
	if v.increment {
		w.flags |= rowIncrement
	}
	if r.Hedged {
		w.flags |= rowHedged
	}
	if r.Breakdown {
		w.flags |= rowBreakdown
	}
	w.flags |= kindFlag(r.Unit)
	if r.Partial {
		w.flags |= rowPartial
	}
	if r.Low != nil {
		w.flags |= rowLow
	}
	if r.High != nil {
		w.flags |= rowHigh
	}
	if len(r.Via) > 0 {
		if len(r.Via) != len(b.lastVia) || unsafe.SliceData(r.Via) != unsafe.SliceData(b.lastVia) {
			b.lastVia, b.lastViaID = r.Via, int32(len(st.vias))
			st.vias = append(st.vias, r.Via)
		}
		w.via = b.lastViaID
	}
	if r.DeniedBy != "" {
		st.denials = append(st.denials, denial{i, st.parties.id(string(r.DeniedBy))})
		if r.Side == "" && r.Speaker == "" {
			w.flags |= rowUnclaimed // "Tajik officials dismissed reports that 100 … died"
		}
	}
	st.rows = append(st.rows, w)
	st.texts = append(st.texts, rowText{r.Claim, r.Text, r.Speaker})
}

// appendGrow appends v to s, doubling the capacity of a full s: a
// Builder's tables of documents and occurrences grow to tens of thousands
// of large elements, which append's growth by a quarter would copy about
// four times over (and a large new array is fresh memory: hugepage.Make).
func appendGrow[T any](s []T, v T) []T {
	if len(s) == cap(s) {
		s = append(hugepage.Make[T](0, 2*len(s)+16), s...)
	}
	return append(s, v)
}

// AddDocument adds the records of a document encoded by AppendDocument.
// The Builder keeps data's memory. It numbers each string of the
// document once, not once per record, and a store that keeps the
// encoding (see EncodedSource) decodes no text or JSON to give it. A
// malformed encoding is an error, after which the Builder holds the
// records decoded before it.
func (b *Builder) AddDocument(data string) error {
	b.memo.reset()
	b.memo.bounds = b.memo.bounds[:0]
	return decodeDocument(data, &b.memo.decodeScratch, b.addRefs)
}

// addRefs adds a record of the document being added, whose strings are
// numbered once by their refs in the document's table of strings.
func (b *Builder) addRefs(r *Record, rf *refs) {
	st, m := b.st, &b.memo
	var ids rowIDs
	ids.about = m.id(rf.about, roleParty, func() int32 { return st.parties.id(string(r.About)) })
	ids.side = m.id(rf.side, roleParty, func() int32 { return st.parties.id(string(r.Side)) })
	ids.approx = m.id(rf.approx, roleWord, func() int32 { return st.words.id(r.Approx) })
	ids.evid = m.id(rf.evidence, roleWord, func() int32 { return st.words.id(r.Evidence) })
	ids.metric = memoized(&m.metrics, rf.metric, rf.unit, func() int32 { return st.metrics.id(metricKey(r.Metric, r.Unit)) })
	ids.src = memoized(&m.sources, rf.side, rf.speaker, func() int32 {
		return b.sourceID(r.Side, sourceName(r.Speaker, r.Outlet, r.Document))
	})
	b.add(r, ids)
}

// decoded is records decoded in one goroutine for a Builder to add in
// another (readEncoded): whole documents, with the refs of each record,
// and records given alone.
type decoded struct {
	sc   decodeScratch // its bounds hold those of every record of recs
	recs []Record
	refs []refs
	// parts end where each document's records (or a record given alone)
	// end in recs.
	parts []decodedPart
}

type decodedPart struct {
	end   int
	alone bool // a record given alone, without refs
}

// decodedBatch is about how many records a decoded holds when it goes
// from the decoding goroutine to the adding one.
const decodedBatch = 1024

func (d *decoded) reset() {
	d.recs, d.refs, d.parts = d.recs[:0], d.refs[:0], d.parts[:0]
	d.sc.bounds = d.sc.bounds[:0]
}

// addDocument decodes the records of an encoded document into d. The
// bounds of the records accumulate in d.sc.bounds: a record's bounds
// may point to an array that appending has since replaced, which no one
// writes to any more.
func (d *decoded) addDocument(data string) error {
	err := decodeDocument(data, &d.sc, func(r *Record, rf *refs) {
		d.recs = append(d.recs, *r)
		d.refs = append(d.refs, *rf)
	})
	d.parts = append(d.parts, decodedPart{end: len(d.recs)})
	return err
}

// addRecord copies a record given alone into d, with its bounds.
func (d *decoded) addRecord(r *Record) {
	c := *r
	if c.Low != nil {
		d.sc.bounds = append(d.sc.bounds, *c.Low)
		c.Low = &d.sc.bounds[len(d.sc.bounds)-1]
	}
	if c.High != nil {
		d.sc.bounds = append(d.sc.bounds, *c.High)
		c.High = &d.sc.bounds[len(d.sc.bounds)-1]
	}
	d.recs = append(d.recs, c)
	d.refs = append(d.refs, refs{})
	d.parts = append(d.parts, decodedPart{end: len(d.recs), alone: true})
}

// addDecoded adds the records of d.
func (b *Builder) addDecoded(d *decoded) {
	lo := 0
	for _, p := range d.parts {
		if p.alone {
			b.Add(&d.recs[lo])
		} else {
			b.memo.reset()
			for i := lo; i < p.end; i++ {
				b.addRefs(&d.recs[i], &d.refs[i])
			}
		}
		lo = p.end
	}
}

// readEncoded adds the records of an EncodedSource of [from, to] to b.
// The goroutine the source calls back decodes each document while
// another adds the records decoded before it: numbering their strings
// and filling their rows take longer than decoding, and the two overlap.
// After an error, b holds the records decoded before it.
func readEncoded(ctx context.Context, es EncodedSource, from, to string, b *Builder) error {
	const queue = 4
	full := make(chan *decoded, queue)
	free := make(chan *decoded, queue+2) // never blocks: there are only queue+2
	for range queue + 2 {
		free <- new(decoded)
	}
	added := make(chan struct{})
	go func() {
		defer close(added)
		for d := range full {
			b.addDecoded(d)
			free <- d
		}
	}()
	cur := <-free
	flush := func() {
		if len(cur.recs) >= decodedBatch {
			full <- cur
			cur = <-free
			cur.reset()
		}
	}
	err := es.EachEncoded(ctx, from, to, func(data string) error {
		err := cur.addDocument(data)
		flush()
		return err
	}, func(r *Record) error {
		cur.addRecord(r)
		flush()
		return nil
	})
	full <- cur
	close(full)
	<-added
	return err
}

// docMemo holds the numbers of the strings of the document AddDocument
// adds, by their refs in the document's table of strings: the numbers of
// parties and of words by ref and role, and lists for the pairs of refs
// that make metric keys and sources.
type docMemo struct {
	decodeScratch
	ids     []int32 // by 2*ref + role, plus one; 0 is not yet known
	metrics []memoPair[int32]
	sources []memoPair[int32]
}

// The roles of a string in docMemo.ids: a party or a word (an
// approximation, evidence).
const (
	roleParty = iota
	roleWord
)

// id returns the number of the string of ref in a role, interning it the
// first time.
func (m *docMemo) id(ref, role int, intern func() int32) int32 {
	k := 2*ref + role
	if k >= len(m.ids) {
		m.ids = append(m.ids, make([]int32, k+1-len(m.ids))...)
	}
	if v := m.ids[k]; v != 0 {
		return v - 1
	}
	v := intern()
	m.ids[k] = v + 1
	return v
}

// memoPair is the number of a pair of refs.
type memoPair[T any] struct {
	a, b int
	id   T
}

func (m *docMemo) reset() {
	clear(m.ids)
	m.ids = m.ids[:0]
	m.metrics, m.sources = m.metrics[:0], m.sources[:0]
}

// memoized returns the number of the pair of refs (a, b) in list,
// numbering it with intern the first time: a document has few pairs.
func memoized[T any](list *[]memoPair[T], a, b int, intern func() T) T {
	for _, p := range *list {
		if p.a == a && p.b == b {
			return p.id
		}
	}
	id := intern()
	*list = append(*list, memoPair[T]{a, b, id})
	return id
}

// Comparison groups and compares the records added. The Builder must not
// be used afterwards.
func (b *Builder) Comparison() *Comparison {
	st := b.st
	b.st = nil
	// The documents are ranked by publication while the events are
	// grouped.
	ranks := make(chan []int32, 1)
	go func() { ranks <- st.docs.ranks() }()
	parallel(len(st.occs), parallelGroups, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			st.occs[i].readEvent()
		}
	})
	if b.countryWords == nil {
		b.countryWords = entity.CountryWords()
	}
	st.countryWords = b.countryWords
	st.clusters = groupEvents(st.occs)
	for _, c := range st.clusters {
		for _, a := range c.actors {
			if !slices.Contains(st.actors, a) {
				st.actors = append(st.actors, a)
			}
		}
	}
	st.describe()
	st.compareGroups(<-ranks)
	return &Comparison{st: st}
}

// Read compares the records of src published within [from, to] (each
// bound YYYY-MM-DD; empty is open) as src streams them. When keep is not
// nil, only the records it returns true for are compared.
func Read(ctx context.Context, src RecordSource, from, to string, keep func(*Record) bool) (*Comparison, error) {
	n := 0
	if s, ok := src.(SizedSource); ok {
		var err error
		if n, err = s.SizeHint(ctx, from, to); err != nil {
			return nil, err
		}
	}
	b := NewBuilder(n)
	add := func(r *Record) error {
		if keep == nil || keep(r) {
			b.Add(r)
		}
		return nil
	}
	var err error
	if es, ok := src.(EncodedSource); ok && keep == nil {
		err = readEncoded(ctx, es, from, to, b)
	} else {
		err = src.EachRecord(ctx, from, to, add)
	}
	if err != nil {
		return nil, err
	}
	return b.Comparison(), nil
}

// build groups and compares records.
func build(records []Record) *state {
	b := NewBuilder(len(records))
	for i := range records {
		b.Add(&records[i])
	}
	return b.Comparison().st
}

// party returns the party numbered p.
func (st *state) party(p int32) doc.Party { return doc.Party(st.parties.vals[p]) }

// source returns the source name of row i (sourceName).
func (st *state) source(i int32) (speaker, outlet, document string) {
	d := &st.docs.keys[st.rows[i].doc]
	return st.texts[i].speaker, d.outlet, d.id
}
