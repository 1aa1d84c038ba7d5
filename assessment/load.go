package assessment

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxCatalogSize caps a catalog file; the embedded SPBE 2020 catalog is
// about 0.5 MB, so 16 MB leaves room without letting a stray file exhaust memory.
const MaxCatalogSize = 16 << 20

// ParseCatalog decodes, validates and fingerprints catalog bytes. name is
// used in error messages (a file name or "embedded:spbe-2020"). The error is
// a *ValidationError listing every problem when the structure is wrong.
func ParseCatalog(name string, data []byte) (*Catalog, error) {
	if len(data) > MaxCatalogSize {
		return nil, &ValidationError{File: name, Problems: []Problem{{Path: "", Msg: fmt.Sprintf("berkas terlalu besar (%d byte, maksimum %d)", len(data), MaxCatalogSize)}}}
	}
	var c Catalog
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&c); err != nil {
		return nil, &ValidationError{File: name, Problems: []Problem{{Path: jsonErrorPath(err), Msg: "JSON tidak valid: " + err.Error()}}}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &ValidationError{File: name, Problems: []Problem{{Path: "", Msg: "ada data setelah objek JSON katalog"}}}
	}
	if probs := Validate(&c); len(probs) > 0 {
		return nil, &ValidationError{File: name, Problems: probs}
	}
	canon, err := CanonicalBytes(&c)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.Sum256(canon)
	c.sha256 = hex.EncodeToString(sum[:])
	return &c, nil
}

// CanonicalBytes is the catalog's identity: compact JSON of the typed
// structure (fixed field order, sorted map keys), so whitespace and key
// order in the source file do not change the hash, but any text does.
func CanonicalBytes(c *Catalog) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func jsonErrorPath(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return te.Field
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("byte %d", se.Offset)
	}
	return ""
}
