package export

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/parallaxnews/parallax/compare"
)

// JSON writes the report as an indented JSON object, byte for byte what
// encoding/json's Encoder with a two-space indent and without HTML
// escaping writes for it, but one group and one silence at a time: a
// report of a million claims is hundreds of megabytes of JSON, never held
// in memory at once.
func JSON(w io.Writer, rep compare.Report) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if _, err := io.WriteString(w, "{\n  \"groups\": "); err != nil {
		return err
	}
	if err := jsonArray(w, enc, &buf, rep.Groups); err != nil {
		return err
	}
	if _, err := io.WriteString(w, ",\n  \"silences\": "); err != nil {
		return err
	}
	if err := jsonArray(w, enc, &buf, rep.Silences); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n}\n")
	return err
}

// jsonArray writes items as the array value of a member of the report's
// object, each encoded apart through enc into buf.
func jsonArray[T any](w io.Writer, enc *json.Encoder, buf *bytes.Buffer, items []T) error {
	if items == nil {
		_, err := io.WriteString(w, "null")
		return err
	}
	if len(items) == 0 {
		_, err := io.WriteString(w, "[]")
		return err
	}
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for i := range items {
		buf.Reset()
		if i == 0 {
			buf.WriteString("\n    ")
		} else {
			buf.WriteString(",\n    ")
		}
		if err := enc.Encode(&items[i]); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n  ]")
	return err
}
