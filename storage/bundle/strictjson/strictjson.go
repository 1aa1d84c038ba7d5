// Package strictjson decodes JSON into Go structs strictly: it rejects
// duplicate object keys, keys that differ from a field's tag only by case,
// unknown fields, missing required fields, null for non-pointer values,
// non-integer numbers for integer fields, invalid UTF-8, \u escapes of
// unpaired UTF-16 surrogates and any data after the top-level value.
// encoding/json silently keeps the last of duplicate keys, folds key case
// (even for look-alike Unicode letters) and turns a lone surrogate into
// U+FFFD; a signed document must have exactly one meaning, so we do none
// of that. values.go holds the strict forms of base64 and timestamps.
//
// Supported field types: struct (every field needs a json tag; a field is
// required unless its tag has omitempty), pointer to a supported type (null
// allowed), slice, string, bool, signed and unsigned integers.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// Kind classifies a strictness violation.
type Kind string

// The kinds of violation.
const (
	Syntax       Kind = "syntax"
	InvalidUTF8  Kind = "invalid-utf8"
	DuplicateKey Kind = "duplicate-key"
	UnknownField Kind = "unknown-field"
	MissingField Kind = "missing-field"
	WrongType    Kind = "wrong-type"
	BadNumber    Kind = "bad-number"
	TrailingData Kind = "trailing-data"

	// LoneSurrogate: a \u escape of a UTF-16 surrogate without its pair.
	LoneSurrogate Kind = "lone-surrogate"
	// TooManyElements: more array elements than the caller allows.
	TooManyElements Kind = "too-many-elements"
)

var kindText = map[Kind]string{
	Syntax:       "sintaks JSON tidak valid",
	InvalidUTF8:  "bukan UTF-8 yang valid",
	DuplicateKey: "kunci ganda",
	UnknownField: "kolom tidak dikenal",
	MissingField: "kolom wajib tidak ada",
	WrongType:    "tipe nilai salah",
	BadNumber:    "bilangan bulat tidak valid",
	TrailingData: "ada data setelah akhir JSON",

	LoneSurrogate:   "escape \\u surrogat UTF-16 tanpa pasangan (bukan teks Unicode yang sah)",
	TooManyElements: "terlalu banyak elemen larik",
}

// Error is a strictness violation at a JSON path such as "files[2].sha256".
type Error struct {
	Kind Kind
	Path string
	Msg  string // detail, may be empty
}

func (e *Error) Error() string {
	s := kindText[e.Kind]
	if e.Path != "" {
		s += " di " + e.Path
	}
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	return s
}

// Unmarshal decodes data into v (a non-nil pointer) strictly.
func Unmarshal(data []byte, v any) error { return UnmarshalLimited(data, v, 0) }

// UnmarshalLimited is Unmarshal refusing more than maxElements array
// elements in all (0: no limit). A size cap alone does not bound memory:
// a 62-byte JSON object can become an 88-byte struct, and slices grow by
// doubling, so a document of many tiny elements costs several times its
// size before any value check could refuse it.
func UnmarshalLimited(data []byte, v any, maxElements int) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Unmarshal needs a non-nil pointer")
	}
	if !utf8.Valid(data) {
		return &Error{Kind: InvalidUTF8}
	}
	if loneSurrogate(data) {
		return &Error{Kind: LoneSurrogate}
	}
	if maxElements <= 0 {
		maxElements = math.MaxInt
	}
	d := &decoder{dec: json.NewDecoder(bytes.NewReader(data)), left: maxElements}
	d.dec.UseNumber()
	tok, err := d.token("")
	if err != nil {
		return err
	}
	if err := d.value(tok, rv.Elem(), ""); err != nil {
		return err
	}
	if _, err := d.dec.Token(); !errors.Is(err, io.EOF) {
		return &Error{Kind: TrailingData}
	}
	return nil
}

type decoder struct {
	dec  *json.Decoder
	left int // array elements still allowed
}

func (d *decoder) token(path string) (json.Token, error) {
	tok, err := d.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, &Error{Kind: Syntax, Path: path, Msg: err.Error()}
	}
	return tok, nil
}

func wrongType(path string, want string, tok json.Token) error {
	return &Error{Kind: WrongType, Path: path, Msg: fmt.Sprintf("diharapkan %s, didapat %s", want, describe(tok))}
}

func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "objek"
		}
		return "larik"
	case string:
		return "teks"
	case json.Number:
		return "bilangan"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", tok)
}

// value decodes the value starting with tok into v.
func (d *decoder) value(tok json.Token, v reflect.Value, path string) error {
	if v.Kind() == reflect.Pointer {
		if tok == nil {
			v.SetZero()
			return nil
		}
		p := reflect.New(v.Type().Elem())
		if err := d.value(tok, p.Elem(), path); err != nil {
			return err
		}
		v.Set(p)
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		return d.object(tok, v, path)
	case reflect.Slice:
		return d.array(tok, v, path)
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return wrongType(path, "teks", tok)
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			return wrongType(path, "boolean", tok)
		}
		v.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return setInt(tok, v, path)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return setUint(tok, v, path)
	}
	panic("strictjson: unsupported type " + v.Type().String())
}

func setInt(tok json.Token, v reflect.Value, path string) error {
	n, ok := tok.(json.Number)
	if !ok {
		return wrongType(path, "bilangan bulat", tok)
	}
	i, err := strconv.ParseInt(string(n), 10, v.Type().Bits())
	if err != nil {
		return &Error{Kind: BadNumber, Path: path, Msg: string(n)}
	}
	v.SetInt(i)
	return nil
}

func setUint(tok json.Token, v reflect.Value, path string) error {
	n, ok := tok.(json.Number)
	if !ok {
		return wrongType(path, "bilangan bulat", tok)
	}
	i, err := strconv.ParseUint(string(n), 10, v.Type().Bits())
	if err != nil {
		return &Error{Kind: BadNumber, Path: path, Msg: string(n)}
	}
	v.SetUint(i)
	return nil
}

func (d *decoder) array(tok json.Token, v reflect.Value, path string) error {
	if tok != json.Delim('[') {
		return wrongType(path, "larik", tok)
	}
	out := reflect.MakeSlice(v.Type(), 0, 0)
	for i := 0; ; i++ {
		ep := path + "[" + strconv.Itoa(i) + "]"
		t, err := d.token(ep)
		if err != nil {
			return err
		}
		if t == json.Delim(']') {
			break
		}
		if d.left--; d.left < 0 {
			return &Error{Kind: TooManyElements, Path: ep}
		}
		e := reflect.New(v.Type().Elem()).Elem()
		if err := d.value(t, e, ep); err != nil {
			return err
		}
		out = reflect.Append(out, e)
	}
	v.Set(out)
	return nil
}

func (d *decoder) object(tok json.Token, v reflect.Value, path string) error {
	if tok != json.Delim('{') {
		return wrongType(path, "objek", tok)
	}
	fields := fieldsOf(v.Type())
	seen := make(map[string]bool, len(fields))
	for {
		t, err := d.token(path)
		if err != nil {
			return err
		}
		if t == json.Delim('}') {
			break
		}
		key := t.(string) // the decoder only yields string keys here
		kp := join(path, key)
		if seen[key] {
			return &Error{Kind: DuplicateKey, Path: kp}
		}
		seen[key] = true
		f, ok := fields[key]
		if !ok {
			return &Error{Kind: UnknownField, Path: kp}
		}
		vt, err := d.token(kp)
		if err != nil {
			return err
		}
		if err := d.value(vt, v.Field(f.index), kp); err != nil {
			return err
		}
	}
	return checkRequired(fields, seen, path)
}

func checkRequired(fields map[string]field, seen map[string]bool, path string) error {
	var missing []string
	for name, f := range fields {
		if f.required && !seen[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	// Report the first missing field in declaration order, deterministically.
	first := missing[0]
	for _, m := range missing {
		if fields[m].index < fields[first].index {
			first = m
		}
	}
	return &Error{Kind: MissingField, Path: join(path, first)}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
