package strictjson

import (
	"reflect"
	"strings"
	"sync"
)

type field struct {
	index    int
	required bool
}

var fieldCache sync.Map // reflect.Type → map[string]field

// fieldsOf maps the exact json tag names of t's fields to their index.
func fieldsOf(t reflect.Type) map[string]field {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]field)
	}
	m := map[string]field{}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("json")
		if !ok || tag == "-" || !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			panic("strictjson: field " + t.String() + "." + sf.Name + " needs a json name")
		}
		m[name] = field{index: i, required: !hasOpt(opts, "omitempty")}
	}
	fieldCache.Store(t, m)
	return m
}

func hasOpt(opts, want string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}
