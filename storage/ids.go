package storage

import (
	"crypto/rand"
	"fmt"
	"regexp"
	"strings"
)

// idAlphabet avoids letters that are easy to confuse when read aloud or
// typed (no i, l, o, u).
const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

var unsafeIDChars = regexp.MustCompile(`[^a-z0-9]+`)

// newAssessmentID returns a readable unique id such as
// "2025-spbe-2020-k3m9qx7d": periode, catalog id, 8 random characters
// (40 bits; collisions are retried by the caller).
func newAssessmentID(periode int, catalogID string) string {
	b := make([]byte, 8)
	rand.Read(b)
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	cat := strings.Trim(unsafeIDChars.ReplaceAllString(strings.ToLower(catalogID), "-"), "-")
	if cat == "" {
		cat = "katalog"
	}
	return fmt.Sprintf("%d-%s-%s", periode, cat, b)
}
