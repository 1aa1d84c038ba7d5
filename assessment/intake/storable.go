package intake

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
)

// Bounds of the values an imported bundle may carry.
const (
	// MaxStorableSequence: SQLite INTEGER (and PostgreSQL bigint) is a
	// signed 64-bit integer; int64(2^63) would be stored as a negative
	// number.
	MaxStorableSequence = math.MaxInt64
	// MaxCount bounds the claimed answered/total counts and the number of
	// answers: the instruments have 47 and 20 indicators.
	MaxCount = 10000
	// maxIndexLen bounds the claimed index text ("3.1234" is written).
	maxIndexLen = 32
)

var plainDecimal = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// Storable says why a verified bundle cannot be stored as it is: code ""
// when every value it brings fits the registry. It is the one place that
// maps the verifier's (wider) types onto the schema's ranges: a bundle
// that passed the verifier but carries a value the registry cannot store
// or that makes no sense (a sequence beyond signed 64-bit integers, an
// index outside 0–5, an absurd count) is refused like any other bad
// bundle, and the rest of the batch is still imported.
func Storable(b Bundle) (code, reason string) {
	bad := func(format string, args ...any) (string, string) {
		return RejectOutOfRange, fmt.Sprintf(format, args...) + ". Bundel tidak disimpan; minta OPD mengekspor ulang dengan SPBE Mandiri resmi"
	}
	s := b.Score
	switch {
	case b.Sequence > MaxStorableSequence:
		return bad("nomor urut %d di luar batas yang dapat disimpan (paling besar %d)", b.Sequence, uint64(MaxStorableSequence))
	case b.Answers > MaxCount:
		return bad("bundel memuat %d jawaban, lebih dari batas %d", b.Answers, MaxCount)
	case s.Total < 0 || s.Total > MaxCount || s.Answered < 0 || s.Answered > MaxCount:
		return bad("jumlah indikator di skor (%d terjawab dari %d) di luar batas 0–%d", s.Answered, s.Total, MaxCount)
	case s.Index != "" && !indexInRange(s.Index):
		return bad("indeks %.40q bukan bilangan desimal antara 0 dan 5", s.Index)
	}
	return "", ""
}

// indexInRange accepts a plain decimal (no sign, no exponent) within 0–5.
func indexInRange(s string) bool {
	if len(s) > maxIndexLen || !plainDecimal.MatchString(s) {
		return false
	}
	r, ok := new(big.Rat).SetString(s)
	return ok && r.Cmp(big.NewRat(5, 1)) <= 0
}
