package entity

import (
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

type cluster struct {
	kind    string
	name    string
	nameLen int
	side    doc.Party
	role    string
	geo     *doc.Geo
	first   string
	surname string
	known   int32 // known person, -1 when none
	// acronymOnly is set for an organisation known so far by its acronym.
	acronymOnly bool
	last        int // start of the latest mention
	first0      int // start of the first mention
	mentions    []doc.Mention
	seq         int
}

type resolver struct {
	*finder
	docCC     map[string]int
	mostCC    int                 // mentions of the country named most
	placeMemo map[string]*cluster // place names already resolved
	lastPlace *cluster            // the place placeAt last added to
	// regions counts the places resolved so far by their admin-1 region
	// ("KG.Batken"): a village named later is likelier in one of them.
	regions   map[string]int
	oneWord   map[string]*cluster // single words that name one person
	clusters  []*cluster
	byKey     map[string]*cluster
	persons   map[string][]*cluster // surname key and its one-deletion variants → people
	people    int                   // number of people so far
	nothing   map[string]bool       // words that named nothing
	fullNames map[string]*cluster   // "first|surname" keys → person
}

func (r *resolver) newCluster(kind string, key string) *cluster {
	c := &cluster{kind: kind, known: -1, first0: -1, seq: len(r.clusters)}
	r.clusters = append(r.clusters, c)
	if key != "" {
		r.byKey[key] = c
	}
	return c
}

func (c *cluster) addMention(text string, start, end int) {
	// Mentions come in text order: a repeat is among the last few.
	for i := len(c.mentions) - 1; i >= 0 && i >= len(c.mentions)-4; i-- {
		if m := c.mentions[i]; m.Start == start && m.End == end {
			return
		}
	}
	c.mentions = append(c.mentions, doc.MentionOf(text, doc.Span{Start: start, End: end}))
	if c.first0 < 0 || start < c.first0 {
		c.first0 = start
	}
	c.last = max(c.last, start)
}

// resolve turns the mentions found into entities.
func (f *finder) resolve(d doc.Document) []doc.Entity {
	r := &resolver{finder: f, docCC: map[string]int{}, byKey: map[string]*cluster{}, persons: map[string][]*cluster{},
		nothing: map[string]bool{}, fullNames: map[string]*cluster{}, placeMemo: map[string]*cluster{},
		oneWord: map[string]*cluster{}, regions: map[string]int{}}
	sort.SliceStable(f.mentions, func(i, j int) bool { return f.mentions[i].start < f.mentions[j].start })
	for _, m := range f.mentions {
		if m.kind == mCountry {
			cc := f.lx.places[m.ref].cc
			r.docCC[cc]++
			r.mostCC = max(r.mostCC, r.docCC[cc])
		}
	}
	r.appositions()
	// Countries, places, organisations, outlets and full names first; then
	// single words, which may be surnames of people named later.
	for i := range f.mentions {
		m := &f.mentions[i]
		switch m.kind {
		case mCountry:
			r.country(m)
		case mPlace:
			r.place(m)
		case mOrg:
			r.org(m)
		case mOutlet:
			r.outlet(m.ref, m)
		case mPerson:
			r.person(m)
		}
	}
	for i := range f.mentions {
		if m := &f.mentions[i]; m.kind == mSingle {
			r.single(m)
		}
	}
	r.documentOutlet(d)
	return r.entities()
}

// appositions gives people without a title the role phrase set off by a
// comma just after or just before the name.
func (r *resolver) appositions() {
	if len(r.roles) == 0 {
		return
	}
	byStart, byEnd := map[int]int{}, map[int]int{}
	for i, rp := range r.roles {
		byStart[rp.start] = i
		byEnd[rp.end] = i
	}
	for i := range r.mentions {
		m := &r.mentions[i]
		if m.kind != mPerson || m.role != "" {
			continue
		}
		p := m.end
		p = skipSpace(r.text, p)
		if p < len(r.text) && r.text[p] == ',' {
			p = skipSpace(r.text, p+1)
			for _, art := range []string{"the ", "a ", "an "} {
				if strings.HasPrefix(r.text[p:], art) {
					p += len(art)
					break
				}
			}
			if k, ok := byStart[p]; ok {
				m.role, m.side = r.roles[k].role, orParty(m.side, r.roles[k].side)
				continue
			}
		}
		q := m.start
		for q > 0 && r.text[q-1] == ' ' {
			q--
		}
		if q > 0 && r.text[q-1] == ',' {
			q--
			if k, ok := byEnd[q]; ok {
				m.role, m.side = r.roles[k].role, orParty(m.side, r.roles[k].side)
			}
		}
	}
}

func orParty(a, b doc.Party) doc.Party {
	if a != "" {
		return a
	}
	return b
}

func skipSpace(s string, p int) int {
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	return p
}

func (r *resolver) country(m *mention) {
	p := r.lx.places[m.ref]
	key := "C" + p.cc
	c := r.byKey[key]
	if c == nil {
		c = r.newCluster(doc.KindCountry, key)
		c.name, c.side = p.name, doc.Party(p.cc)
		if p.hasGeo {
			c.geo = &doc.Geo{Lat: round3(p.lat), Lon: round3(p.lon), Country: p.cc}
		}
	}
	c.addMention(r.text, m.start, m.end)
}

func round3(v float32) float64 { return math.Round(float64(v)*1000) / 1000 }

// bestPlace chooses among the places sharing a name; in a dateline, where
// reports are filed from cities, a large population counts for more
// ("МОСКВА, 18 сентября" is Moscow, not a Tajik village named Moskva).
func (r *resolver) bestPlace(cands []int32, suffix uint8, dateline bool) int32 {
	best, bestScore := int32(-1), math.Inf(-1)
	most := max(r.mostCC, 1)
	for _, idx := range cands {
		p := r.lx.places[idx]
		s := 0.0
		if n := r.docCC[p.cc]; n > 0 {
			s += 2 + 3*float64(n)/float64(most)
		}
		if r.lx.interest[p.cc] {
			s += 1
		}
		if p.hasGeo && r.nearDocCountry(p) {
			s += 2 // "Ak-Sai" in a report of Tajik shelling: Batken's, not Kazakhstan's
		}
		if p.admin1 != "" && p.pop < villagePop && r.regions[p.cc+"."+p.admin1] > 0 {
			s += 2 // "Ak-Sai" after "Batken": the village of the region named before
		}
		s += 0.5 * math.Log10(float64(p.pop)+10)
		if dateline && p.typ == tPlace {
			s += 1.5 * math.Log10(float64(p.pop)+10) // a city, not its district
		}
		if p.hasGeo {
			s += 0.5
		}
		switch suffix {
		case sufAdmin1:
			if p.typ == tAdmin1 {
				s += 5
			}
		case sufAdmin2:
			if p.typ == tAdmin2 {
				s += 5
			}
		case sufOther:
			if p.typ == tRegion {
				s += 5
			}
		default:
			switch p.typ {
			case tAdmin2:
				s--
			case tRegion:
				s += 2
			}
		}
		if s > bestScore {
			best, bestScore = idx, s
		}
	}
	return best
}

// villagePop is the population below which a place is a village, which
// a report names after its region more often than a town of the same name
// elsewhere.
const villagePop = 10000

// dateline reports whether the name at text[start:end] heads a dateline:
// it opens a line, in capitals, and a comma, a slash or a parenthesis
// follows it ("MOSCOW, Sept 18 (Reuters) -", "МОСКВА, 18 сентября").
func (r *resolver) dateline(start, end int) bool {
	ls := strings.LastIndexByte(r.text[:start], '\n') + 1
	name := r.text[start:end]
	if strings.TrimSpace(r.text[ls:start]) != "" || strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return false
	}
	rest := strings.TrimLeft(r.text[end:], " ")
	return rest != "" && strings.ContainsRune(",/(", rune(rest[0]))
}

// nearDocCountry reports whether place p lies within five degrees of the
// point of a country the document names (the country's own point in the
// gazetteer): near the conflict the text is about.
func (r *resolver) nearDocCountry(p place) bool {
	for cc, n := range r.docCC {
		if n == 0 {
			continue
		}
		i, ok := r.lx.countryOf[cc]
		if !ok {
			continue
		}
		c := r.lx.places[i]
		if c.hasGeo && math.Abs(float64(c.lat-p.lat)) < 5 && math.Abs(float64(c.lon-p.lon)) < 5 {
			return true
		}
	}
	return false
}

func (r *resolver) place(m *mention) {
	// The same name resolves the same way throughout the text.
	memo := r.text[m.start:m.end]
	if m.suffix != sufNone {
		memo += "\x00"
	}
	if c := r.placeMemo[memo]; c != nil {
		c.addMention(r.text, m.start, m.end)
		return
	}
	defer func() {
		if c := r.lastPlace; c != nil && len(c.mentions) > 0 && c.mentions[len(c.mentions)-1].Start == m.start {
			r.placeMemo[memo] = c
		}
	}()
	var cands []int32
	name := r.text[m.start:m.end]
	if m.suffix != sufNone && r.lx.dict[Key(name)] == nil {
		if sp := strings.LastIndexByte(name, ' '); sp > 0 {
			name = name[:sp] // "Batken region" → "Batken"
		}
	}
	for _, e := range r.lx.dict[Key(name)] {
		if e.kind == dPlace || e.kind == dCapital {
			if e.kind == dCapital {
				// the capital's own row is among the places already
				continue
			}
			cands = append(cands, e.ref)
		}
	}
	r.placeAt(m, cands)
}

func (r *resolver) placeAt(m *mention, cands []int32) {
	idx := r.bestPlace(cands, m.suffix, r.dateline(m.start, m.end))
	if idx < 0 {
		name := r.text[m.start:m.end]
		c := r.byKey["P?"+Key(name)]
		if c == nil {
			c = r.newCluster(doc.KindPlace, "P?"+Key(name))
			c.name = name
		}
		c.addMention(r.text, m.start, m.end)
		r.lastPlace = c
		return
	}
	p := r.lx.places[idx]
	key := "P" + strconv.Itoa(int(p.typ)) + p.cc + "." + p.admin1 + "." + Key(p.name)
	c := r.byKey[key]
	if c == nil {
		c = r.newCluster(doc.KindPlace, key)
		c.name = p.name
		g := &doc.Geo{Country: p.cc, Admin1: r.lx.admin1[p.cc+"."+p.admin1]}
		if p.hasGeo {
			g.Lat, g.Lon = round3(p.lat), round3(p.lon)
		}
		if p.hasGeo || p.cc != "" {
			c.geo = g
		}
	}
	c.addMention(r.text, m.start, m.end)
	r.lastPlace = c
	if p.admin1 != "" {
		r.regions[p.cc+"."+p.admin1]++
	}
}

func (r *resolver) org(m *mention) {
	name := strings.TrimPrefix(strings.TrimPrefix(r.text[m.start:m.end], "the "), "The ")
	key := "O" + Key(name)
	if m.ref >= 0 {
		key = "O#" + strconv.Itoa(int(m.ref))
	}
	c := r.byKey[key]
	if ini := initials(name); c == nil && len(ini) >= 2 && !m.acronym {
		// "National Society" after "NS" or "Tajikistan NS".
		if a := r.byKey["A"+ini]; a != nil && a.kind == doc.KindOrganization && a.acronymOnly {
			c, a.name, a.acronymOnly = a, name, false
			r.byKey[key] = c
		}
	}
	if c == nil {
		c = r.newCluster(doc.KindOrganization, key)
		c.name = name
		c.acronymOnly = m.acronym
		if m.ref >= 0 && m.acronym {
			c.name = r.lx.orgs[m.ref].name
		}
		if ini := initials(name); len(ini) >= 2 && r.byKey["A"+ini] == nil {
			r.byKey["A"+ini] = c
		}
	}
	// "Tajikistan NS" is also "NS", the initials of "National Society".
	if sp := strings.LastIndexByte(name, ' '); m.acronym && sp > 0 && m.ref < 0 {
		if a := r.byKey["A"+name[sp+1:]]; a != nil && a != c {
			a.addMention(r.text, m.start, m.end)
			a.side = orParty(a.side, m.side)
			return
		}
		r.byKey["A"+name[sp+1:]] = c
	}
	c.side = orParty(c.side, m.side)
	c.addMention(r.text, m.start, m.end)
}

// initials returns the capitals that begin the words of name: "Red
// Crescent Society of Tajikistan" → "RCST".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(w)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

func (r *resolver) outlet(idx int32, m *mention) *cluster {
	key := "U#" + strconv.Itoa(int(idx))
	c := r.byKey[key]
	if c == nil {
		o := r.lx.outlets[idx]
		c = r.newCluster(doc.KindOutlet, key)
		c.name, c.side = o.Name, o.Side()
	}
	if m != nil {
		c.addMention(r.text, m.start, m.end)
	}
	return c
}

// person joins m to the person of the same name, or makes one.
func (r *resolver) person(m *mention) {
	full := m.first + "|" + m.surname
	if c := r.fullNames[full]; c != nil && m.first != "" {
		r.joinPerson(c, m)
		return
	}
	if c := r.findPerson(m.first, m.surname, m.start); c != nil {
		if m.first != "" && c.first == m.first {
			r.fullNames[full] = c
		}
		r.joinPerson(c, m)
		return
	}
	if _, ok := r.lx.surnames[m.surname]; !ok && isCyrillic(r.text[m.start:m.end]) {
		// "Эмомали Рахмоном": a case form of a known surname.
		words := strings.Fields(r.text[m.start:m.end])
		w := strings.ToLower(words[len(words)-1])
		for _, e := range ruEndings {
			if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 3 {
				if _, known := r.lx.surnames[Key(stem)]; known {
					m.surname = Key(stem)
					r.person(m)
					return
				}
			}
		}
	}
	c := r.newCluster(doc.KindPerson, "")
	c.first, c.surname = m.first, m.surname
	if m.ref >= 0 {
		c.known = m.ref
	} else if k, ok := r.lx.surnames[m.surname]; ok && m.surname != "" {
		if kp := r.lx.people[k]; m.first == "" || editDistance(kp.first, m.first, 1) <= 1 {
			c.known = k
		}
	}
	r.indexPerson(c)
	r.joinPerson(c, m)
}

func (r *resolver) indexPerson(c *cluster) {
	r.people++
	for _, k := range []string{c.surname} {
		if k == "" {
			continue
		}
		r.persons[k] = append(r.persons[k], c)
		if len(k) >= 5 {
			deletions(k, func(d []byte) { r.persons[string(d)] = append(r.persons[string(d)], c) })
		}
	}
}

func (r *resolver) joinPerson(c *cluster, m *mention) {
	n := strings.Count(r.text[m.start:m.end], " ") + 1
	if n > c.nameLen {
		c.name, c.nameLen = r.text[m.start:m.end], n
	}
	if c.first == "" && m.first != "" {
		c.first = m.first
	}
	if c.role == "" && m.role != "" {
		c.role = m.role
	}
	if c.side == "" && m.side != "" {
		c.side = m.side
	}
	if m.ref >= 0 && c.known < 0 {
		c.known = m.ref
	}
	c.addMention(r.text, m.start, m.end)
}

// findPerson returns the person with this surname (and a first name that
// does not differ), the latest before pos if several.
func (r *resolver) findPerson(first, surname string, pos int) *cluster {
	if surname == "" {
		return nil
	}
	var best *cluster
	exact := false
	try := func(k []byte) {
		for _, c := range r.persons[string(k)] {
			exact = exact || c.surname == surname
			if editDistance(c.surname, surname, maxEdits(min(len(c.surname), len(surname)))) > maxEdits(min(len(c.surname), len(surname))) {
				continue
			}
			if first != "" && c.first != "" && editDistance(c.first, first, 1) > 1 {
				continue
			}
			if best == nil || (c.last <= pos && (best.last > pos || c.last > best.last)) {
				best = c
			}
		}
	}
	try([]byte(surname))
	if best == nil && !exact && len(surname) >= 5 {
		deletions(surname, try)
	}
	return best
}

var surnameEndings = []string{"ov", "ev", "ova", "eva", "iev", "zoda", "zada", "din", "enko", "ian", "bekov", "uli", "kizi"}

// single resolves one capitalised word of unknown kind. Words found to
// name nothing are remembered: people named by one word alone rarely
// appear only later in a text.
func (r *resolver) single(m *mention) {
	word := r.text[m.start:m.end]
	if r.nothing[word] && !m.locative && m.suffix == sufNone {
		return
	}
	if !r.resolveSingle(m, word) {
		r.nothing[word] = true
	}
}

// resolveSingle resolves m, reporting whether it named anything.
func (r *resolver) resolveSingle(m *mention, word string) bool {
	k := Key(word)
	if k == "" || len(k) < 2 {
		return false
	}
	if isCyrillic(word) {
		if r.russianSingle(m, word) {
			return true
		}
	}
	if m.suffix == sufNone && !m.acronym {
		if c := r.oneWord[word]; c != nil {
			m.surname = k
			r.joinPerson(c, m)
			return true
		}
		if c := r.findPerson("", k, m.start); c != nil {
			m.surname = k
			if len(r.persons[k]) == 1 {
				r.oneWord[word] = c // unambiguous: no need to look again
			}
			r.joinPerson(c, m)
			return true
		}
		if idx, ok := r.lx.surnames[k]; ok {
			m.surname, m.ref = k, idx
			r.person(m)
			return true
		}
	}
	if m.suffix != sufNone {
		// "Lakhsh district": look the name up without its suffix.
		sp := strings.LastIndexByte(word, ' ')
		if sp > 0 {
			k = Key(word[:sp])
		}
	}
	if cands := r.fuzzyPlaces(k); len(cands) > 0 {
		r.placeAt(m, cands)
		return true
	}
	if m.acronym && !r.upper {
		if c := r.byKey["A"+word]; c != nil {
			c.addMention(r.text, m.start, m.end)
			return true
		}
		m.kind = mOrg
		r.org(m)
		return true
	}
	if m.locative || m.suffix != sufNone {
		r.placeAt(m, nil)
		return true
	}
	// A word of a surname's ending opening a sentence is as often a
	// capitalised common word ("Humanitarian agencies estimated …").
	if !r.upper && !r.lower && !segment.OpensSentence(r.text, m.start) {
		for _, e := range surnameEndings {
			if strings.HasSuffix(k, e) && len(k) >= len(e)+3 {
				m.surname = k
				r.person(m)
				return true
			}
		}
	}
	return false
}

// fuzzyPlaces returns the regions, districts and places of the countries of
// interest whose name is within a small edit distance of key k.
func (r *resolver) fuzzyPlaces(k string) []int32 {
	if len(k) < 5 {
		if es, ok := r.lx.dict[k]; ok {
			var out []int32
			for _, e := range es {
				if e.kind == dPlace {
					out = append(out, e.ref)
				}
			}
			return out
		}
		return nil
	}
	var out []int32
	check := func(d []byte) {
		for _, z := range r.lx.fuzzy[string(d)] {
			if cc := r.lx.places[z.idx].cc; cc != "" && r.docCC[cc] == 0 && z.key != k {
				continue // a near spelling counts only in a country the text names
			}
			if editDistance(z.key, k, maxEdits(len(k))) <= maxEdits(len(k)) {
				out = appendUnique(out, z.idx)
			}
		}
	}
	check([]byte(k))
	deletions(k, check)
	if es, ok := r.lx.dict[k]; ok {
		for _, e := range es {
			if e.kind == dPlace {
				out = appendUnique(out, e.ref)
			}
		}
	}
	return out
}

func (r *resolver) documentOutlet(d doc.Document) {
	var c *cluster
	if d.Outlet != "" {
		for _, e := range r.lx.dict[Key(d.Outlet)] {
			if e.kind == dOutlet {
				c = r.outlet(e.ref, nil)
				break
			}
		}
		if c == nil {
			// "European Commission DG ECHO Daily Flash" names "ECHO Daily Flash".
			k := Key(d.Outlet)
			for i, o := range r.lx.outlets {
				for _, n := range append([]string{o.Name}, o.Aliases...) {
					if nk := Key(n); len(nk) >= 6 && strings.Contains(k, nk) && c == nil {
						c = r.outlet(int32(i), nil)
					}
				}
			}
		}
		if c == nil {
			key := "O" + Key(d.Outlet)
			if c = r.byKey[key]; c == nil {
				c = r.newCluster(doc.KindOutlet, key)
				c.name = d.Outlet
			}
		}
	} else if d.URL != "" {
		if u, err := url.Parse(d.URL); err == nil && u.Hostname() != "" {
			if idx, ok := r.lx.outletByDomain(u.Hostname()); ok {
				c = r.outlet(int32(idx), nil)
			}
		}
	}
	if c != nil && c.kind == doc.KindOrganization {
		c.kind = doc.KindOutlet
	}
}

// entities returns the clusters as entities in order of first mention.
func (r *resolver) entities() []doc.Entity {
	cs := r.clusters[:0:0]
	for _, c := range r.clusters {
		if c.kind == doc.KindPerson {
			if c.known >= 0 {
				kp := r.lx.people[c.known]
				if c.side == "" {
					c.side = kp.side
				}
				if c.role == "" {
					c.role = kp.role
				}
			}
		}
		cs = append(cs, c)
	}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i].first0, cs[j].first0
		if (a < 0) != (b < 0) {
			return b < 0
		}
		return a < b
	})
	out := make([]doc.Entity, 0, len(cs))
	for i, c := range cs {
		sort.Slice(c.mentions, func(a, b int) bool { return c.mentions[a].Start < c.mentions[b].Start })
		e := doc.Entity{ID: "e" + strconv.Itoa(i+1), Kind: c.kind, Name: c.name, Aliases: []string{}, Role: c.role,
			Side: c.side, Geo: c.geo, Mentions: c.mentions}
		if e.Mentions == nil {
			e.Mentions = []doc.Mention{}
		}
		seen := map[string]bool{c.name: true}
		for _, m := range c.mentions {
			if !seen[m.Text] {
				seen[m.Text] = true
				e.Aliases = append(e.Aliases, m.Text)
			}
		}
		out = append(out, e)
	}
	return out
}

func isCyrillic(s string) bool {
	for _, r := range s {
		if r >= 0x400 && r <= 0x52f {
			return true
		}
	}
	return false
}

// ruEndings are Russian case and adjective endings, longest first.
var ruEndings = []string{"ского", "скому", "ском", "ской", "ская", "ские", "ских", "ский", "ого", "ому", "ое", "ой", "ая",
	"ий", "ые", "ых", "ом", "ем", "ам", "ах", "ях", "ов", "ев", "а", "я", "у", "ю", "е", "и", "ы"}

// russianSingle resolves a Russian word of unknown kind through its stem:
// a state ("Таджикистана"), a known place ("Баткенской") or a person named
// before ("Жапарова").
func (r *resolver) russianSingle(m *mention, word string) bool {
	w := strings.ToLower(strings.Fields(word)[0])
	for _, st := range r.lx.ruStems {
		if strings.HasPrefix(w, st.stem) {
			m.end = m.start + len(strings.Fields(word)[0])
			m.kind, m.ref = mCountry, r.lx.countryOf[st.cc]
			r.country(m)
			return true
		}
	}
	for _, e := range ruEndings {
		stem, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		k := Key(stem)
		if c := r.findPerson("", k, m.start); c != nil {
			r.joinPerson(c, m)
			return true
		}
		var refs []int32
		for _, name := range placeStems(stem) {
			for _, en := range r.lx.dict[Key(name)] {
				if en.kind == dPlace {
					refs = append(refs, en.ref)
				}
			}
			if len(refs) > 0 {
				r.placeAt(m, refs)
				return true
			}
		}
	}
	return false
}

// placeStems returns the place names a Russian adjective's stem may come
// from: the stem itself ("Баткен-ской"), and the name before the suffixes
// that make adjectives of names ("Исфар-ин-ского" from Исфара,
// "Душанб-ин-ского" from Душанбе, "Согд-ий-ской" from Согд).
func placeStems(stem string) []string {
	out := []string{stem}
	if base, ok := strings.CutSuffix(stem, "ин"); ok && utf8.RuneCountInString(base) >= 3 {
		out = append(out, base+"а", base+"е", base)
	}
	if base, ok := strings.CutSuffix(stem, "ий"); ok && utf8.RuneCountInString(base) >= 3 {
		out = append(out, base)
	}
	return out
}
