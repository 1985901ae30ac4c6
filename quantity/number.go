package quantity

import "math"

// figure is one number read from the tokens.
type figure struct {
	val   float64
	end   int     // token index after the figure
	mult  float64 // the last multiplier word ("thousand") or suffix, 0 when none
	vague bool    // "dozens", "thousands": no figure stated
	words bool    // starts with a word ("two hundred")
	one   bool    // the lone word "one" or "a" ("that one"), no figure on its own
	money bool    // a money suffix applies ("$5m")
	rank  bool    // an ordinal read as a rank ("between the tenth and the fifteenth")
}

// parser reads figures from the tokens of one text.
type parser struct {
	lex  *lexicon
	text string
	toks []token
}

func (p *parser) tok(i int) token {
	if i < 0 || i >= len(p.toks) {
		return token{kind: tPunct, skip: true}
	}
	return p.toks[i]
}

// num returns the number-word kind of token i.
func (p *parser) num(i int) (uint8, float64) {
	t := p.tok(i)
	if t.kind != tWord || t.skip {
		return nNone, 0
	}
	w := p.lex.info(t.id)
	return w.num, w.val
}

// adjacent reports whether token i follows token i-1 with no space.
func (p *parser) adjacent(i int) bool {
	return i > 0 && i < len(p.toks) && !p.toks[i].space
}

// Parse states of the number-word machine.
const (
	sNone = iota
	sDigits
	sDigit
	sTeen
	sTens
	sHundred
	sMult
	sFrac
)

// figureAt reads the number starting at token i: digits, words, or both
// ("1.5 million", "3 hundred and 21"), with a sign, fractions and decimals.
func (p *parser) figureAt(i int, money bool) (figure, bool) {
	neg := false
	t := p.tok(i)
	if t.skip {
		return figure{}, false
	}
	if t.kind == tPunct && (t.id == p.lex.dashID || p.text[t.start:t.end] == "−") {
		n := p.tok(i + 1)
		prev := p.tok(i - 1)
		if n.kind == tNum && !n.space && (i == 0 || t.space || prev.kind == tPunct) && prev.kind != tNum {
			neg = true
			i++
		} else {
			return figure{}, false
		}
	} else if k, _ := p.num(i); k == nMinus {
		if k2, _ := p.num(i + 1); p.tok(i+1).kind == tNum || k2 == nDigit || k2 == nTeen || k2 == nTens {
			neg = true
			i++
		} else {
			return figure{}, false
		}
	}
	f, ok := p.unsigned(i, money)
	if !ok {
		return f, false
	}
	if neg {
		f.val = -f.val
		f.one = false
	}
	// Fractions written "1 over 3", "one out of three", at the end of a clause.
	k := f.end
	if !f.vague && p.tok(k).kind == tWord && !p.tok(k).skip {
		j := -1
		out := false
		in := false
		switch {
		case p.tok(k).id == p.lex.overID:
			j = k + 1
		case p.tok(k).id == p.lex.outID && p.tok(k+1).id == p.lex.ofID:
			j, out = k+2, true
		case p.tok(k).id == p.lex.inID:
			j, in = k+1, true
		}
		if j > 0 {
			// "one out of five hundred" may name what is counted after it;
			// "1 in 21" and "1 over 3" end the clause.
			if g, ok := p.unsigned(j, false); ok && !g.vague && g.val != 0 && (p.clauseEnd(g.end) || out && !p.unitWord(g.end)) &&
				(!out || f.val <= g.val) && (!in || f.val < g.val && g.end > j) {
				f.val /= g.val
				f.end = g.end
				f.one = false
			}
		}
	}
	return f, true
}

// grouped reports whether number token i is written with digit groups
// ("20,000", "20 000").
func (p *parser) grouped(i int) bool {
	t := p.tok(i)
	if t.kind != tNum {
		return false
	}
	for k := t.start; k < t.end; k++ {
		if c := p.text[k]; c == ',' || c == ' ' || c >= 0x80 {
			return true
		}
	}
	return false
}

// rankAt reads an ordinal as a rank after a comparison or range cue:
// "the tenth", "15th". Ranks are never counts; their unit is "rank".
func (p *parser) rankAt(i int) (figure, bool) {
	k := i
	if p.tok(k).id == p.lex.theID {
		k++
	}
	t := p.tok(k)
	if t.skip {
		return figure{}, false
	}
	if kind, v := p.num(k); kind == nOrdinal {
		return figure{val: v, end: k + 1, rank: true, words: true}, true
	}
	if t.kind == tNum && p.adjacent(k+1) {
		n := p.tok(k + 1)
		for _, id := range p.lex.ordIDs {
			if n.id == id {
				return figure{val: t.val, end: k + 2, rank: true}, true
			}
		}
	}
	return figure{}, false
}

// code reports whether token i is a code of letters and digits that is no
// unit ("24703 m212"), making the figure before it part of an identifier.
func (p *parser) code(i int) bool {
	t := p.tok(i)
	if t.kind != tWord || !t.space || p.unitWord(i) {
		return false
	}
	for k := t.start; k < t.end; k++ {
		if isDigit(p.text[k]) {
			return true
		}
	}
	return false
}

// unitWord reports whether a unit starts at token i.
func (p *parser) unitWord(i int) bool {
	_, _, ok := p.lex.after.match(p.toks, i)
	return ok
}

// clauseEnd reports whether token i ends a clause (the end, or a mark that
// is not a word).
func (p *parser) clauseEnd(i int) bool {
	t := p.tok(i)
	return i >= len(p.toks) || (t.kind == tPunct && t.id != p.lex.dashID)
}

// unsigned reads a number without a sign.
func (p *parser) unsigned(i int, money bool) (figure, bool) {
	lex := p.lex
	t := p.tok(i)
	if t.skip {
		return figure{}, false
	}
	f := figure{end: i}
	var total, cur, last, lastMult float64
	state := sNone
	k := i
	// Checkpoint before an "and" that may not belong to the figure.
	ckTotal, ckCur, ckEnd := 0.0, 0.0, -1

	if t.kind == tNum {
		if p.ordinalOrClock(i) {
			return f, false
		}
		cur, last, state, k = t.val, t.val, sDigits, i+1
		// Fractions "3/4", mixed "2 1/4", powers "1.1^23".
		if s := p.tok(k); s.id == lex.slashID && !s.space && p.tok(k+1).kind == tNum && !p.tok(k+1).space && t.val == math.Trunc(t.val) {
			if d := p.tok(k + 1); d.val != 0 && d.digits <= 3 && !p.ordinalOrClock(k+1) {
				cur, last = cur/d.val, cur/d.val
				k += 2
				state = sFrac
			}
		} else if s.kind == tNum && s.space && p.tok(k+1).id == lex.slashID && !p.tok(k+1).space && p.tok(k+2).kind == tNum && !p.tok(k+2).space {
			if n, d := s.val, p.tok(k+2).val; d != 0 && n < d {
				cur += n / d
				last = cur
				k += 3
				state = sFrac
			}
		} else if s.id == lex.caretID && !s.space {
			j, sign := k+1, 1.0
			if m := p.tok(j); m.kind == tPunct && !m.space && (m.id == lex.dashID || p.text[m.start:m.end] == "+") {
				if m.id == lex.dashID {
					sign = -1
				}
				j++
			}
			if e := p.tok(j); e.kind == tNum && !e.space {
				cur = math.Pow(cur, sign*e.val)
				last = cur
				k = j + 1
				state = sFrac
			}
		}
		// Suffix multipliers written on the digits: "10k", "$5m".
		if s := p.tok(k); s.kind == tWord && !s.space && state == sDigits {
			w := p.text[s.start:s.end]
			if m, ok := lex.suffix[w]; ok {
				cur *= m
				lastMult = m
				k++
				state = sMult
				total, cur = cur, 0
			} else if m, ok := lex.money[w]; ok && money {
				cur *= m
				lastMult = m
				k++
				state = sMult
				total, cur = cur, 0
				f.money = true
			}
		}
		f.end = k
	} else if t.kind == tWord {
		kind, v := p.num(i)
		switch kind {
		case nArticle:
			nk, nv := p.num(i + 1)
			switch nk {
			case nHundred, nMult, nDozen:
				cur, last, state, k = 1, 1, sDigit, i+1
			case nOrdinal, nFraction:
				cur, last, state, k = 1/nv, 1/nv, sFrac, i+2
			default:
				return f, false
			}
		case nDigit, nTeen, nTens:
			f.words = true
		case nFraction:
			// "half million", "quarter million", "more than half".
			cur, last, state, k = 1/v, 1/v, sFrac, i+1
			f.words = true
		case nVague:
			// "dozens", "hundreds", "tens of thousands".
			val, j := v, i+1
			if p.tok(j).id == lex.ofID {
				if k2, v2 := p.num(j + 1); k2 == nVague && v2 > v {
					val, j = v*v2, j+2
				}
			}
			return figure{val: 2 * val, end: j, vague: true, words: true}, true
		default:
			return f, false
		}
		f.words = true
	} else {
		return f, false
	}

loop:
	for k < len(p.toks) {
		t := p.toks[k]
		if t.skip {
			break
		}
		if t.kind == tNum {
			// Digits may follow a multiplier word: "4 thousand 3 hundred".
			if (state != sHundred && state != sMult) || p.ordinalOrClock(k) || t.bad {
				break
			}
			if state == sMult && t.val >= lastMult || state == sHundred && t.val >= 100 {
				break
			}
			cur += t.val
			last, state, k = t.val, sDigits, k+1
			continue
		}
		if t.kind == tPunct {
			// "twenty-one", "ninety - five".
			if t.id == lex.dashID && state == sTens {
				nk, nv := p.num(k + 1)
				if nk == nDigit {
					k++
					continue
				}
				// "one hundred thirty-fifths": 100/35.
				if nk == nPlural && nv < 10 && f.words && total+cur-last > 0 {
					cur = (total + cur - last) / (last + nv)
					total = 0
					k += 2
					state = sFrac
				}
			}
			break
		}
		kind, v := p.num(k)
		switch kind {
		case nDigit:
			if state != sNone && state != sTens && state != sHundred && state != sMult {
				break loop
			}
			if state == sTens {
				cur += v
				last += v
			} else {
				cur += v
				last = v
			}
			state = sDigit
		case nTeen, nTens:
			if state != sNone && state != sHundred && state != sMult {
				break loop
			}
			cur += v
			last = v
			if kind == nTeen {
				state = sTeen
			} else {
				state = sTens
			}
		case nHundred:
			if state == sNone || state == sHundred || state == sMult || state == sFrac {
				break loop
			}
			if cur-last > 0 {
				// "3 hundred and 2 hundred": two figures.
				if ckEnd >= 0 {
					total, cur, k = ckTotal, ckCur, ckEnd
				}
				break loop
			}
			cur *= 100
			last = cur
			state = sHundred
		case nMult, nVague:
			if kind == nMult && v == 1000 && state == sDigits && cur >= 1000 && p.grouped(k-1) {
				// "20,000 thousand people": a figure already in thousands,
				// the word repeating its order; read 20,000.
				total += cur
				cur, last, lastMult = 0, 0, v
				state = sMult
				break
			}
			if kind == nVague && v == 12 {
				cur = cur - last + last*12
				last *= 12
				state = sDigit
				break
			}
			if kind == nVague && v == 100 {
				if state == sNone || state == sHundred || state == sMult || cur-last > 0 {
					break loop
				}
				cur *= 100
				last = cur
				state = sHundred
				break
			}
			if state == sNone || (lastMult != 0 && v >= lastMult) {
				break loop
			}
			if cur == 0 {
				cur = 1
			}
			total += cur * v
			cur, last, lastMult = 0, 0, v
			state = sMult
		case nDozen:
			if state == sNone || state == sMult {
				break loop
			}
			cur = cur - last + last*12
			last *= 12
			state = sDigit
		case nAnd:
			if state != sHundred && state != sMult && state != sDigit && state != sDigits && state != sTens && state != sTeen {
				break loop
			}
			// "and a half", "and three quarters", "and two fifths".
			if fr, j, ok := p.fraction(k + 1); ok {
				if mk, mv := p.num(j); mk == nMult && (lastMult == 0 || mv < lastMult) {
					if state == sMult {
						total += fr * mv
					} else {
						total += (cur + fr) * mv
						cur = 0
					}
					lastMult = mv
					k = j + 1
				} else {
					if state == sMult {
						total += fr * lastMult
					} else {
						cur += fr
					}
					k = j
				}
				state = sFrac
				break loop
			}
			if state != sHundred && state != sMult {
				break loop
			}
			nk, nv := p.num(k + 1)
			if nk != nDigit && nk != nTeen && nk != nTens && p.tok(k+1).kind != tNum {
				break loop
			}
			if nk == nDigit && nv == 0 || p.tok(k+1).kind == tNum && p.tok(k+1).val == 0 {
				break loop // "4 thousand 3 hundred and 0": two figures
			}
			ckTotal, ckCur, ckEnd = total, cur, k
		case nPoint:
			if state != sDigit && state != sTeen && state != sTens && state != sHundred && state != sMult {
				break loop
			}
			frac, j := p.decimals(k + 1)
			if j == k+1 {
				break loop
			}
			cur += frac
			k = j
			state = sFrac
			break loop
		case nPlural:
			// "three fifths", "twenty-three fifths".
			if state == sNone || state == sFrac || !f.words {
				break loop
			}
			if state == sTens && v < 10 && total+cur-last > 0 {
				// "one hundred thirty fifths": the tens join the
				// denominator, 100/35.
				cur = (total + cur - last) / (last + v)
				total = 0
				k++
				state = sFrac
				break loop
			}
			cur = (total + cur) / v
			total = 0
			k++
			state = sFrac
			break loop
		case nOrdinal, nFraction:
			// "one twenty-fifth", "a fifth".
			if state == sDigit && total+cur == 1 && f.words {
				cur, total = 1/v, 0
				k++
				state = sFrac
			}
			break loop
		default:
			break loop
		}
		k++
	}
	// "one twenty-fifth", "three twenty-firsts": a compound denominator.
	if f.words && (state == sDigit || state == sTeen || state == sTens || state == sHundred || state == sMult) {
		if tk, tv := p.num(k); tk == nTens {
			j := k + 1
			if p.tok(j).id == lex.dashID {
				j++
			}
			if ok, ov := p.num(j); (ok == nPlural || ok == nOrdinal && total+cur == 1) && ov < 10 {
				cur = (total + cur) / (tv + ov)
				total = 0
				k = j + 1
			}
		}
	}
	f.val = total + cur
	f.end = k
	f.mult = lastMult
	if f.words && f.end == i+1 && f.val == 1 {
		f.one = true
	}
	return f, f.end > i
}

// fraction reads "a half", "a quarter", "three quarters", "two fifths",
// "a thirtieth" at token i.
func (p *parser) fraction(i int) (float64, int, bool) {
	k, v := p.num(i)
	var n float64
	switch k {
	case nArticle:
		n = 1
	case nDigit, nTeen:
		n = v
	default:
		return 0, i, false
	}
	dk, dv := p.num(i + 1)
	switch {
	case (dk == nOrdinal || dk == nFraction) && n == 1:
		return 1 / dv, i + 2, true
	case dk == nPlural && n > 1 || dk == nFraction && k != nArticle && n == 1:
		return n / dv, i + 2, true
	}
	return 0, i, false
}

// decimals reads the digits after "point": "zero three", "seventy-one".
func (p *parser) decimals(i int) (float64, int) {
	var v, scale float64 = 0, 0.1
	k := i
	for k < len(p.toks) {
		kind, d := p.num(k)
		switch kind {
		case nDigit:
			v += d * scale
			scale /= 10
			k++
			continue
		case nTens:
			v += d / 10 * scale
			scale /= 10
			k++
			if p.tok(k).id == p.lex.dashID {
				if dk, dd := p.num(k + 1); dk == nDigit {
					v += dd * scale
					k += 2
				}
			} else if dk, dd := p.num(k); dk == nDigit {
				v += dd * scale
				k++
			}
			scale /= 10
			continue
		}
		break
	}
	return v, k
}

// ordinalOrClock reports whether number token i is an ordinal ("77th",
// "May 4th") or a time of day ("10:30", "6pm"), which are not quantities.
func (p *parser) ordinalOrClock(i int) bool {
	n := p.tok(i + 1)
	if n.kind == tWord && !n.space {
		for _, id := range p.lex.ordIDs {
			if n.id == id {
				return true
			}
		}
	}
	if n.kind == tPunct && n.id == p.lex.colonID && !n.space && p.tok(i+2).kind == tNum && !p.tok(i+2).space {
		return true
	}
	if p.tok(i-1).id == p.lex.colonID && p.adjacent(i) && p.tok(i-2).kind == tNum && p.adjacent(i-1) {
		return true
	}
	if n.kind == tWord {
		if k, _ := p.num(i + 1); k == nClock {
			return true
		}
		// "a.m.", "p.m."
		w := p.text[n.start:n.end]
		if (w == "a" || w == "p" || w == "A" || w == "P") && p.tok(i+2).id == p.lex.dotID && !p.tok(i+2).space {
			return true
		}
	}
	return false
}
