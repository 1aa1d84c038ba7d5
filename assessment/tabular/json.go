package tabular

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// EscapeForTerminal rewrites, in encoded JSON, every character that
// InertText would drop as a \u escape: the value a program reads stays
// exact, the bytes a terminal sees are inert. Such characters can only
// stand inside JSON strings, where the escape means the same.
func EscapeForTerminal(js []byte) []byte {
	var out bytes.Buffer
	for len(js) > 0 {
		r, n := utf8.DecodeRune(js)
		if (n > 1 || r == 0x7f) && assessment.InertText(string(js[:n])) == "" { // encoding/json escapes the rest of C0 itself
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(js[:n])
		}
		js = js[n:]
	}
	return out.Bytes()
}

// WriteJSON writes v as indented JSON (no HTML escaping), escaped for a
// terminal: the one JSON encoding of the CLI's --json and of the JSON
// exports.
func WriteJSON(out io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := out.Write(EscapeForTerminal(buf.Bytes()))
	return err
}
