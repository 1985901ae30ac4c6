package entity

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

//go:generate go run ./internal/gazgen -out data/gazetteer.tsv

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// Place types of the gazetteer.
const (
	tCountry uint8 = iota
	tAdmin1
	tAdmin2
	tPlace
	tRegion
)

// place is one row of the gazetteer.
type place struct {
	name   string
	typ    uint8
	cc     string
	admin1 string
	lat    float32
	lon    float32
	hasGeo bool
	pop    int32
}

// Kinds of dictionary entry, in the order that wins when one name has several.
const (
	dCountry uint8 = iota
	dDemonym
	dOrg
	dOutlet
	dPerson
	dCapital
	dPlace
)

// entry is what a name in the dictionary stands for.
type entry struct {
	kind uint8
	ref  int32 // index into places, orgs, outlets or people; the country's place for countries
	// acronym is set when the name is written in capitals ("OSCE", "US"):
	// it then only matches text in capitals.
	acronym bool
}

// Outlet is one row of the outlet registry.
type Outlet struct {
	// Name is the outlet's name as it is usually written.
	Name string
	// Aliases are other names of the outlet.
	Aliases []string
	// Domains are the web domains the outlet publishes on.
	Domains []string
	// Country is the ISO 3166-1 alpha-2 code of the state it is based in, or "".
	Country string
	// Ownership is "state", "private" or "international".
	Ownership string
}

// Side returns the party an outlet speaks for: its country, unless it is international.
func (o Outlet) Side() doc.Party {
	if o.Ownership == "international" {
		return ""
	}
	return doc.Party(o.Country)
}

type org struct {
	name string
	side doc.Party
}

type person struct {
	name    string
	first   string // key of the first name
	surname string // key of the surname
	side    doc.Party
	role    string
}

// lexicon holds every language resource of the annotator.
type lexicon struct {
	places    []place
	admin1    map[string]string // "KG.09" → "Batken"
	countryOf map[string]int32  // ISO code → its country place
	orgs      []org
	outlets   []Outlet
	people    []person
	surnames  map[string]int32 // surname key → first person of people with it
	// dict maps the key of a name to what it stands for.
	dict map[string][]entry
	// prefixes holds the keys of the first tokens of multi-token names.
	prefixes map[string]bool
	// fuzzy maps the one-deletion variants of the keys of regions, districts
	// and places of the countries of interest to their places.
	fuzzy     map[string][]fuzzyName
	titles    map[string]bool // lower-case title, tokens joined by one space
	maxTitle  int             // most tokens in a title
	orgHeads  map[string]bool // lower-case
	stopwords map[string]bool // lower-case
	// govVerbs are the verbs after which a capital is its government;
	// govObject those before a capital and "of" ("accuses Bishkek of").
	govVerbs, govObject map[string]bool
	ruStems             []ruStem
	classes             map[string]uint8 // lower-case word → its classes (cStop, ...)
	interest            map[string]bool
}

// fuzzyName is a name of a place under one of its deletion variants.
type fuzzyName struct {
	idx int32
	key string
}

type ruStem struct {
	stem string
	cc   string
}

func readData(name string) (io.Reader, error) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("entity data %s: %w", name, err)
	}
	return f, nil
}

// eachRow calls f with the tab-separated fields of every line of the data
// file that is neither blank nor a comment.
func eachRow(r io.Reader, f func(cols []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		if err := f(strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	return nil
}

func col(cols []string, i int) string {
	if i < len(cols) {
		return strings.TrimSpace(cols[i])
	}
	return ""
}

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func loadLexicon(extraOutlets []Outlet) (*lexicon, error) {
	lx := &lexicon{
		admin1:    map[string]string{},
		surnames:  map[string]int32{},
		countryOf: map[string]int32{},
		dict:      map[string][]entry{},
		prefixes:  map[string]bool{},
		fuzzy:     map[string][]fuzzyName{},
		titles:    map[string]bool{},
		orgHeads:  map[string]bool{},
		stopwords: map[string]bool{},
		govVerbs:  map[string]bool{},
		govObject: map[string]bool{},
		interest:  map[string]bool{"KG": true, "TJ": true, "UZ": true, "KZ": true, "TM": true, "AF": true},
	}
	defer lx.classify()
	if err := lx.loadGazetteer(); err != nil {
		return nil, err
	}
	if err := lx.loadCountriesExtra(); err != nil {
		return nil, err
	}
	if err := lx.loadPlacesExtra(); err != nil {
		return nil, err
	}
	for _, load := range []func() error{lx.loadOrgs, lx.loadPeople, func() error { return lx.loadOutlets(extraOutlets) }, lx.loadWords} {
		if err := load(); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

func parseFloat(s string) (float32, bool) {
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 32)
	return float32(v), err == nil
}

// addName puts name in the dictionary as e.
func (lx *lexicon) addName(name string, e entry) {
	toks := segment.AppendTokens(nil, name, 0, len(name))
	var k []byte
	words := 0
	for i, t := range toks {
		before := len(k)
		k = appendKey(k, name[t.Start:t.End])
		if len(k) > before {
			words++
		}
		if i < len(toks)-1 && len(k) > 0 {
			lx.prefixes[string(k)] = true
		}
	}
	if len(k) == 0 {
		return
	}
	e.acronym = isAcronym(name)
	key := string(k)
	for _, old := range lx.dict[key] {
		if old == e {
			return
		}
	}
	lx.dict[key] = append(lx.dict[key], e)
}

// isAcronym reports whether name is written in capitals (with dots), at
// most five letters: "US", "U.S.", "OSCE".
func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case r == '.' || r == '/':
		case r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я':
			n++
		default:
			return false
		}
	}
	return n > 0 && n <= 5
}

func (lx *lexicon) loadGazetteer() error {
	r, err := readData("gazetteer.tsv")
	if err != nil {
		return err
	}
	lx.places = make([]place, 0, 33000)
	return eachRow(r, func(c []string) error {
		typ, code, name, cc, a1 := col(c, 0), col(c, 1), col(c, 2), col(c, 4), col(c, 5)
		alts := splitBar(col(c, 3))
		lat, ok1 := parseFloat(col(c, 6))
		lon, ok2 := parseFloat(col(c, 7))
		pop, _ := strconv.Atoi(col(c, 8))
		p := place{name: name, cc: cc, admin1: a1, lat: lat, lon: lon, hasGeo: ok1 && ok2, pop: int32(pop)}
		switch typ {
		case "country":
			p.typ = tCountry
			idx := int32(len(lx.places))
			lx.places = append(lx.places, p)
			lx.countryOf[code] = idx
			lx.addName(name, entry{kind: dCountry, ref: idx})
			for _, a := range alts {
				lx.addName(a, entry{kind: dCountry, ref: idx})
			}
		case "demonym":
			if idx, ok := lx.countryOf[code]; ok {
				lx.addName(name, entry{kind: dDemonym, ref: idx})
			}
		case "capital":
			if idx, ok := lx.countryOf[code]; ok {
				lx.addName(name, entry{kind: dCapital, ref: idx})
			}
		case "admin1", "admin2", "place":
			p.typ = map[string]uint8{"admin1": tAdmin1, "admin2": tAdmin2, "place": tPlace}[typ]
			if typ == "admin1" {
				lx.admin1[cc+"."+code] = name
			}
			lx.addPlace(p, alts)
		}
		return nil
	})
}

// addPlace adds p under its name and alts, and to the fuzzy index when it
// is a region, or lies in a country of interest.
func (lx *lexicon) addPlace(p place, alts []string) {
	idx := int32(len(lx.places))
	lx.places = append(lx.places, p)
	names := append([]string{p.name}, alts...)
	for _, n := range names {
		lx.addName(n, entry{kind: dPlace, ref: idx})
		// "Bobojon Ghafurov" is also written "B. Gafurov".
		if f := strings.Fields(n); len(f) == 2 && len(f[0]) > 2 {
			r := []rune(f[0])
			lx.addName(string(r[0])+". "+f[1], entry{kind: dPlace, ref: idx})
		}
	}
	if p.typ == tAdmin1 || p.typ == tAdmin2 || p.typ == tRegion || lx.interest[p.cc] {
		for _, n := range names {
			k := Key(n)
			if len(k) < 5 {
				continue
			}
			z := fuzzyName{idx: idx, key: k}
			lx.fuzzy[k] = append(lx.fuzzy[k], z)
			deletions(k, func(d []byte) { lx.fuzzy[string(d)] = append(lx.fuzzy[string(d)], z) })
		}
	}
}

func appendUnique(s []int32, v int32) []int32 {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func (lx *lexicon) loadCountriesExtra() error {
	r, err := readData("countries-extra.tsv")
	if err != nil {
		return err
	}
	return eachRow(r, func(c []string) error {
		code := col(c, 0)
		idx, ok := lx.countryOf[code]
		if !ok {
			name := col(c, 1)
			if name == "" {
				return fmt.Errorf("entity data countries-extra.tsv: unknown code %q with no name", code)
			}
			idx = int32(len(lx.places))
			lx.places = append(lx.places, place{name: name, typ: tCountry, cc: code})
			lx.countryOf[code] = idx
			lx.addName(name, entry{kind: dCountry, ref: idx})
		}
		for _, a := range splitBar(col(c, 2)) {
			lx.addName(a, entry{kind: dCountry, ref: idx})
		}
		for _, a := range splitBar(col(c, 3)) {
			lx.addName(a, entry{kind: dDemonym, ref: idx})
		}
		for _, a := range splitBar(col(c, 4)) {
			lx.addName(a, entry{kind: dCapital, ref: idx})
		}
		for _, s := range splitBar(col(c, 5)) {
			lx.ruStems = append(lx.ruStems, ruStem{stem: strings.ToLower(s), cc: code})
		}
		return nil
	})
}

func (lx *lexicon) loadPlacesExtra() error {
	r, err := readData("places-extra.tsv")
	if err != nil {
		return err
	}
	return eachRow(r, func(c []string) error {
		typ := map[string]uint8{"place": tPlace, "admin1": tAdmin1, "admin2": tAdmin2, "region": tRegion, "river": tRegion}[col(c, 0)]
		lat, ok1 := parseFloat(col(c, 5))
		lon, ok2 := parseFloat(col(c, 6))
		p := place{name: col(c, 1), typ: typ, cc: col(c, 3), admin1: col(c, 4), lat: lat, lon: lon, hasGeo: ok1 && ok2, pop: extraPop}
		lx.addPlace(p, splitBar(col(c, 2)))
		return nil
	})
}

func (lx *lexicon) loadOrgs() error {
	r, err := readData("orgs.tsv")
	if err != nil {
		return err
	}
	return eachRow(r, func(c []string) error {
		idx := int32(len(lx.orgs))
		lx.orgs = append(lx.orgs, org{name: col(c, 0), side: doc.Party(col(c, 2))})
		lx.addName(col(c, 0), entry{kind: dOrg, ref: idx})
		for _, a := range splitBar(col(c, 1)) {
			lx.addName(a, entry{kind: dOrg, ref: idx})
		}
		return nil
	})
}

func (lx *lexicon) loadPeople() error {
	r, err := readData("people.tsv")
	if err != nil {
		return err
	}
	return eachRow(r, func(c []string) error {
		idx := int32(len(lx.people))
		names := append([]string{col(c, 0)}, splitBar(col(c, 1))...)
		f := strings.Fields(col(c, 0))
		p := person{name: col(c, 0), side: doc.Party(col(c, 2)), role: col(c, 3)}
		if len(f) > 1 {
			p.first, p.surname = Key(f[0]), Key(f[len(f)-1])
		}
		lx.people = append(lx.people, p)
		if _, ok := lx.surnames[p.surname]; !ok && p.surname != "" {
			lx.surnames[p.surname] = idx
		}
		for _, n := range splitBar(col(c, 1)) {
			if f := strings.Fields(n); len(f) > 1 {
				if k := Key(f[len(f)-1]); lx.surnames[k] == 0 && k != p.surname {
					if _, ok := lx.surnames[k]; !ok {
						lx.surnames[k] = idx
					}
				}
			}
		}
		for _, n := range names {
			lx.addName(n, entry{kind: dPerson, ref: idx})
		}
		return nil
	})
}

// ParseOutlets reads an outlet registry in the form of the embedded
// data/outlets.tsv: tab-separated name, other names, domains, country and
// ownership, "|" between several values, "#" starting a comment line.
func ParseOutlets(r io.Reader) ([]Outlet, error) {
	var out []Outlet
	err := eachRow(r, func(c []string) error {
		if col(c, 0) == "" {
			return nil
		}
		out = append(out, Outlet{Name: col(c, 0), Aliases: splitBar(col(c, 1)), Domains: splitBar(col(c, 2)),
			Country: col(c, 3), Ownership: col(c, 4)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("outlet registry: %w", err)
	}
	return out, nil
}

func (lx *lexicon) loadOutlets(extra []Outlet) error {
	r, err := readData("outlets.tsv")
	if err != nil {
		return err
	}
	base, err := ParseOutlets(r)
	if err != nil {
		return err
	}
	byName := map[string]int{}
	for _, o := range append(base, extra...) {
		k := Key(o.Name)
		if i, ok := byName[k]; ok {
			lx.outlets[i] = o
			continue
		}
		byName[k] = len(lx.outlets)
		lx.outlets = append(lx.outlets, o)
	}
	for i, o := range lx.outlets {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			lx.addName(n, entry{kind: dOutlet, ref: int32(i)})
		}
	}
	return nil
}

func (lx *lexicon) loadWords() error {
	for _, f := range []struct {
		name string
		set  map[string]bool
	}{{"titles.txt", lx.titles}, {"orgwords.txt", lx.orgHeads}, {"stopwords.txt", lx.stopwords}} {
		r, err := readData(f.name)
		if err != nil {
			return err
		}
		err = eachRow(r, func(c []string) error {
			w := strings.ToLower(strings.Join(strings.Fields(c[0]), " "))
			w = strings.TrimSuffix(w, ".")
			f.set[w] = true
			if f.name == "titles.txt" {
				lx.maxTitle = max(lx.maxTitle, len(segment.AppendTokens(nil, w, 0, len(w))))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	r, err := readData("govverbs.txt")
	if err != nil {
		return err
	}
	return eachRow(r, func(c []string) error {
		w := strings.ToLower(strings.TrimSpace(c[0]))
		if len(c) > 1 && strings.TrimSpace(c[1]) == "object" {
			lx.govObject[w] = true
		} else {
			lx.govVerbs[w] = true
		}
		return nil
	})
}

// outletByDomain returns the registry outlet publishing on host or one of
// its parent domains.
func (lx *lexicon) outletByDomain(host string) (int, bool) {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	for host != "" {
		for i, o := range lx.outlets {
			for _, d := range o.Domains {
				if strings.EqualFold(d, host) {
					return i, true
				}
			}
		}
		_, rest, ok := strings.Cut(host, ".")
		if !ok || !strings.Contains(rest, ".") {
			break
		}
		host = rest
	}
	return 0, false
}

// extraPop is the population given to the hand-kept places, which are
// chosen over namesakes from the generated gazetteer.
const extraPop = 500000

// classify fills lx.classes from the word lists.
func (lx *lexicon) classify() {
	lx.classes = map[string]uint8{}
	add := func(w string, c uint8) { lx.classes[w] |= c }
	for w := range lx.stopwords {
		add(w, cStop)
	}
	for w := range lx.orgHeads {
		add(w, cHead)
	}
	for w := range lx.titles {
		first, _, multi := strings.Cut(w, " ")
		if multi {
			add(first, cTitleStart)
		} else {
			add(w, cTitle)
		}
	}
	for _, w := range connectors {
		add(w, cConn)
	}
	for _, w := range locatives {
		add(w, cLoc)
	}
	for _, w := range placeNouns {
		add(w, cPlaceNoun)
	}
}
