package bundle

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"regexp"
	"runtime"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// Helpers for the hostile cases of issue 11, classes 5 (strict encodings,
// Ed25519 as RFC 8032 says) and 12 (the central directory bounded before
// archive/zip reads it).

// identityKey is the Ed25519 identity point: crypto/ed25519 accepts the
// "signature" R = identity, S = 0 under it for every message.
var identityKey = ed25519.PublicKey(append([]byte{1}, make([]byte, 31)...))

// negativeZeroKey is a non-canonical encoding of the same point (x = 0
// with the sign bit set), which crypto/ed25519 also decodes.
var negativeZeroKey = ed25519.PublicKey(append(append([]byte{1}, make([]byte, 30)...), 0x80))

// forgeUnder rewrites the manifest to name pub as signer and signs it with
// R = identity, S = 0: no private key involved.
func forgeUnder(t testing.TB, es []rawEntry, pub ed25519.PublicKey) []rawEntry {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(find(es, EntryManifest).data, &m); err != nil {
		t.Fatal(err)
	}
	id := keys.IdentityOf(pub, fixedTime)
	m.Signer = Signer{KeyID: id.KeyID, Fingerprint: id.Fingerprint}
	raw, err := marshalJSON(&m)
	if err != nil {
		t.Fatal(err)
	}
	sig := make([]byte, ed25519.SignatureSize)
	sig[0] = 1
	out := append([]rawEntry(nil), es...)
	find(out, EntryManifest).data = raw
	return setEnvelope(out, Envelope{PayloadType: PayloadType, Signatures: []Signature{{
		KeyID: id.KeyID, Sig: base64.StdEncoding.EncodeToString(sig)}}})
}

var indexMember = regexp.MustCompile(`"index": "[^"]*"`)

// strictCases are the class-5 hostile bundles; mod edits a copy of the
// good bundle's entries.
func strictCases(t testing.TB, mod func(func([]rawEntry) []rawEntry) []byte, manifest []byte) []hostileCase {
	setIndex := func(v string) []byte {
		return mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryAnswers)
			e.data = indexMember.ReplaceAll(e.data, []byte(`"index": "`+v+`"`))
			return resign(t, es, true, func(*Manifest) {})
		})
	}
	return []hostileCase{
		{name: "small-order key, R = identity and S = 0", bundle: mod(func(es []rawEntry) []rawEntry { return forgeUnder(t, es, identityKey) }),
			keys: []ed25519.PublicKey{identityKey}, entry: EntrySignature, check: CheckPublicKey},
		{name: "non-canonical small-order key, R = identity and S = 0", bundle: mod(func(es []rawEntry) []rawEntry { return forgeUnder(t, es, negativeZeroKey) }),
			keys: []ed25519.PublicKey{negativeZeroKey}, entry: EntrySignature, check: CheckPublicKey},
		{name: "signature base64 with a line break", bundle: mod(func(es []rawEntry) []rawEntry {
			env := validEnvelope(manifest)
			env.Signatures[0].Sig = env.Signatures[0].Sig[:40] + "\n" + env.Signatures[0].Sig[40:]
			return setEnvelope(es, env)
		}), entry: EntrySignature, check: CheckBase64},
		{name: "signature base64 with CR LF", bundle: mod(func(es []rawEntry) []rawEntry {
			env := validEnvelope(manifest)
			env.Signatures[0].Sig = env.Signatures[0].Sig[:20] + "\r\n" + env.Signatures[0].Sig[20:]
			return setEnvelope(es, env)
		}), entry: EntrySignature, check: CheckBase64},
		{name: "lone surrogate in manifest", bundle: mod(func(es []rawEntry) []rawEntry {
			return resignRaw(t, es, bytes.Replace(manifest, []byte(`"nama": "`), []byte(`"nama": "\ud800`), 1))
		}), entry: EntryManifest, check: CheckJSON, kind: strictjson.LoneSurrogate},
		{name: "created_at with a local offset", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.CreatedAt = "2026-05-04T10:02:01+07:00" })
		}), entry: EntryManifest, check: CheckManifest},
		{name: "sequence beyond int64", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, true, func(m *Manifest) { m.Sequence = 1 << 63 })
		}), entry: EntryManifest, check: CheckManifest},
		{name: "score index 1e1000000", bundle: setIndex("1e1000000"), entry: EntryAnswers, check: CheckAnswers},
		{name: "score index as a fraction", bundle: setIndex("5/2"), entry: EntryAnswers, check: CheckAnswers},
		{name: "score index above 5", bundle: setIndex("7.0000"), entry: EntryAnswers, check: CheckAnswers},
		{name: "answers.json with more array elements than allowed", bundle: mod(func(es []rawEntry) []rawEntry { return es }),
			limits: withLimit(DefaultLimits, func(l *Limits) { l.MaxAnswerElements = 2 }), entry: EntryAnswers, check: CheckJSON, kind: strictjson.TooManyElements},
	}
}

// withEnd rewrites the end-of-central-directory record of a bundle
// written without a comment (its last 22 bytes).
func withEnd(b []byte, entries uint16, size, offset uint32) []byte {
	out := bytes.Clone(b)
	end := out[len(out)-eocdLen:]
	binary.LittleEndian.PutUint16(end[8:], entries)
	binary.LittleEndian.PutUint16(end[10:], entries)
	binary.LittleEndian.PutUint32(end[12:], size)
	binary.LittleEndian.PutUint32(end[16:], offset)
	return out
}

// endOf returns the claims of a bundle's end record.
func endOf(b []byte) (entries uint16, size, offset uint32) {
	end := b[len(b)-eocdLen:]
	return binary.LittleEndian.Uint16(end[10:]), binary.LittleEndian.Uint32(end[12:]), binary.LittleEndian.Uint32(end[16:])
}

// withZip64End replaces the end record by a zip64 record, its locator and
// an end record that defers to them, claiming the given values.
func withZip64End(b []byte, entries, size, offset uint64) []byte {
	out := bytes.Clone(b[:len(b)-eocdLen])
	at := uint64(len(out))
	rec := make([]byte, zip64EOCDLen)
	binary.LittleEndian.PutUint32(rec[0:], zip64EOCDSignature)
	binary.LittleEndian.PutUint64(rec[4:], zip64EOCDLen-12)
	binary.LittleEndian.PutUint16(rec[12:], 45)
	binary.LittleEndian.PutUint16(rec[14:], 45)
	binary.LittleEndian.PutUint64(rec[24:], entries)
	binary.LittleEndian.PutUint64(rec[32:], entries)
	binary.LittleEndian.PutUint64(rec[40:], size)
	binary.LittleEndian.PutUint64(rec[48:], offset)
	loc := make([]byte, zip64LocLen)
	binary.LittleEndian.PutUint32(loc[0:], zip64LocSignature)
	binary.LittleEndian.PutUint64(loc[8:], at)
	binary.LittleEndian.PutUint32(loc[16:], 1)
	end := make([]byte, eocdLen)
	binary.LittleEndian.PutUint32(end[0:], eocdSignature)
	binary.LittleEndian.PutUint16(end[8:], 0xffff)
	binary.LittleEndian.PutUint16(end[10:], 0xffff)
	binary.LittleEndian.PutUint32(end[12:], 0xffffffff)
	binary.LittleEndian.PutUint32(end[16:], 0xffffffff)
	return append(append(append(out, rec...), loc...), end...)
}

// hugeDirectory is a file of n minimal central-directory headers (name
// "a", no local headers) whose end record claims n mod 65536 entries:
// archive/zip loads all n, since it compares only the low 16 bits.
func hugeDirectory(n int) []byte {
	var buf bytes.Buffer
	buf.Grow(n*(centralHeaderLen+1) + eocdLen)
	h := make([]byte, centralHeaderLen+1)
	binary.LittleEndian.PutUint32(h[0:], 0x02014b50)
	binary.LittleEndian.PutUint16(h[4:], 20)
	binary.LittleEndian.PutUint16(h[6:], 20)
	binary.LittleEndian.PutUint16(h[28:], 1) // name length
	h[46] = 'a'
	for range n {
		buf.Write(h)
	}
	size := buf.Len()
	end := make([]byte, eocdLen)
	binary.LittleEndian.PutUint32(end[0:], eocdSignature)
	binary.LittleEndian.PutUint16(end[8:], uint16(n))
	binary.LittleEndian.PutUint16(end[10:], uint16(n))
	binary.LittleEndian.PutUint32(end[12:], uint32(size))
	return append(buf.Bytes(), end...)
}

// directoryCases are the class-12 hostile bundles, made from the good one.
func directoryCases(good []byte) []hostileCase {
	n, size, offset := endOf(good)
	return []hostileCase{
		{name: "end record claims 60000 entries", bundle: withEnd(good, 60000, size, offset), entry: "", check: CheckEntryCount},
		{name: "zip64 end record claims 10 M entries", bundle: withZip64End(good, 10_000_000, 470_000_000, uint64(offset)), entry: "", check: CheckEntryCount},
		{name: "zip64 end record claims a 470 MB directory", bundle: withZip64End(good, uint64(n), 470_000_000, uint64(offset)), entry: "", check: CheckDirSize},
		{name: "directory claims more than its entries can hold", bundle: withEnd(good, 1, size, offset), entry: "", check: CheckDirSize},
		{name: "directory does not end at its end record", bundle: withEnd(good, n, size, offset-1), entry: "", check: CheckZip},
		{name: "directory offset beyond the file", bundle: withEnd(good, n, size, 0xfffffff0), entry: "", check: CheckZip},
		{name: "more entries than fit in the directory", bundle: withEnd(good, n, centralHeaderLen, offset+size-centralHeaderLen), entry: "", check: CheckZip},
		{name: "200 000 headers claimed as 3392 (mod 65536)", bundle: hugeDirectory(200_000), entry: "", check: CheckDirSize},
		{name: "multi-disk archive", bundle: func() []byte {
			b := bytes.Clone(good)
			binary.LittleEndian.PutUint16(b[len(b)-eocdLen+4:], 1)
			return b
		}(), entry: "", check: CheckZip},
	}
}

// TestDirectoryMemoryBounded: refusing a file of 200 000 central headers
// (claimed as 200 000 mod 65536) costs next to no memory; archive/zip
// alone would first build 200 000 *zip.File values (tens of MB; 10 M of
// them cost 2 GB).
func TestDirectoryMemoryBounded(t *testing.T) {
	data := hugeDirectory(200_000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Verify(bytes.NewReader(data), int64(len(data)), Options{})
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Fatalf("refusing the directory allocated %d bytes (%v)", got, err)
	}
	assertCheck(t, err, "", CheckDirSize)
}
