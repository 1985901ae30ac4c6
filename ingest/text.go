package ingest

import (
	"strings"

	"github.com/parallaxnews/parallax/doc"
)

// FromText makes a document of plain text. Valid UTF-8 is kept byte for
// byte, so that offsets match the original file; UTF-16 with a byte order
// mark and undeclared legacy encodings (Windows-1251, KOI8-R,
// Windows-1252) are decoded to UTF-8. Title, date and language are read
// from the text. Binary data, damaged UTF-8 and blank text are errors.
func FromText(data []byte) (doc.Document, error) {
	return fromText(data, "")
}

// fromText is FromText with a declared charset, used when the bytes are
// not UTF-8.
func fromText(data []byte, declared string) (doc.Document, error) {
	if len(data) == 0 {
		return doc.Document{}, ErrEmpty
	}
	if utf16BOM(data) == nil && looksBinary(data[:min(len(data), 8192)]) {
		return doc.Document{}, ErrBinary
	}
	text, _, err := decodeText(data, declared)
	if err != nil {
		return doc.Document{}, err
	}
	if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
		return doc.Document{}, ErrEmpty
	}
	d := doc.Document{Text: text}
	Complete(&d)
	return d, nil
}
