package entity

import (
	"bufio"
	"strings"
)

// CountryWords returns the lower-case words of the names, other names and
// demonyms of every country in the embedded gazetteer and its extra names
// ("kyrgyzstan", "kyrgyz", "republic", "tajik"), and the stems its Russian
// forms begin with ("кыргыз"): what a name keeps of its country when it
// qualifies something else ("the Kyrgyz Health Ministry", "the Ministry of
// Health of Kyrgyzstan"). It reads only the country rows.
func CountryWords() map[string]bool {
	words := map[string]bool{}
	add := func(names string) {
		for _, name := range strings.Split(names, "|") {
			for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' || r == '\'' || r == '.' }) {
				switch w {
				case "of", "the", "and", "de", "da", "del", "la", "le", "du", "des", "di", "el", "al":
					continue // "Islamic Republic of Afghanistan"
				}
				if len(w) > 1 {
					words[w] = true
				}
			}
		}
	}
	if f, err := dataFS.Open("data/gazetteer.tsv"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f) // the first rows only, not the whole file
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) < 4 || strings.HasPrefix(f[0], "#") {
				continue
			}
			if f[0] != "country" && f[0] != "demonym" {
				break // the country and demonym rows come first
			}
			add(f[2])
			add(f[3])
		}
	}
	if b, err := dataFS.ReadFile("data/countries-extra.tsv"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			f := strings.Split(line, "\t")
			if len(f) < 4 || strings.HasPrefix(f[0], "#") {
				continue
			}
			add(f[2]) // other names
			add(f[3]) // demonyms
			if len(f) > 5 {
				add(f[5]) // Russian stems ("кыргыз", "таджик")
			}
		}
	}
	return words
}
