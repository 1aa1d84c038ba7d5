package strictjson

// loneSurrogate reports whether a string literal in data holds a \u escape
// of a UTF-16 surrogate that is not a high surrogate directly followed by
// an escaped low one. encoding/json silently turns such an escape into
// U+FFFD, so "\ud800", "\ufffd" and the raw character would be three
// spellings of one decoded value (and a lone surrogate is no Unicode
// text at all: RFC 8259 §8.2). data is valid UTF-8 here; escapes that are
// not well formed are left to the tokenizer, which reports the syntax.
func loneSurrogate(data []byte) bool {
	inString := false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case !inString:
			inString = c == '"'
		case c == '"':
			inString = false
		case c == '\\' && i+1 < len(data):
			i++ // the escaped byte, possibly '"' or '\\'
			if data[i] != 'u' {
				continue
			}
			n, lone := surrogateAt(data, i+1)
			if lone {
				return true
			}
			i += n
		}
	}
	return false
}

// surrogateAt reads the four hex digits of a \u escape at data[at:] and,
// for a high surrogate, the escaped low surrogate after it. It returns how
// many bytes it consumed and whether the escape is an unpaired surrogate.
func surrogateAt(data []byte, at int) (n int, lone bool) {
	r, ok := hex4(data, at)
	switch {
	case !ok:
		return 0, false
	case r >= 0xdc00 && r <= 0xdfff:
		return 4, true
	case r < 0xd800 || r > 0xdbff:
		return 4, false
	}
	next := at + 4
	if next+1 < len(data) && data[next] == '\\' && data[next+1] == 'u' {
		if lo, ok := hex4(data, next+2); ok && lo >= 0xdc00 && lo <= 0xdfff {
			return 10, false
		}
	}
	return 4, true
}

func hex4(data []byte, at int) (rune, bool) {
	if at+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
