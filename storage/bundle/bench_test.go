package bundle

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// benchInput is the fixture plus n evidence files of size bytes each.
func benchInput(b *testing.B, n, size int) Input {
	in, store := fixture(b)
	for i := range n {
		data := make([]byte, size)
		rand.Read(data)
		blob := store.add(data)
		in.Snapshot.Evidence = append(in.Snapshot.Evidence, assessment.Evidence{
			ID: int64(100 + i), Indicator: in.Snapshot.Evidence[0].Indicator, Blob: blob,
			OriginalName: fmt.Sprintf("bukti-%d.pdf", i),
		})
	}
	return in
}

func BenchmarkWrite(b *testing.B) {
	in := benchInput(b, 16, 4<<20)
	b.SetBytes(16 * 4 << 20)
	for b.Loop() {
		if _, err := Write(context.Background(), io.Discard, in, testKey); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	in := benchInput(b, 16, 4<<20)
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &buf, in, testKey); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := verifyBytes(data, withKey()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSignVerifyManifest(b *testing.B) {
	in, _ := fixture(b)
	es := unpack(b, build(b, in))
	manifest := find(es, EntryManifest).data
	for b.Loop() {
		raw, _ := signManifest(testKey, manifest)
		env, err := parseEnvelope(raw)
		if err != nil {
			b.Fatal(err)
		}
		if err := checkSignature(env, manifest, withKey().Keys, &Verified{}); err != nil {
			b.Fatal(err)
		}
	}
}
