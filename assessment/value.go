package assessment

import (
	"regexp"
	"strings"
)

// typedValue is how people write a value: "3", "2,5" or "2.5".
// ParseValue alone would also take big.Rat forms ("5/2", "+3", "25e-1"),
// which would then be stored and printed as typed.
var typedValue = regexp.MustCompile(`^[0-9]{1,3}([.,][0-9]{1,6})?$`)

// CanonicalValue checks a typed assessor value (a plain decimal, 1–5) and
// returns it as stored: decimal point, no trailing zeros ("02,50" → "2.5",
// "3,0" → "3").
func CanonicalValue(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !typedValue.MatchString(s) {
		return "", inputErrorf("nilai %q bukan angka desimal (mis. 3 atau 2,5)", s)
	}
	v, err := ParseValue(s)
	if err != nil {
		return "", err
	}
	decimals := 0
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		decimals = len(s) - i - 1
	}
	out := v.FloatString(decimals) // exact: the value has at most that many decimals
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	return out, nil
}
