package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// utf16BOM returns the UTF-16 encoding that data's byte order mark names,
// or nil.
func utf16BOM(data []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	}
	return nil
}

// decodeText returns data as UTF-8 text and the name of the encoding it was
// read in.
//
//   - UTF-16 with a byte order mark is decoded.
//   - Valid UTF-8 is kept byte for byte, whatever is declared, so that
//     offsets match the original (legacy text with letters beyond ASCII is
//     almost never valid UTF-8 by chance).
//   - Otherwise a declared charset (HTTP header, HTML meta, XML prolog) is
//     used when the WHATWG registry knows it.
//   - Text that is mostly UTF-8 with some bad bytes is an error, not a
//     legacy encoding: it is damaged.
//   - Otherwise the legacy encoding is guessed by guessLegacy.
func decodeText(data []byte, declared string) (string, string, error) {
	if e := utf16BOM(data); e != nil {
		s, err := e.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("bad UTF-16 text: %w", err)
		}
		return string(s), "utf-16", nil
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	if declared != "" {
		if e, name := charset.Lookup(declared); e != nil && name != "utf-8" && name != "replacement" {
			s, err := e.NewDecoder().Bytes(data)
			if err != nil {
				return "", "", fmt.Errorf("cannot decode text as declared %s: %w", name, err)
			}
			return string(s), name, nil
		}
	}
	if at, broken := brokenUTF8(data); broken {
		return "", "", fmt.Errorf("not valid UTF-8: bad byte 0x%02X at offset %d", data[at], at)
	}
	e, name := guessLegacy(data)
	s, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("cannot decode text as %s: %w", name, err)
	}
	return string(s), name, nil
}

// brokenUTF8 reports whether data, which is not valid UTF-8, still reads
// as UTF-8 with damage: it holds at least as many well-formed multi-byte
// sequences as bad bytes. It returns the offset of the first bad byte.
func brokenUTF8(data []byte) (firstBad int, broken bool) {
	good, bad := 0, 0
	firstBad = -1
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
			if firstBad < 0 {
				firstBad = i
			}
		} else {
			good++
		}
		i += n
	}
	return firstBad, good >= bad && firstBad >= 0
}

// The legacy-encoding guess, for bytes that are not UTF-8 and declare no
// charset. It tells the three encodings that news in English and Russian
// comes in apart:
//
//  1. Cyrillic or Latin. Russian writes whole words in bytes ≥ 0x80;
//     Western European languages only their accented letters. When fewer
//     than latinShare of the letter-like bytes are ≥ 0x80 the text is
//     Windows-1252 (a superset of Latin-1 for printable text).
//  2. Windows-1251 or KOI8-R. Both put Cyrillic letters in 0xC0–0xFF but
//     with the cases swapped: Windows-1251 has lower case in 0xE0–0xFF,
//     KOI8-R in 0xC0–0xDF. Running text is mostly lower case, so the half
//     that holds more bytes is the lower-case half.
//  3. When the halves are close (text in capitals), the decoding in which
//     the ten most frequent Russian letters (о е а и н т с р в л, about
//     two thirds of running Russian text) make up the larger share wins.
//  4. If neither Cyrillic decoding gives at least minCommonShare of those
//     letters, the text is not Russian after all: Windows-1252.
const (
	latinShare     = 0.30
	minCommonShare = 0.40
	commonRussian  = "оеаинтсрвл"
	legacySample   = 64 << 10 // bytes looked at
)

// guessLegacy returns the legacy encoding of data and its name.
func guessLegacy(data []byte) (encoding.Encoding, string) {
	sample := data[:min(len(data), legacySample)]
	var high, latin, lowHalf, highHalf int
	for _, b := range sample {
		switch {
		case b >= 0xc0 && b <= 0xdf:
			lowHalf++
			high++
		case b >= 0xe0:
			highHalf++
			high++
		case b >= 0x80:
			high++
		case b|0x20 >= 'a' && b|0x20 <= 'z':
			latin++
		}
	}
	if high == 0 || float64(high) < latinShare*float64(high+latin) {
		return charmap.Windows1252, "windows-1252"
	}
	s1251, sKOI := commonShare(sample, charmap.Windows1251), commonShare(sample, charmap.KOI8R)
	if max(s1251, sKOI) < minCommonShare {
		return charmap.Windows1252, "windows-1252"
	}
	// Case tells them apart unless the halves are within 20% of each other.
	switch {
	case highHalf*5 > lowHalf*6:
		return charmap.Windows1251, "windows-1251"
	case lowHalf*5 > highHalf*6:
		return charmap.KOI8R, "koi8-r"
	case sKOI > s1251:
		return charmap.KOI8R, "koi8-r"
	}
	return charmap.Windows1251, "windows-1251"
}

// commonShare returns the share of Cyrillic letters in data, decoded with
// cm, that are among the ten most frequent Russian letters (any case).
func commonShare(data []byte, cm *charmap.Charmap) float64 {
	var cyr, common int
	for _, b := range data {
		if b < 0x80 {
			continue
		}
		r := cm.DecodeByte(b)
		if !unicode.Is(unicode.Cyrillic, r) {
			continue
		}
		cyr++
		if strings.ContainsRune(commonRussian, unicode.ToLower(r)) {
			common++
		}
	}
	if cyr == 0 {
		return 0
	}
	return float64(common) / float64(cyr)
}
