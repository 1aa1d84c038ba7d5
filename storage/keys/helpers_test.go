package keys

import (
	"bytes"
	"encoding/json"
	"testing"
)

// replaceJSON sets a top-level string field of a JSON object, keeping the
// other fields.
func replaceJSON(t *testing.T, data []byte, key, value string) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	m[key] = value
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
