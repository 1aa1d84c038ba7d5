package storage

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// BenchmarkAutosave measures one autosave — a justification edit committed
// durably — as the GUI does on every change, and reports the latency
// percentiles. The target is p99 ≤ 5 ms.
func BenchmarkAutosave(b *testing.B) {
	for _, mode := range []string{"FULL", "NORMAL"} {
		b.Run("synchronous="+mode, func(b *testing.B) {
			benchAutosave(b, mode, func(db *DB, id string, i int) error {
				return db.SetJustification(context.Background(), id, 1+i%4, fmt.Sprintf("Justifikasi versi %d: FAKTA, ANALISIS, JUSTIFIKASI.", i), "bench")
			})
		})
	}
}

// BenchmarkAutosaveLevel measures choosing a level.
func BenchmarkAutosaveLevel(b *testing.B) {
	benchAutosave(b, "FULL", func(db *DB, id string, i int) error {
		return db.SetLevel(context.Background(), id, 1+i%4, 1+i%5, "bench")
	})
}

func benchAutosave(b *testing.B, mode string, op func(db *DB, id string, i int) error) {
	db := openTest(b, withSynchronous(mode))
	a := newAssessment(b, db)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := op(db, a.ID, i); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	at := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(at(1.0), "max-ms")
}

// BenchmarkAddEvidence streams a 10 MB file into the store.
func BenchmarkAddEvidence(b *testing.B) {
	db := openTest(b)
	a := newAssessment(b, db)
	content := make([]byte, 10<<20)
	b.SetBytes(int64(len(content)))
	for i := 0; i < b.N; i++ {
		content[0] = byte(i) // a new blob every time
		content[1] = byte(i >> 8)
		if _, err := db.AddEvidence(context.Background(), a.ID, 1, assessment.EvidenceInput{Name: "x.bin", Reader: bytes.NewReader(content)}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEvidenceStreamsInConstantMemory adds a 48 MB file and checks that
// the copy allocated only a small, fixed amount.
func TestEvidenceStreamsInConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 48 MB")
	}
	db := openTest(t)
	a := newAssessment(t, db)
	const size = 48 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := db.AddEvidence(context.Background(), a.ID, 1, assessment.EvidenceInput{Name: "video.mp4", Reader: &patternReader{left: size}})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("adding %d MB allocated %d KB; the copy should stream", size>>20, alloc>>10)
	}
}

// patternReader yields left bytes of a pattern without holding them.
type patternReader struct{ left int }

func (r *patternReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.left)
	for i := range p[:n] {
		p[i] = byte(i)
	}
	r.left -= n
	return n, nil
}
