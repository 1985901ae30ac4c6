package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

// Token flags.
const (
	fWord  uint8 = 1 << iota // has a letter
	fCap                     // first letter upper case
	fUpper                   // every letter upper case, two or more letters
	fCyr                     // Cyrillic
	fDigit                   // starts with a digit
	fPoss                    // a possessive ’s was cut off its end
)

type tok struct {
	start, end int
	flags      uint8
	class      uint8 // word classes, once classDone
	classDone  bool
}

// Word classes of a token, from its lower-case form.
const (
	cStop uint8 = 1 << iota
	cConn
	cHead  // head word of an organisation
	cTitle // a one-word title
	cLoc   // locative preposition
	cPlaceNoun
	cTitleStart // first word of a title of several words
)

// Kinds of mention found in the text.
const (
	mCountry uint8 = iota
	mPlace
	mPerson
	mOrg
	mOutlet
	mSingle // one capitalised word of unknown kind, resolved later
)

// Place suffixes ("Batken region", "Lakhsh district").
const (
	sufNone uint8 = iota
	sufAdmin1
	sufAdmin2
	sufOther
)

type mention struct {
	start, end int
	kind       uint8
	ref        int32 // country place, org, outlet or known person; -1 when none
	suffix     uint8
	role       string
	side       doc.Party
	first      string // person: key of the first name
	surname    string // person: key of the surname
	locative   bool   // after "in", "near", "village of", ...
	acronym    bool
}

// rolePhrase is a title standing apart from a name, as in an apposition
// ("Ruslan Kazakbaev, Minister of Foreign Affairs of Kyrgyzstan").
type rolePhrase struct {
	start, end int
	role       string
	side       doc.Party
}

type finder struct {
	lx       *lexicon
	text     string
	toks     []tok
	raw      []segment.Token
	mentions []mention
	roles    []rolePhrase
	key      []byte
	lowBuf   [32]byte
	seen     map[string]int // countries named so far
	titleBuf []byte
	segs     []seg
	lower    bool // the text is (nearly) all lower case
	upper    bool // the text is (nearly) all capitals
	// sentLower and sentUpper say the same of the current sentence.
	sentLower, sentUpper bool
}

var locatives = []string{"in", "near", "at", "from", "to", "outside", "into", "across", "towards", "toward", "around"}

var placeNouns = []string{"village", "town", "city", "enclave", "exclave", "settlement", "district", "region", "province",
	"area", "jamoat", "capital"}

var geoSuffix = map[string]uint8{"region": sufAdmin1, "oblast": sufAdmin1, "province": sufAdmin1, "viloyat": sufAdmin1,
	"district": sufAdmin2, "raion": sufAdmin2, "rayon": sufAdmin2, "nohiya": sufAdmin2,
	"область": sufAdmin1, "области": sufAdmin1, "районе": sufAdmin2, "района": sufAdmin2, "район": sufAdmin2,
	"valley": sufOther, "river": sufOther, "gorge": sufOther, "mountains": sufOther, "lake": sufOther}

// prefixes may precede a state's name in a compound ("post-Soviet").
var prefixes = map[string]bool{"post": true, "pro": true, "anti": true, "ex": true, "non": true, "pan": true, "trans": true, "inter": true}

// minLowerText is the fewest letters a text in lower case must have.
const minLowerText = 200

var connectors = []string{"of", "for", "and", "in", "on", "the", "de"}

// caseMode tells whether text is written without case distinctions. A
// text of a sentence or two tells too little: "Tajik troops burned 2
// schools and 14 houses in the village, officials said." has one capital
// in sixty letters, and is no text in lower case.
func caseMode(text string) (lower, upper bool) {
	var lo, up int
	for i, r := range text {
		if i > 1<<16 {
			break
		}
		if unicode.IsLower(r) {
			lo++
		} else if unicode.IsUpper(r) {
			up++
		}
	}
	if lo+up < 20 {
		return false, false
	}
	return up*50 < lo+up && lo+up >= minLowerText, lo*10 < lo+up
}

func (f *finder) tokText(i int) string { return f.text[f.toks[i].start:f.toks[i].end] }

// is reports whether token i is a word of one of the classes c.
func (f *finder) is(i int, c uint8) bool {
	if i < 0 || i >= len(f.toks) {
		return false
	}
	t := &f.toks[i]
	if !t.classDone {
		t.classDone = true
		if t.flags&fWord != 0 {
			if b, ok := f.lowerBytes(i); ok {
				t.class = f.lx.classes[string(b)]
			} else {
				t.class = f.lx.classes[strings.ToLower(f.tokText(i))]
			}
		}
	}
	return t.class&c != 0
}

// lowerBytes returns token i in lower case when it is a short ASCII word.
func (f *finder) lowerBytes(i int) ([]byte, bool) {
	s := f.tokText(i)
	if len(s) > len(f.lowBuf) {
		return nil, false
	}
	b := f.lowBuf[:0]
	for j := 0; j < len(s); j++ {
		c := s[j]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

func (f *finder) wordIs(i int, w string) bool {
	return i >= 0 && i < len(f.toks) && strings.EqualFold(f.tokText(i), w)
}

// suffix returns the kind of geographic word token i is ("region", "district").
func (f *finder) suffix(i int) uint8 {
	if i < 0 || i >= len(f.toks) || f.toks[i].flags&fWord == 0 {
		return sufNone
	}
	if b, ok := f.lowerBytes(i); ok {
		return geoSuffix[string(b)]
	}
	return geoSuffix[strings.ToLower(f.tokText(i))]
}

// tokenize fills f.toks with the tokens of text[start:end].
func (f *finder) tokenize(start, end int) {
	f.raw = segment.AppendTokens(f.raw[:0], f.text, start, end)
	f.toks = f.toks[:0]
	for _, t := range f.raw {
		s := f.text[t.Start:t.End]
		var fl uint8
		e := t.End
		if strings.IndexByte(s, '\'') >= 0 || strings.IndexByte(s, 0xE2) >= 0 && strings.Contains(s, "’") {
			for _, suf := range []string{"’s", "'s", "’", "'"} {
				if strings.HasSuffix(s, suf) && len(s) > len(suf)+1 {
					e -= len(suf)
					s = s[:len(s)-len(suf)]
					fl |= fPoss
					break
				}
			}
		}
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsDigit(r) {
			fl |= fDigit
		}
		letters, uppers := 0, 0
		for _, c := range s {
			if c < utf8.RuneSelf {
				if c >= 'a' && c <= 'z' {
					letters++
				} else if c >= 'A' && c <= 'Z' {
					letters++
					uppers++
				}
				continue
			}
			if unicode.IsLetter(c) {
				letters++
				if unicode.IsUpper(c) {
					uppers++
				}
				if c >= 0x400 && c <= 0x52f {
					fl |= fCyr
				}
			}
		}
		if letters > 0 {
			fl |= fWord
			if unicode.IsUpper(r) {
				fl |= fCap
			}
			if uppers == letters && letters >= 2 {
				fl |= fUpper
			}
		}
		if fl&fWord == 0 {
			fl &^= fPoss
			e = t.End
		}
		f.toks = append(f.toks, tok{start: t.Start, end: e, flags: fl})
	}
}

// isName reports whether token i can be part of a name.
func (f *finder) isName(i int) bool {
	if i >= len(f.toks) {
		return false
	}
	fl := f.toks[i].flags
	if f.sentLower {
		return fl&fWord != 0
	}
	return fl&fCap != 0
}

// sentence finds the mentions of one sentence.
func (f *finder) sentence(s doc.Span) {
	f.tokenize(s.Start, s.End)
	words, caps, long, longCaps := 0, 0, 0, 0
	for _, t := range f.toks {
		if t.flags&fWord != 0 {
			words++
			if t.flags&fCap != 0 {
				caps++
			}
			if t.end-t.start >= 4 {
				long++
				if t.flags&fCap != 0 {
					longCaps++
				}
			}
		}
	}
	uppers := 0
	for _, t := range f.toks {
		if t.flags&fUpper != 0 {
			uppers++
		}
	}
	f.sentUpper = f.upper || (words >= 4 && uppers*10 >= words*8)
	f.sentLower = f.lower || (words >= 6 && caps == 0)
	// A headline in title case capitalises every long word.
	headline := f.sentUpper || f.sentLower || (long >= 3 && longCaps*10 >= long*9)
	for i := 0; i < len(f.toks); {
		t := f.toks[i]
		if t.flags&fDigit != 0 {
			if n, e := f.match(i, len(f.toks)); n > 0 && e.kind == dOutlet {
				f.add(mention{start: t.start, end: f.toks[i+n-1].end, kind: mOutlet, ref: e.ref})
				i += n
				continue
			}
		}
		if !f.isName(i) {
			if t.flags&fCyr != 0 {
				f.russian(i)
			} else if t.flags&fWord != 0 && t.end-t.start > 4 && strings.IndexByte(f.text[t.start:t.end], '-') > 0 {
				f.compound(t.start, t.end) // "post-Soviet", "pro-Russian"
			}
			i++
			continue
		}
		j := f.runEnd(i)
		f.run(i, j, headline)
		i = j
	}
}

// ruState returns the state whose Russian stem begins token i.
func (f *finder) ruState(i int) (string, bool) { return f.ruStem(f.tokText(i)) }

// ruStem returns the state whose Russian stem begins word w.
func (f *finder) ruStem(w string) (string, bool) {
	w = strings.ToLower(w)
	for _, st := range f.lx.ruStems {
		if strings.HasPrefix(w, st.stem) {
			return st.cc, true
		}
	}
	return "", false
}

// russian marks a Russian word that starts with the stem of a state's name
// or adjective ("таджикской", "Кыргызстана"), and each such part of a
// hyphenated compound ("киргизско-таджикской": both states).
func (f *finder) russian(i int) {
	t := f.toks[i]
	if strings.IndexByte(f.text[t.start:t.end], '-') < 0 {
		if cc, ok := f.ruState(i); ok {
			f.add(mention{start: t.start, end: t.end, kind: mCountry, ref: f.lx.countryOf[cc]})
		}
		return
	}
	for p := t.start; p < t.end; {
		q := strings.IndexByte(f.text[p:t.end], '-')
		if q < 0 {
			q = t.end - p
		}
		if cc, ok := f.ruStem(f.text[p : p+q]); ok {
			f.add(mention{start: p, end: p + q, kind: mCountry, ref: f.lx.countryOf[cc]})
		}
		p += q + 1
	}
}

// runEnd returns the end of the run of name tokens starting at i.
func (f *finder) runEnd(i int) int {
	j := i + 1
	head := f.isHead(i)
	for j < len(f.toks) {
		if f.toks[j-1].flags&fPoss != 0 {
			break
		}
		if f.isName(j) {
			head = head || f.isHead(j)
			j++
			continue
		}
		t := f.toks[j]
		s := f.text[t.start:t.end]
		// An initial: "B. Gafurov", "J. R. Smith"; "RFE/RL", "AT&T".
		if (s == "." && utf8.RuneCountInString(f.tokText(j-1)) == 1 || s == "/" || s == "&") && f.isName(j+1) {
			j++
			continue
		}
		if head && !f.lower && f.is(j, cConn) {
			k := j + 1
			if f.wordIs(k, "the") {
				k++
			}
			if f.isName(k) && (!f.wordIs(j, "and") || f.orgRun(i, j)) {
				j = k
				continue
			}
		}
		if f.wordIs(j, "of") && f.isName(j+1) {
			// A name of the dictionary across "of": "the Republic of
			// Tajikistan" is the country, not a "Republic" and a state.
			end := 0
			for st := i; st < j && end == 0; st++ {
				if n, _ := f.match(st, min(len(f.toks), j+5)); st+n > j {
					end = st + n
				}
			}
			if end > 0 {
				j = end
				continue
			}
		}
		break
	}
	return j
}

// isHead reports whether token i heads an organisation or a title, after
// which "of", "for" and the like continue the name.
func (f *finder) isHead(i int) bool {
	return f.is(i, cHead|cTitle)
}

func (f *finder) orgRun(i, j int) bool {
	for k := i; k < j; k++ {
		if f.is(k, cHead) {
			return true
		}
	}
	return false
}

// match returns the longest dictionary name starting at token i and ending
// before end, as a number of tokens and its best entry.
func (f *finder) match(i, end int) (int, entry) {
	best, bestE := 0, entry{}
	f.key = f.key[:0]
	for j := i; j < end && j < i+8; j++ {
		t := f.toks[j]
		if j > i && t.flags&fWord == 0 && t.flags&fDigit == 0 {
			s := f.text[t.start:t.end]
			if s != "." && s != "-" && s != "&" && s != "/" {
				break
			}
			continue
		}
		f.key = appendKey(f.key, f.text[t.start:t.end])
		if es, ok := f.lx.dict[string(f.key)]; ok {
			if e, ok := f.pick(es, i, j); ok {
				best, bestE = j-i+1, e
			}
		}
		if !f.lx.prefixes[string(f.key)] {
			break
		}
	}
	return best, bestE
}

// pick chooses among the entries of a name matched on tokens i..j.
func (f *finder) pick(es []entry, i, j int) (entry, bool) {
	allCaps := true
	for k := i; k <= j; k++ {
		if fl := f.toks[k].flags; fl&fWord != 0 && fl&fUpper == 0 && utf8.RuneCountInString(f.tokText(k)) > 1 {
			allCaps = false
		}
	}
	var best entry
	found := false
	for _, e := range es {
		if e.acronym && (!allCaps || f.sentUpper) {
			continue
		}
		if f.sentLower && (e.kind == dCapital || e.kind == dPlace && !f.lx.interest[f.lx.places[e.ref].cc] ||
			(e.kind == dOrg || e.kind == dOutlet || e.kind == dPerson) && i == j) {
			continue
		}
		if f.sentUpper && e.kind == dPlace && !f.lx.interest[f.lx.places[e.ref].cc] && f.lx.places[e.ref].pop < 100000 {
			continue
		}
		if !found || e.kind < best.kind {
			best, found = e, true
		}
	}
	return best, found
}

// title returns the number of tokens of the longest title at token i.
func (f *finder) title(i, end int) int {
	if !f.is(i, cTitle|cTitleStart) {
		return 0
	}
	b := f.titleBuf[:0]
	best := 0
	for j := i; j < end && j < i+f.lx.maxTitle; j++ {
		if j > i {
			b = append(b, ' ')
		}
		if lb, ok := f.lowerBytes(j); ok {
			b = append(b, lb...)
		} else {
			b = append(b, strings.ToLower(f.tokText(j))...)
		}
		if f.lx.titles[string(b)] {
			best = j - i + 1
		}
	}
	f.titleBuf = b
	return best
}

func (f *finder) add(m mention) {
	if (m.kind == mPlace || m.kind == mPerson || m.kind == mSingle) && strings.ContainsAny(f.text[m.start:m.end], "0123456789") {
		return // "BM-21 Grad", "Bayraktar TB2": a model, not a place or a person
	}
	if m.end > m.start {
		if m.kind == mCountry {
			f.seen[f.lx.places[m.ref].cc]++
		}
		f.mentions = append(f.mentions, m)
	}
}

type seg struct {
	i, j  int // tokens
	kind  uint8
	e     entry
	title bool
	conn  bool
}

// ruCompound reports whether token i is a Russian compound adjective of
// states ("киргизско-таджикской").
func (f *finder) ruCompound(i int) bool {
	t := f.toks[i]
	if t.flags&fCyr == 0 || strings.IndexByte(f.text[t.start:t.end], '-') <= 0 {
		return false
	}
	_, ok := f.ruState(i)
	return ok
}

// run classifies the run of name tokens [i, j).
func (f *finder) run(i, j int, headline bool) {
	for p := i; p < j; p++ {
		if f.ruCompound(p) {
			// Each state of a compound adjective is a mention of its own;
			// the words around it are runs of their own.
			if p > i {
				f.run(i, p, headline)
			}
			f.russian(p)
			if p+1 < j {
				f.run(p+1, j, headline)
			}
			return
		}
	}
	// Trim stop words at the edges, unless they begin a name ("The Hague").
	for i < j && f.is(i, cStop|cConn) {
		if n, _ := f.match(i, j); n > 1 {
			break
		}
		i++
	}
	for j > i && f.is(j-1, cStop|cConn) {
		if n, _ := f.match(j-1, j); n == 1 {
			break
		}
		j--
	}
	if i >= j {
		return
	}
	// Segment into titles, dictionary names and unknown words.
	segs := f.segs[:0]
	defer func() { f.segs = segs[:0] }()
	for p := i; p < j; {
		if p > i && f.is(p, cConn) {
			segs = append(segs, seg{i: p, j: p + 1, conn: true})
			p++
			continue
		}
		nm, e := f.match(p, j)
		if n := f.title(p, j); n > 0 && nm <= n {
			segs = append(segs, seg{i: p, j: p + n, title: true})
			p += n
			continue
		}
		if n := nm; n > 0 {
			segs = append(segs, seg{i: p, j: p + n, kind: 1, e: e})
			p += n
			continue
		}
		if f.toks[p].flags&fCyr != 0 {
			if cc, ok := f.ruState(p); ok {
				segs = append(segs, seg{i: p, j: p + 1, kind: 1, e: entry{kind: dCountry, ref: f.lx.countryOf[cc]}})
				p++
				continue
			}
		}
		if len(segs) > 0 && segs[len(segs)-1].kind == 0 && !segs[len(segs)-1].title && !segs[len(segs)-1].conn {
			segs[len(segs)-1].j = p + 1
		} else {
			segs = append(segs, seg{i: p, j: p + 1})
		}
		p++
	}
	segs = f.mergeWeak(segs)
	start, end := f.toks[i].start, f.toks[j-1].end

	// A run holding the head word of an organisation names one.
	if f.orgRun(i, j) && !segs[0].title && !(len(segs) == 1 && segs[0].kind == 1) && j-i > 1 {
		m := mention{start: start, end: end, kind: mOrg, ref: -1}
		for _, s := range segs {
			if s.kind == 1 && (s.e.kind == dCountry || s.e.kind == dDemonym) {
				if m.side == "" {
					m.side = doc.Party(f.lx.places[s.e.ref].cc)
				}
				f.add(mention{start: f.toks[s.i].start, end: f.toks[s.j-1].end, kind: mCountry, ref: s.e.ref})
			}
		}
		if m.side == "" {
			m.side = f.sideBefore(i)
		}
		f.add(m)
		f.roleBefore(i, end, m.side)
		return
	}

	// "Tajikistan NS": an acronym qualified by its state.
	if len(segs) == 2 && segs[0].kind == 1 && (segs[0].e.kind == dCountry || segs[0].e.kind == dDemonym) &&
		segs[1].kind == 0 && !segs[1].title && segs[1].j-segs[1].i == 1 && f.toks[segs[1].i].flags&fUpper != 0 && !f.upper {
		s0 := segs[0]
		f.add(mention{start: f.toks[s0.i].start, end: f.toks[s0.j-1].end, kind: mCountry, ref: s0.e.ref})
		f.add(mention{start: start, end: end, kind: mOrg, ref: -1, side: doc.Party(f.lx.places[s0.e.ref].cc), acronym: true})
		return
	}

	role, roleStart, roleEnd := "", -1, -1
	var roleSide doc.Party
	openRole := func(s seg) {
		if roleStart < 0 {
			roleStart = f.toks[s.i].start
		}
		roleEnd = f.toks[s.j-1].end
	}
	closeRole := func() {
		if roleStart >= 0 {
			role = f.text[roleStart:roleEnd]
		}
	}
	for k := 0; k < len(segs); k++ {
		s := segs[k]
		ss, se := f.toks[s.i].start, f.toks[s.j-1].end
		prevConn := k > 0 && segs[k-1].conn
		switch {
		case s.conn:
			continue
		case s.title:
			if roleStart < 0 && k == 0 && roleSide == "" {
				roleSide = f.sideBefore(s.i) // "Kyrgyzstan's Foreign Minister"
			}
			openRole(s)
		case s.kind == 1:
			e := s.e
			switch e.kind {
			case dCountry, dDemonym:
				f.add(mention{start: ss, end: se, kind: mCountry, ref: e.ref})
				cc := doc.Party(f.lx.places[e.ref].cc)
				nextTitle := k+1 < len(segs) && segs[k+1].title
				if roleStart >= 0 && k > 0 && f.toks[s.i].flags&fCyr != 0 {
					roleSide = cc // "Президент Кыргызстана"
					openRole(s)
				} else if nextTitle {
					roleSide = cc
				} else if roleStart >= 0 && prevConn {
					roleSide = cc
					openRole(s)
				}
			case dCapital:
				if f.wordIs(s.i-1, "official") || f.wordIs(s.i-1, "официальный") || !f.hasPlace(ss, se) || f.government(s.i, s.j) {
					f.add(mention{start: ss, end: se, kind: mCountry, ref: e.ref})
				} else {
					f.placeMention(s, j, k == len(segs)-1)
				}
			case dPlace:
				// A first name that is also a place: "Iskandar Shokh".
				if !headline && k+1 < len(segs) && segs[k+1].kind == 0 && !segs[k+1].title && !segs[k+1].conn &&
					f.suffix(segs[k+1].i) == 0 && f.toks[s.i].flags&fUpper == 0 && s.j-s.i == 1 {
					segs[k+1].i = s.i
					continue
				}
				f.placeMention(s, j, k == len(segs)-1)
			case dOrg, dOutlet:
				kind := mOrg
				side := f.lx.orgSide(e)
				if e.kind == dOutlet {
					kind = mOutlet
				}
				f.add(mention{start: ss, end: se, kind: kind, ref: e.ref, side: side})
				if k == 0 && len(segs) == 1 {
					f.roleBefore(s.i, se, side) // "a member of the Jogorku Kenesh"
				}
				if roleStart >= 0 && prevConn {
					roleSide = side
					openRole(s)
				} else if k+1 < len(segs) && segs[k+1].title {
					openRole(s) // "OSCE Chairperson-in-Office"
				}
			case dPerson:
				closeRole()
				m := f.person(ss, se, s, role, roleSide)
				m.ref = e.ref
				f.add(m)
				role, roleStart, roleSide = "", -1, ""
			}
		default: // unknown words
			words := 0
			for p := s.i; p < s.j; p++ {
				if f.toks[p].flags&fWord != 0 {
					words++
				}
			}
			// A geographic word after a place belongs to it ("Soghd Oblast").
			if k > 0 && segs[k-1].kind == 1 && words == 1 && f.suffix(s.i) != 0 {
				if n := len(f.mentions); n > 0 && f.mentions[n-1].kind == mPlace && f.mentions[n-1].end == f.toks[segs[k-1].j-1].end {
					f.mentions[n-1].end = se
					f.mentions[n-1].suffix = f.suffix(s.i)
					continue
				}
			}
			// "Chairman of the Cabinet of Ministers Akylbek Japarov": the
			// organisation after "of" belongs to the title; so does what
			// follows "for" ("the Border Service of the State Committee for
			// National Security" names no person "National Security").
			if roleStart >= 0 && (prevConn && k+1 < len(segs) || f.orgRun(s.i, s.j) || prevConn && f.wordIs(segs[k-1].i, "for")) {
				openRole(s)
				continue
			}
			// "the villages of Chorkuh, Surkh and Khojai Alo"
			if k == 0 && words >= 2 && roleStart < 0 && f.placeContext(s.i) {
				f.add(mention{start: ss, end: se, kind: mSingle, ref: -1, locative: true})
				continue
			}
			if (roleStart >= 0 && !f.sentUpper && !f.sentLower) || (words >= 2 && words <= 4 && !headline && !f.ordinalAt(s.i)) {
				closeRole()
				f.add(f.person(ss, se, s, role, roleSide))
				role, roleStart, roleSide = "", -1, ""
				continue
			}
			if words >= 2 {
				continue
			}
			if f.sentUpper || f.sentLower {
				continue
			}
			m := mention{start: ss, end: se, kind: mSingle, ref: -1}
			m.acronym = f.toks[s.i].flags&fUpper != 0
			if k == 0 && s.i > 0 {
				m.locative = f.placeContext(s.i)
			}
			if k == len(segs)-1 && s.j < len(f.toks) {
				if suf := f.suffix(s.j); suf != 0 {
					m.end, m.suffix, m.locative = f.toks[s.j].end, suf, true
				}
			}
			// "Kyrgyz-Tajik": a compound of two states.
			if strings.IndexByte(f.text[ss:se], '-') >= 0 && f.compound(ss, se) {
				continue
			}
			f.add(m)
		}
	}
	if roleStart >= 0 {
		closeRole()
		f.roles = append(f.roles, rolePhrase{start: roleStart, end: roleEnd, role: role, side: roleSide})
	}
}

// compound adds the states of a hyphenated compound ("Kyrgyz-Tajik") and
// reports whether every part is one.
func (f *finder) compound(start, end int) bool {
	var ms []mention
	p := start
	for p < end {
		q := strings.IndexByte(f.text[p:end], '-')
		if q < 0 {
			q = end - p
		}
		part := f.text[p : p+q]
		es, ok := f.lx.dict[Key(part)]
		if !ok {
			if prefixes[part] {
				p += q + 1
				continue
			}
			return false
		}
		found := false
		for _, e := range es {
			if (e.kind == dCountry || e.kind == dDemonym) && !e.acronym {
				ms = append(ms, mention{start: p, end: p + q, kind: mCountry, ref: e.ref})
				found = true
				break
			}
		}
		if !found {
			return false
		}
		p += q + 1
	}
	f.mentions = append(f.mentions, ms...)
	return len(ms) > 0
}

func (lx *lexicon) orgSide(e entry) doc.Party {
	switch e.kind {
	case dOrg:
		return lx.orgs[e.ref].side
	case dOutlet:
		return lx.outlets[e.ref].Side()
	}
	return ""
}

// placeMention adds the place of segment s, taking a geographic word after
// it ("Batken region") when s ends the run that ends at token j.
func (f *finder) placeMention(s seg, j int, last bool) {
	if s.j < len(f.toks) && f.wordIs(s.j, "time") && s.i > 0 && f.clockBefore(s.i) {
		return // "9 a.m. Moscow time": a time zone
	}
	m := mention{start: f.toks[s.i].start, end: f.toks[s.j-1].end, kind: mPlace, ref: -1}
	if last && j < len(f.toks) {
		if suf := f.suffix(j); suf != 0 {
			m.end, m.suffix = f.toks[j].end, suf
		}
	}
	if suf := f.suffix(s.j - 1); suf != 0 {
		m.suffix = suf
	}
	f.add(m)
}

// ordinalAt reports whether token i is an ordinal word, which opens no
// person's name ("First Aid", "Second World War").
func (f *finder) ordinalAt(i int) bool {
	switch strings.ToLower(f.tokText(i)) {
	case "first", "second", "third", "fourth", "fifth":
		return true
	}
	return false
}

// clockBefore reports whether a time of day ends just before token i
// ("9 a.m.", "18:00", "noon").
func (f *finder) clockBefore(i int) bool {
	w := strings.ToLower(f.tokText(i - 1))
	if w == "." && i > 1 { // "a.m." as tokens
		w = strings.ToLower(f.tokText(i - 2))
	}
	switch w {
	case "a.m.", "p.m.", "am", "pm", "noon", "midnight", "m.", "m":
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsDigit(r)
}

// person makes the mention of a person named by tokens of segment s.
func (f *finder) person(start, end int, s seg, role string, side doc.Party) mention {
	m := mention{start: start, end: end, kind: mPerson, ref: -1, role: role, side: side}
	first, last := -1, -1
	for p := s.i; p < s.j; p++ {
		if f.toks[p].flags&fWord != 0 {
			if first < 0 {
				first = p
			}
			last = p
		}
	}
	if last >= 0 {
		m.surname = Key(f.tokText(last))
		if first != last {
			m.first = Key(f.tokText(first))
		}
	}
	if m.role == "" {
		// Lower-case titles before the name: "former field commander Iskandar Shokh".
		k := s.i
		for k > 0 && s.i-k < 4 && f.toks[k-1].flags&fWord != 0 && f.is(k-1, cTitle) {
			k--
		}
		if k < s.i && !f.wordIs(s.i-1, "former") {
			rs := f.toks[k].start
			// "Kyrgyz Foreign Ministry spokesperson Aibek Tenizbaev"
			if n := len(f.mentions); n > 0 && k > 0 && f.mentions[n-1].end == f.toks[k-1].end &&
				(f.mentions[n-1].kind == mOrg || f.mentions[n-1].kind == mOutlet) {
				rs = f.mentions[n-1].start
				m.side = orParty(m.side, f.mentions[n-1].side)
			}
			m.role = f.text[rs:f.toks[s.i-1].end]
			if m.side == "" {
				m.side = f.sideBefore(k)
			}
		}
	}
	return m
}

// sideBefore returns the state named by the word just before token i
// ("Tajik militant", "Kyrgyzstan's").
func (f *finder) sideBefore(i int) doc.Party {
	if i <= 0 {
		return ""
	}
	if es, ok := f.lx.dict[Key(f.tokText(i-1))]; ok {
		for _, e := range es {
			if (e.kind == dCountry || e.kind == dDemonym) && !e.acronym {
				return doc.Party(f.lx.places[e.ref].cc)
			}
		}
	}
	return ""
}

// roleBefore records "the head of ORG" as a role phrase when the
// organisation at token i, ending at byte end, follows a lower-case title.
func (f *finder) roleBefore(i, end int, side doc.Party) {
	k := i - 1
	if f.wordIs(k, "the") {
		k--
	}
	if !f.wordIs(k, "of") {
		return
	}
	k--
	t := k
	for t >= 0 && k-t < 3 && f.toks[t].flags&fCap == 0 && f.is(t, cTitle) {
		t--
	}
	if t == k {
		return
	}
	f.roles = append(f.roles, rolePhrase{start: f.toks[t+1].start, end: end, role: f.text[f.toks[t+1].start:end], side: side})
}

// placeContext reports whether the words before token i announce a place:
// "in", "near", "village of", or a list going on from a place ("Chorkuh,
// Surkh and ...").
func (f *finder) placeContext(i int) bool {
	if f.is(i-1, cLoc|cPlaceNoun) || (f.wordIs(i-1, "of") && f.is(i-2, cPlaceNoun)) {
		return true
	}
	if !(f.wordIs(i-1, "and") || f.wordIs(i-1, "or") || i > 0 && f.tokText(i-1) == ",") {
		return false
	}
	n := len(f.mentions)
	return n > 0 && f.mentions[n-1].kind == mPlace && f.toks[i-1].start-f.mentions[n-1].end <= 2 ||
		n > 0 && f.mentions[n-1].kind == mSingle && f.mentions[n-1].locative && f.toks[i-1].start-f.mentions[n-1].end <= 2
}

// mergeWeak turns into unknown words the small foreign places that are
// only part of a longer name ("Khojai Alo" is no "Hojāi" and "Alo"), and
// joins neighbouring unknown words.
func (f *finder) mergeWeak(segs []seg) []seg {
	plain := func(k int) bool {
		return k >= 0 && k < len(segs) && segs[k].kind == 0 && !segs[k].title && !segs[k].conn
	}
	weak := func(k int) bool {
		return k >= 0 && k < len(segs) && segs[k].kind == 1 && segs[k].e.kind == dPlace && segs[k].j-segs[k].i == 1 && f.weakPlace(segs[k])
	}
	changed := false
	for k := range segs {
		if weak(k) && (plain(k-1) || plain(k+1) || weak(k-1) || weak(k+1)) && f.suffix(segs[k].j) == sufNone {
			segs[k].kind, segs[k].e = 0, entry{}
			changed = true
		}
	}
	if !changed {
		return segs
	}
	out := segs[:1]
	for _, sg := range segs[1:] {
		if last := &out[len(out)-1]; last.kind == 0 && !last.title && !last.conn && sg.kind == 0 && !sg.title && !sg.conn {
			last.j = sg.j
			continue
		}
		out = append(out, sg)
	}
	return out
}

// weakPlace reports whether every place of the name of segment s is small
// and lies in a country that is neither of interest nor named so far.
func (f *finder) weakPlace(s seg) bool {
	for _, e := range f.lx.dict[Key(f.text[f.toks[s.i].start:f.toks[s.j-1].end])] {
		if e.kind != dPlace {
			continue
		}
		p := f.lx.places[e.ref]
		if f.lx.interest[p.cc] || f.seen[p.cc] > 0 || p.pop >= 100000 {
			return false
		}
	}
	return true
}

// government reports whether the capital at tokens [i, j) stands for its
// government: a verb of govverbs.txt follows it ("Dushanbe accuses",
// "Bishkek said"), or an accusing verb goes before it and "of" or "for"
// (Russian "в") after ("accuses Bishkek of aggression", "blamed Bishkek
// for the fighting", "обвиняет Бишкек в нападении").
func (f *finder) government(i, j int) bool {
	next := func(k int) string {
		if k < 0 || k >= len(f.toks) || f.toks[k].flags&fWord == 0 {
			return ""
		}
		return strings.ToLower(f.tokText(k))
	}
	return f.lx.govVerbs[next(j)] || f.lx.govObject[next(i-1)] && (next(j) == "of" || next(j) == "for" || next(j) == "в")
}

// hasPlace reports whether text[start:end] names a place of the gazetteer
// (Moscow does, the Kremlin does not).
func (f *finder) hasPlace(start, end int) bool {
	for _, e := range f.lx.dict[Key(f.text[start:end])] {
		if e.kind == dPlace {
			return true
		}
	}
	return false
}
