package ingest

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// langSample is how many bytes from the start of a text language
// detection looks at: enough for a reliable answer, bounded in cost.
const langSample = 640

// minLangConfidence is the confidence below which no language is given.
const minLangConfidence = 0.5

// DetectLanguage returns the ISO 639-1 code of the language of text
// ("en", "ru", ...), judged from its first langSample bytes with the
// whatlanggo trigram model, or "" when the text is too short or the
// answer unsure.
func DetectLanguage(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 20 {
		return ""
	}
	if l := commonWordsLanguage(text); l != "" {
		return l
	}
	info := whatlanggo.DetectWithOptions(text, newsLanguages())
	if info.Confidence < minLangConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}

// normalizeLang turns a language tag from metadata ("en-US", "ru_RU",
// "EN") into its ISO 639-1 code, or "" when it is not one.
func normalizeLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// newsLanguages are the languages DetectLanguage chooses among: those of
// the news Parallax reads and their close neighbours, so that one is not
// mistaken for the other. Fewer candidates also make detection several
// times faster. Scripts used by one language only (Greek, Hebrew, Korean,
// ...) are told by script alone.
var newsLanguages = sync.OnceValue(func() whatlanggo.Options {
	w := map[whatlanggo.Lang]bool{}
	for _, l := range []whatlanggo.Lang{
		whatlanggo.Eng, whatlanggo.Rus, whatlanggo.Ukr, whatlanggo.Bel, whatlanggo.Bul, whatlanggo.Srp, whatlanggo.Mkd,
		whatlanggo.Deu, whatlanggo.Fra, whatlanggo.Spa, whatlanggo.Por, whatlanggo.Ita, whatlanggo.Nld, whatlanggo.Pol,
		whatlanggo.Ces, whatlanggo.Swe, whatlanggo.Ron, whatlanggo.Hun, whatlanggo.Fin, whatlanggo.Tur, whatlanggo.Azj,
		whatlanggo.Uzb, whatlanggo.Tuk, whatlanggo.Arb, whatlanggo.Pes, whatlanggo.Urd, whatlanggo.Hin, whatlanggo.Cmn,
		whatlanggo.Jpn, whatlanggo.Kor, whatlanggo.Ell, whatlanggo.Heb, whatlanggo.Kat,
	} {
		w[l] = true
	}
	return whatlanggo.Options{Whitelist: w}
})

// Words that are frequent in one language and rare in its neighbours.
var (
	englishWords = wordSet("the and of to is that was for with said are were by from has have it on at as he this be not an which")
	russianWords = wordSet("и в не на что с по как он это из к за от о но его она был были также для при")
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// commonWordsLanguage recognises English and Russian — most of what
// Parallax reads — by the share of their commonest words, which is many
// times cheaper than trigram detection; it returns "" when unsure, and
// the trigram model decides.
func commonWordsLanguage(text string) string {
	var words, latin, cyrillic, en, ru, the int
	start := -1
	var lower strings.Builder
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		start = -1
		words++
		lower.Reset()
		for _, r := range w {
			lower.WriteRune(unicode.ToLower(r))
		}
		lw := lower.String()
		switch {
		case lw == "the":
			the++
			en++
		case englishWords[lw]:
			en++
		case russianWords[lw]:
			ru++
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			switch {
			case r < 0x250:
				latin++
			case unicode.Is(unicode.Cyrillic, r):
				if strings.ContainsRune("іїєґўІЇЄҐЎ", r) {
					return "" // Ukrainian or Belarusian letters
				}
				cyrillic++
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	if words < 20 {
		return ""
	}
	switch {
	case latin > 19*cyrillic && en*100 >= 12*words && the*50 >= words:
		return "en"
	case cyrillic > 19*latin && ru*7 >= words:
		return "ru"
	}
	return ""
}
