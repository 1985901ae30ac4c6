package claim

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/doc"
)

// eventMention is one report of an event in the text.
type eventMention struct {
	typ      string
	word, n  int
	from, to string
	gran     string
}

// group is an event being built from its mentions.
type group struct {
	ev    doc.Event
	words []int // first word of each mention
	fine  bool  // dated from a day or month expression
	// narrowed is set when the days of the event's figures narrowed its
	// dates, which were span.
	narrowed bool
	span     [2]string
}

// narrow sets the dates of an event dated loosely (a month: more than a
// week) to the days of its figures within them.
func (g *group) narrow(from, to string) {
	lo, hi := g.ev.From, g.ev.To
	if g.narrowed {
		lo, hi = g.span[0], g.span[1]
	}
	if from < lo || to > hi || !longerThanWeek(lo, hi) {
		return
	}
	if !g.narrowed {
		g.span, g.narrowed = [2]string{lo, hi}, true
		g.ev.From, g.ev.To = from, to
		return
	}
	g.ev.From, g.ev.To = min(g.ev.From, from), max(g.ev.To, to)
}

// longerThanWeek reports whether the days from..to (YYYY-MM-DD) span more
// than a week.
func longerThanWeek(from, to string) bool {
	f, err1 := time.Parse(time.DateOnly, from)
	t, err2 := time.Parse(time.DateOnly, to)
	return err1 == nil && err2 == nil && t.Sub(f) > 7*24*time.Hour
}

// before returns the event that ok accepts mentioned last in the
// sentences of sentence si's paragraph before it, or -1: a figure
// without an event in its sentence belongs to the event its paragraph is
// about ("In April 2021, fighting near Kok-Tash killed 55 people. More
// than 58,000 residents were evacuated.").
func (s *state) before(groups []*group, si int, ok func(*group) bool) int {
	best, bestWord := -1, -1
	for sj := si - 1; sj >= 0; sj-- {
		if s.paragraphBreak(sj) {
			break // another paragraph
		}
		for i, g := range groups {
			if !ok(g) {
				continue
			}
			for _, w := range g.words {
				if s.words[w].sent == sj && w > bestWord {
					best, bestWord = i, w
				}
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// paragraphBreak reports whether a paragraph ends after sentence si:
// an empty line before the next one.
func (s *state) paragraphBreak(si int) bool {
	end, next := s.words[s.sents[si][1]-1].end, s.words[s.sents[si+1][0]].start
	return strings.Contains(s.text[end:next], "\n\n")
}

// paragraphLabel returns the time that labels the paragraph of sentence
// si: one that opens it, followed by a colon or a dash ("April 29: Border
// troops exchange fire …", "14 September — …"), as in a timeline.
func (s *state) paragraphLabel(si int) (doc.Time, bool) {
	first := si
	for first > 0 && !s.paragraphBreak(first-1) {
		first--
	}
	start := s.words[s.sents[first][0]].start
	for _, t := range s.a.Times {
		if t.Start < start {
			continue
		}
		if t.Start > start || t.From == "" || t.To == "" {
			break
		}
		rest := strings.TrimLeft(s.text[t.End:], " \t")
		for _, mark := range [...]string{":", "—", "–", "- "} {
			if strings.HasPrefix(rest, mark) {
				return t, true
			}
		}
		break
	}
	return doc.Time{}, false
}

// latest returns the event of type typ with the latest date up to the
// publication date, or nil.
func (s *state) latest(groups []*group, typ string) *group {
	pub := s.a.Document.Published
	var best *group
	for _, g := range groups {
		if g.ev.Type != typ || g.ev.From == "" || (pub != "" && g.ev.From > pub) {
			continue
		}
		if best == nil || g.ev.From > best.ev.From {
			best = g
		}
	}
	return best
}

// within reports whether event a's days lie within event b's longer span.
func within(a, b *doc.Event) bool {
	return a.From != "" && b.From != "" && b.From <= a.From && a.To <= b.To && (b.From < a.From || a.To < b.To)
}

// violent reports whether events of type t cause the losses claims count.
func violent(t string) bool {
	return t == "armed_clash" || t == "shelling" || t == "attack_on_civilians"
}

// events finds the events of the document, merges the mentions of each,
// and links the claims to them (setting claims[i].Event).
func (s *state) events(claims []doc.Claim) []doc.Event {
	var ms []eventMention
	for si, sr := range s.sents {
		for k := sr[0]; k < sr[1]; k++ {
			n, typ := s.lx.events.match(s.lows[:sr[1]], k)
			if n == 0 {
				continue
			}
			if s.negated(k, sr[0]) || s.comparedWith(k, sr[0]) {
				k += n - 1
				continue
			}
			m := eventMention{typ: typ, word: k, n: n}
			if t, ok := s.timeIn(si, k); ok {
				m.from, m.to = s.timeBounds(t)
				m.gran = t.Granularity
			}
			ms = append(ms, m)
			k += n - 1
		}
	}
	var groups []*group
	newGroup := func(typ string) *group {
		g := &group{ev: doc.Event{Type: typ, ACLED: s.lx.acled[typ], Places: []string{}, Actors: []doc.Party{}, Claims: []string{}, Mentions: []doc.Mention{}}}
		groups = append(groups, g)
		return g
	}
	join := func(g *group, m eventMention) {
		g.words = append(g.words, m.word)
		g.ev.Mentions = append(g.ev.Mentions, doc.MentionOf(s.text, s.wordsSpan(m.word, m.word+m.n)))
		s.addContext(&g.ev, s.words[m.word].sent)
	}
	// Dated mentions first: one event per type and meeting dates.
	for _, m := range ms {
		if m.from == "" {
			continue
		}
		var g *group
		for _, h := range groups {
			if h.ev.Type == m.typ && datesMeet(h.ev.From, h.ev.To, m.from, m.to) {
				g = h
				break
			}
		}
		if g == nil {
			g = newGroup(m.typ)
		}
		fine := m.gran == doc.GranularityDay || m.gran == doc.GranularityMonth
		switch {
		case g.ev.From == "" || (fine && !g.fine):
			g.ev.From, g.ev.To, g.fine = m.from, m.to, fine
		case fine == g.fine:
			if m.from < g.ev.From {
				g.ev.From = m.from
			}
			if m.to > g.ev.To {
				g.ev.To = m.to
			}
		}
		g.ev.DateSource = doc.DateFromText
		join(g, m)
	}
	// Undated mentions join the event of their type mentioned last before
	// them, else the latest one up to the publication date, else a new one.
	for _, m := range ms {
		if m.from != "" {
			continue
		}
		var g *group
		last := -1
		for _, h := range groups {
			if h.ev.Type != m.typ {
				continue
			}
			for _, w := range h.words {
				if w < m.word && w > last {
					g, last = h, w
				}
			}
		}
		if g == nil {
			g = s.latest(groups, m.typ)
		}
		if g == nil {
			g = newGroup(m.typ)
		}
		join(g, m)
	}
	for _, g := range groups {
		sort.Ints(g.words)
		sort.Slice(g.ev.Mentions, func(x, y int) bool { return g.ev.Mentions[x].Start < g.ev.Mentions[y].Start })
	}
	// An undated event takes the dates of the event its paragraph dated
	// before it ("In April 2021, fighting … killed 55 people. More than
	// 58,000 residents were evacuated.").
	for _, g := range groups {
		if g.ev.From != "" || len(g.words) == 0 {
			continue
		}
		si := s.words[g.words[0]].sent
		if t, ok := s.paragraphLabel(si); ok {
			// A timeline's entry: its label's day.
			g.ev.From, g.ev.To = s.timeBounds(t)
			g.ev.DateSource = doc.DateFromText
		} else if i := s.before(groups, si, func(h *group) bool { return h.ev.From != "" && h != g }); i >= 0 {
			g.ev.From, g.ev.To, g.ev.DateSource = groups[i].ev.From, groups[i].ev.To, doc.DateFromText
		}
	}
	// Claims join the event reported in their sentence, else the main
	// violent event.
	main := -1
	for i, g := range groups {
		if !violent(g.ev.Type) {
			continue
		}
		if main < 0 {
			main = i
			continue
		}
		pub := s.a.Document.Published
		ei, em := &groups[i].ev, &groups[main].ev
		gi, gm := ei.From, em.From
		switch {
		case within(ei, em):
			// An episode of the main event ("shelling continued until
			// September 17" in fighting from the 14th to the 20th).
		case within(em, ei):
			main = i
		case gi != "" && (gm == "" || (gi > gm && (pub == "" || gi <= pub))):
			main = i
		}
	}
	for ci := range claims {
		c := &claims[ci]
		b := s.wordAt(c.Start)
		if b >= len(s.words) {
			continue
		}
		si := s.words[b].sent
		pick := -1
		for i, g := range groups {
			if !violent(g.ev.Type) && !(c.Metric == "displaced" && g.ev.Type == "evacuation") {
				continue
			}
			for _, w := range g.words {
				if s.words[w].sent == si && violent(g.ev.Type) {
					pick = i
				}
			}
		}
		own := pick >= 0 // the event reported in the figure's sentence
		if pick < 0 {
			pick = s.before(groups, si, func(g *group) bool { return violent(g.ev.Type) })
		}
		if pick < 0 {
			pick = main
		}
		if t, ok := s.timeIn(si, b); ok && !own && pick >= 0 && t.From != "" && groups[pick].ev.From != "" {
			if from, to := s.timeBounds(t); !datesMeet(groups[pick].ev.From, groups[pick].ev.To, from, to) {
				// "In April 2021, fighting killed 55. … In September
				// 2022, 63 died": a figure dated apart from the event
				// before it implies an event of its own.
				pick = -1
			}
		}
		if pick < 0 {
			if c.Metric == "area_km2" || c.Metric == "count" {
				continue
			}
			g := &group{ev: doc.Event{Type: "armed_clash", ACLED: s.lx.acled["armed_clash"], Places: []string{}, Actors: []doc.Party{}, Claims: []string{}, Mentions: []doc.Mention{}}}
			// No event is named: the figure's sentence dates and places
			// the one it implies ("On September 16 the military destroyed
			// 12 tanks near Batken").
			if t, ok := s.timeIn(si, b); ok {
				g.ev.From, g.ev.To = s.timeBounds(t)
				g.ev.DateSource = doc.DateFromText
			}
			s.addContext(&g.ev, si)
			groups = append(groups, g)
			main = len(groups) - 1
			pick = main
		}
		g := groups[pick]
		g.ev.Claims = append(g.ev.Claims, c.ID)
		// A month's event whose losses' sentence gives their days before
		// the figure ("The worst escalation came in September 2022.
		// Between September 14 and 17, at least 100 people were
		// killed"): those days. A time after a figure more often dates a
		// report or an update ("rose to 49 on Saturday"), and a figure of
		// another kind (land claimed in a speech) dates no fighting.
		if t, ok := s.timeIn(si, b); ok && t.Granularity == doc.GranularityDay && t.End <= c.Start && losses(c.Metric) &&
			g.ev.DateSource == doc.DateFromText {
			g.narrow(s.timeBounds(t))
		}
		if t, ok := s.paragraphLabel(si); ok && !own && g.ev.From != "" && g.ev.To != "" && t.From > g.ev.To && t.From <= addDays(g.ev.From, 31) {
			// A chronicle's entry ("September 17: the toll rose to 46")
			// carries its event on to the entry's day.
			g.ev.To = t.To
		}
		g.ev.Actors = addParty(g.ev.Actors, c.About)
		if s.named(c.Side) {
			// A party of the conflict, not an outlet abroad that reports it.
			g.ev.Actors = addParty(g.ev.Actors, c.Side)
		}
	}
	// Order events by first mention; number them.
	sort.SliceStable(groups, func(i, j int) bool {
		return firstWord(groups[i].words) < firstWord(groups[j].words)
	})
	out := []doc.Event{}
	ids := map[*group]string{}
	for i, g := range groups {
		g.ev.ID = "v" + strconv.Itoa(i+1)
		ids[g] = g.ev.ID
		if g.ev.From == "" && s.a.Document.Published != "" {
			g.ev.From, g.ev.To = s.a.Document.Published, s.a.Document.Published
			g.ev.DateSource = doc.DateFromPublished
		}
		sort.Slice(g.ev.Actors, func(x, y int) bool { return g.ev.Actors[x] < g.ev.Actors[y] })
		out = append(out, g.ev)
	}
	for _, g := range groups {
		for _, cid := range g.ev.Claims {
			for ci := range claims {
				if claims[ci].ID == cid {
					claims[ci].Event = ids[g]
				}
			}
		}
	}
	return out
}

func firstWord(ws []int) int {
	if len(ws) == 0 {
		return 1 << 30
	}
	return ws[0]
}

func addParty(ps []doc.Party, p doc.Party) []doc.Party {
	if p == "" {
		return ps
	}
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

// datesMeet reports whether two date ranges (YYYY-MM-DD, To may be empty)
// overlap or lie within a week of each other.
func datesMeet(f1, t1, f2, t2 string) bool {
	if t1 == "" {
		t1 = f1
	}
	if t2 == "" {
		t2 = f2
	}
	return f1 <= addDays(t2, 7) && f2 <= addDays(t1, 7)
}

// addDays shifts a YYYY-MM-DD date by n days, approximately but monotonically
// (a day past a month's end compares after it, which is all datesMeet needs).
func addDays(d string, n int) string {
	if len(d) < 10 {
		return d
	}
	day, err := strconv.Atoi(d[8:10])
	if err != nil {
		return d
	}
	day += n
	return d[:8] + strconv.Itoa(day/10) + strconv.Itoa(day%10)
}

// timeIn returns the time expression of sentence si nearest to word k.
func (s *state) timeIn(si, k int) (doc.Time, bool) {
	sr := s.sents[si]
	lo, hi := s.words[sr[0]].start, s.words[sr[1]-1].end
	best, bestD := doc.Time{}, 1<<30
	at := s.words[k].start
	for _, t := range s.a.Times {
		if t.Start < lo || t.End > hi || t.From == "" {
			continue
		}
		when := false
		if t.To == "" {
			// Open-ended ("since the 1950s") dates no event, but a clause
			// on its date does: "the most serious since April 2021, when
			// fighting left 55 people dead".
			if t.To = periodEnd(t.From, t.Granularity); t.To == "" || !s.whenClause(t.End, k) {
				continue
			}
			when = true
		}
		if len(t.From) >= 4 && len(t.To) >= 4 && t.From[:4] != t.To[:4] && t.Granularity != doc.GranularityDay && t.Granularity != doc.GranularityMonth {
			continue // a span of years ("the last year and a half") dates no event
		}
		if s.reportTime(t) || s.datelineTime(t) || s.afterBetween(t.End, k) || s.sinceTime(t) && !when {
			continue
		}
		d := t.Start - at
		if d < 0 {
			d = at - t.End
		}
		if d < bestD {
			best, bestD = t, d
		}
	}
	return best, bestD < 1<<30
}

// whenClause reports whether the event word k lies in a clause ", when …"
// that begins right after byte end.
func (s *state) whenClause(end, k int) bool {
	j := s.wordAt(end)
	return j+1 < k && s.lows[j] == "," && s.lows[j+1] == "when"
}

// periodEnd returns the last day of the day, month or year that begins on
// from (YYYY-MM-DD), or "" for another granularity.
func periodEnd(from string, g string) string {
	d, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return ""
	}
	switch g {
	case doc.GranularityDay:
	case doc.GranularityMonth:
		d = d.AddDate(0, 1, -1)
	case doc.GranularityYear:
		d = d.AddDate(1, 0, -1)
	default:
		return ""
	}
	return d.Format(time.DateOnly)
}

// negated reports whether the event word at k is denied by a negation
// within the two words before it, in its sentence from word first: "had
// never been agreed", "did not sign", "no ceasefire" (not "did not stop
// the fighting").
func (s *state) negated(k, first int) bool {
	for j := k - 1; j >= first && j >= k-2; j-- {
		switch s.lows[j] {
		case "not", "never", "no", "n't", "without", "нет", "не", "никогда":
			return true
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// comparedWith reports whether the event word at k names an earlier event
// that another is measured against: "since" within the three words before
// it ("the worst fighting since the 2020 war"), in its sentence from word
// first.
func (s *state) comparedWith(k, first int) bool {
	for j := k - 1; j >= first && j >= k-3; j-- {
		switch s.lows[j] {
		case "since":
			return true
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// afterBetween reports whether "after" or "following" stands between
// byte end and word k: a time before it dates what came after the event
// at k ("agreed on Monday to pull back, after four days of fighting").
func (s *state) afterBetween(end, k int) bool {
	for j := s.wordAt(end); j < k; j++ {
		if s.lows[j] == "after" || s.lows[j] == "following" {
			return true
		}
	}
	return false
}

// sinceTime reports whether t is what an event is measured against ("the
// worst fighting since the 2020 war", "the first deaths since 2021",
// "clashes have broken out since the Soviet Union collapsed in 1991":
// "since" within the eight words of its clause before it), not when it
// happened.
func (s *state) sinceTime(t doc.Time) bool {
	first := s.sents[s.words[s.wordAt(t.Start)].sent][0]
	for k := s.wordAt(t.Start) - 1; k >= first && k >= s.wordAt(t.Start)-8; k-- {
		switch s.lows[k] {
		case "since":
			return true
		case ",", ";", ":", "(", ")", "—", "–":
			return false
		}
	}
	return false
}

// reportTime reports whether t dates a report rather than what it reports:
// it follows a verb of reporting, directly or after "on", "late", "early"
// ("the ministry said on September 17", "officials said Monday"), or a
// report named as one ("in a statement on Monday").
func (s *state) reportTime(t doc.Time) bool {
	k := s.wordAt(t.Start) - 1 // the word before the time
	for range 2 {
		if k < 0 {
			return false
		}
		if s.lx.is("report", s.lows, k) > 0 {
			return true
		}
		switch s.lows[k] {
		case "report", "statement", "briefing", "interview", "address":
			// "said in a report this week", "in a statement on Monday"
			return k > 0 && (s.lows[k-1] == "a" || s.lows[k-1] == "its" || s.lows[k-1] == "the")
		case "on", "late", "early", "earlier", "later":
			k--
			continue
		}
		return false
	}
	return false
}

// datelineTime reports whether t is the date of a dateline ("BISHKEK,
// May 1 (Wire) -"): when the report was filed.
func (s *state) datelineTime(t doc.Time) bool {
	for _, end := range s.datelines {
		if end <= t.Start && t.Start-end <= 3 && strings.Trim(s.text[end:t.Start], ",-–— (") == "" {
			return true
		}
	}
	return false
}

// timeBounds returns the days an event dated by t spans: "from May to
// September" runs through September; "last week" runs up to the day the
// report was published, since reports written at a weekend say "last
// week" of the days just past as well as of the calendar week before.
func (s *state) timeBounds(t doc.Time) (from, to string) {
	if t.Through != "" {
		return t.From, t.Through
	}
	if pub := s.a.Document.Published; t.Relative && t.Granularity == doc.GranularityWeek && t.To != "" && len(pub) == 10 && t.To < pub && pastWeek(t.Text) {
		return t.From, pub
	}
	return t.From, t.To
}

// pastWeek reports whether a time expression names the week before
// ("last week", "прошлой неделе").
func pastWeek(text string) bool {
	t := strings.ToLower(text)
	return strings.Contains(t, "last week") || strings.Contains(t, "past week") || strings.Contains(t, "прошлой неделе") || strings.Contains(t, "прошлая неделя")
}

// addContext adds the places and parties named in sentence si to ev.
func (s *state) addContext(ev *doc.Event, si int) {
	for _, ei := range s.sentEnts[si] {
		e := s.a.Entities[ei]
		switch e.Kind {
		case doc.KindPlace:
			if !contains(ev.Places, e.ID) && !s.onlyReportPlace(e, si) {
				ev.Places = append(ev.Places, e.ID)
			}
		case doc.KindCountry:
			if !s.onlyOrigin(e, si) && !s.onlyNationality(e, si) && !s.onlySince(e, si) {
				ev.Actors = addParty(ev.Actors, partyOf(e))
			}
		}
	}
}

// onlyReportPlace reports whether every mention of place e in sentence si
// says where a report was made: "in" after a verb of reporting or its
// audience ("told reporters in New York", "said in Dushanbe").
func (s *state) onlyReportPlace(e doc.Entity, si int) bool {
	return s.everyMentionIn(e, si, func(m doc.Mention) bool {
		k := s.wordAt(m.Start) - 1
		if k < 1 || s.lows[k] != "in" {
			return false
		}
		switch s.lows[k-1] {
		case "reporters", "journalists", "briefing", "conference", "parliament":
			return true
		}
		return s.lx.is("report", s.lows, k-1) > 0
	})
}

// onlySince reports whether every mention of country e in sentence si
// follows "since" ("since the Soviet Union collapsed") or "former" ("the
// two former Soviet republics"): a time or a past, not a party.
func (s *state) onlySince(e doc.Entity, si int) bool {
	return s.everyMentionIn(e, si, func(m doc.Mention) bool {
		k := s.wordAt(m.Start) - 1
		if k >= 0 && s.lows[k] == "the" {
			k--
		}
		return k >= 0 && (s.lows[k] == "since" || s.lows[k] == "former")
	})
}

// onlyOrigin reports whether every mention of country e in sentence si
// says where people come from ("ethnic Tajiks from Afghanistan",
// "fighters from Syria"), which makes the country no party to the
// event.
func (s *state) onlyOrigin(e doc.Entity, si int) bool {
	return s.everyMentionIn(e, si, func(m doc.Mention) bool {
		k := s.wordAt(m.Start)
		return k >= 2 && s.lows[k-1] == "from" &&
			(s.lx.is("people", s.lows, k-2) > 0 || s.demonyms(s.text[s.words[k-2].start:s.words[k-2].end]))
	})
}

// nationalityOnly reports whether party p is named in the document only
// as the nationality of people with titles (a Polish foreign minister
// speaking of the fighting does not make Poland a party to it).
func (s *state) nationalityOnly(p doc.Party) bool {
	found := false
	for ei, e := range s.a.Entities {
		if e.Kind != doc.KindCountry || partyOf(e) != p {
			continue
		}
		for si := range s.sents {
			if slices.Contains(s.sentEnts[si], ei) {
				if !s.onlyNationality(e, si) {
					return false
				}
				found = true
			}
		}
	}
	return found
}

// onlyNationality reports whether every mention of country e in sentence
// si is the nationality of a person named after it with a title between
// ("Polish Foreign Minister Zbigniew Rau expressed concern over the
// fighting"), which makes the country no party to the event.
func (s *state) onlyNationality(e doc.Entity, si int) bool {
	people := map[int]bool{}
	for _, ei := range s.sentEnts[si] {
		if p := s.a.Entities[ei]; p.Kind == doc.KindPerson {
			for _, m := range p.Mentions {
				people[s.wordAt(m.Start)] = true
			}
		}
	}
	end := s.sents[si][1]
	return s.everyMentionIn(e, si, func(m doc.Mention) bool {
		after := s.wordAt(m.End)
		k := after
		for k < end && !people[k] && k < after+4 && s.capital(k) {
			k++
		}
		return people[k] && k > after
	})
}

// everyMentionIn reports whether entity e is mentioned in sentence si and
// every mention there passes ok.
func (s *state) everyMentionIn(e doc.Entity, si int, ok func(doc.Mention) bool) bool {
	sr := s.sents[si]
	lo, hi := s.words[sr[0]].start, s.words[sr[1]-1].end
	seen := false
	for _, m := range e.Mentions {
		if m.Start < lo || m.End > hi {
			continue
		}
		if !ok(m) {
			return false
		}
		seen = true
	}
	return seen
}

// demonyms reports whether w names the people of a country the document
// mentions ("Tajiks": a mention "Tajik" and a plural s).
func (s *state) demonyms(w string) bool {
	stem, ok := strings.CutSuffix(w, "s")
	if !ok || stem == "" {
		return false
	}
	for _, e := range s.a.Entities {
		if e.Kind != doc.KindCountry && e.Kind != doc.KindGroup {
			continue
		}
		for _, m := range e.Mentions {
			if m.Text == stem {
				return true
			}
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
