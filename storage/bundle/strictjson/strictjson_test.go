package strictjson

import (
	"encoding/json"
	"errors"
	"testing"
)

type inner struct {
	Name string `json:"name"`
	N    int    `json:"n,omitempty"`
}

type doc struct {
	ID    string  `json:"id"`
	Count int64   `json:"count"`
	Flag  bool    `json:"flag"`
	Size  uint32  `json:"size,omitempty"`
	Items []inner `json:"items"`
	Opt   *inner  `json:"opt,omitempty"`
}

var cases = []struct {
	name string
	in   string
	kind Kind // "" = accepted
	path string
}{
	{"ok", `{"id":"a","count":1,"flag":true,"items":[{"name":"x"}]}`, "", ""},
	{"ok whitespace", " {\"id\":\"a\",\"count\":-3,\"flag\":false,\"items\":[]}\n", "", ""},
	{"ok null pointer", `{"id":"a","count":1,"flag":true,"items":[],"opt":null}`, "", ""},
	{"ok escaped key", `{"\u0069d":"a","count":1,"flag":true,"items":[]}`, "", ""},
	{"duplicate key", `{"id":"a","id":"b","count":1,"flag":true,"items":[]}`, DuplicateKey, "id"},
	{"duplicate escaped", `{"id":"a","\u0069d":"b","count":1,"flag":true,"items":[]}`, DuplicateKey, "id"},
	{"nested duplicate", `{"id":"a","count":1,"flag":true,"items":[{"name":"x","name":"y"}]}`, DuplicateKey, "items[0].name"},
	{"unknown field", `{"id":"a","count":1,"flag":true,"items":[],"extra":1}`, UnknownField, "extra"},
	{"case folded key", `{"ID":"a","count":1,"flag":true,"items":[]}`, UnknownField, "ID"},
	{"kelvin sign key", "{\"id\":\"a\",\"count\":1,\"flag\":true,\"items\":[],\"opt\":{\"name\":\"x\",\"\u212a\":1}}", UnknownField, "opt.\u212a"},
	{"missing field", `{"id":"a","count":1,"items":[]}`, MissingField, "flag"},
	{"null non-pointer", `{"id":null,"count":1,"flag":true,"items":[]}`, WrongType, "id"},
	{"null slice", `{"id":"a","count":1,"flag":true,"items":null}`, WrongType, "items"},
	{"string for int", `{"id":"a","count":"1","flag":true,"items":[]}`, WrongType, "count"},
	{"float for int", `{"id":"a","count":1.0,"flag":true,"items":[]}`, BadNumber, "count"},
	{"exponent for int", `{"id":"a","count":1e2,"flag":true,"items":[]}`, BadNumber, "count"},
	{"negative uint", `{"id":"a","count":1,"flag":true,"size":-1,"items":[]}`, BadNumber, "size"},
	{"overflow", `{"id":"a","count":99999999999999999999,"flag":true,"items":[]}`, BadNumber, "count"},
	{"trailing object", `{"id":"a","count":1,"flag":true,"items":[]}{}`, TrailingData, ""},
	{"trailing garbage", `{"id":"a","count":1,"flag":true,"items":[]} x`, TrailingData, ""},
	{"truncated", `{"id":"a","count":1`, Syntax, ""},
	{"empty", ``, Syntax, ""},
	{"top-level array", `[]`, WrongType, ""},
	{"invalid utf8", "{\"id\":\"\xff\",\"count\":1,\"flag\":true,\"items\":[]}", InvalidUTF8, ""},
	{"bad escape", `{"id":"\x","count":1,"flag":true,"items":[]}`, Syntax, ""},
	{"object for string", `{"id":{},"count":1,"flag":true,"items":[]}`, WrongType, "id"},
	{"ok surrogate pair", `{"id":"\ud83d\ude00","count":1,"flag":true,"items":[]}`, "", ""},
	{"ok escaped backslash before u", `{"id":"\\ud800","count":1,"flag":true,"items":[]}`, "", ""},
	{"lone high surrogate", `{"id":"\ud800","count":1,"flag":true,"items":[]}`, LoneSurrogate, ""},
	{"lone low surrogate", `{"id":"a\uDC00b","count":1,"flag":true,"items":[]}`, LoneSurrogate, ""},
	{"high then non-low", `{"id":"\ud800\u0041","count":1,"flag":true,"items":[]}`, LoneSurrogate, ""},
	{"reversed pair", `{"id":"\ude00\ud83d","count":1,"flag":true,"items":[]}`, LoneSurrogate, ""},
	{"high at end of string", `{"id":"x\udbff","count":1,"flag":true,"items":[]}`, LoneSurrogate, ""},
	{"lone surrogate in key", `{"id":"a","count":1,"flag":true,"items":[],"\ud800":1}`, LoneSurrogate, ""},
	{"huge exponent for int", `{"id":"a","count":1e1000000,"flag":true,"items":[]}`, BadNumber, "count"},
}

func TestUnmarshal(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d doc
			err := Unmarshal([]byte(c.in), &d)
			if c.kind == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("want *Error of kind %s, got %v", c.kind, err)
			}
			if se.Kind != c.kind || (c.path != "" && se.Path != c.path) {
				t.Fatalf("got kind %s path %q (%v), want %s %q", se.Kind, se.Path, err, c.kind, c.path)
			}
			if se.Error() == "" {
				t.Fatal("empty message")
			}
		})
	}
}

func TestValues(t *testing.T) {
	var d doc
	in := `{"id":"é","count":-7,"flag":true,"size":4294967295,"items":[{"name":"a","n":2},{"name":"b"}],"opt":{"name":"o"}}`
	if err := Unmarshal([]byte(in), &d); err != nil {
		t.Fatal(err)
	}
	if d.ID != "é" || d.Count != -7 || !d.Flag || d.Size != 4294967295 || len(d.Items) != 2 ||
		d.Items[0].N != 2 || d.Opt == nil || d.Opt.Name != "o" {
		t.Fatalf("decoded %+v", d)
	}
}

// FuzzStrictJSON checks that anything strictjson accepts, encoding/json
// also accepts with the same meaning (strict is a subset), and that it
// never panics.
func FuzzStrictJSON(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var strict doc
		if err := Unmarshal(data, &strict); err != nil {
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		var loose doc
		if err := json.Unmarshal(data, &loose); err != nil {
			t.Fatalf("strict accepted what encoding/json rejects: %v", err)
		}
		a, _ := json.Marshal(strict)
		b, _ := json.Marshal(loose)
		if string(a) != string(b) {
			t.Fatalf("meaning differs:\nstrict %s\nloose  %s", a, b)
		}
	})
}

func TestUnmarshalLimited(t *testing.T) {
	in := []byte(`{"id":"a","count":1,"flag":true,"items":[{"name":"x"},{"name":"y"},{"name":"z"}]}`)
	var d doc
	if err := UnmarshalLimited(in, &d, 3); err != nil {
		t.Fatalf("3 elements, limit 3: %v", err)
	}
	var se *Error
	if err := UnmarshalLimited(in, &d, 2); !errors.As(err, &se) || se.Kind != TooManyElements || se.Path != "items[2]" {
		t.Fatalf("3 elements, limit 2: %v", err)
	}
	if err := UnmarshalLimited(in, &d, 0); err != nil {
		t.Fatalf("no limit: %v", err)
	}
}
