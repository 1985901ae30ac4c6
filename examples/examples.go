// Package examples bundles the illustrative example corpus that
// `parallax demo` analyses and the README refers to: ten short news-style
// reports about one border clash, written for the project (not real
// articles). See README.md in this folder for what each report exercises.
package examples

import (
	_ "embed"
	"io"
	"strings"
)

// BorderClashFile is the file name of the border clash corpus; use it to
// name the input when reading BorderClash (e.g. in error messages and in
// each document's source).
const BorderClashFile = "border-clash-2022.jsonl"

//go:embed border-clash-2022.jsonl
var borderClash string

//go:embed outlets.tsv
var outlets string

// BorderClash returns a new reader over the border clash corpus in the
// JSON lines format that `parallax analyze --jsonl` reads: one document per
// line with id, title, outlet, url, published, lang, text and note.
func BorderClash() io.Reader {
	return strings.NewReader(borderClash)
}

// Outlets returns a new reader over the outlet registry rows of the
// corpus's invented outlets (their country and ownership), in the format of
// entity.ParseOutlets.
func Outlets() io.Reader {
	return strings.NewReader(outlets)
}
