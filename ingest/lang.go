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
