package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"hash/crc32"
	"io"
	"io/fs"
	"testing"
)

// rawEntry is one ZIP entry as the hostile-corpus builder writes it: any
// name, method, mode, flags and (lying) header values.
type rawEntry struct {
	name     string
	data     []byte // uncompressed content
	method   uint16
	mode     fs.FileMode // 0 means 0644
	flags    uint16
	declared int64 // if ≠ 0: the uncompressed size the headers claim
	storeLie int64 // if ≠ 0: the compressed size the headers claim
	crc      *uint32
	raw      []byte // if set: written as the compressed data
}

func unpack(t testing.TB, b []byte) []rawEntry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []rawEntry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rawEntry{name: f.Name, data: data, method: f.Method})
	}
	return out
}

func deflate(data []byte) []byte {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

func pack(t testing.TB, entries []rawEntry, comment string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		comp := e.raw
		if comp == nil {
			comp = e.data
			if e.method == zip.Deflate {
				comp = deflate(e.data)
			}
		}
		h := &zip.FileHeader{Name: e.name, Method: e.method, Modified: entryTime, Flags: e.flags,
			CRC32: crc32.ChecksumIEEE(e.data), CompressedSize64: uint64(len(comp)), UncompressedSize64: uint64(len(e.data))}
		if e.crc != nil {
			h.CRC32 = *e.crc
		}
		if e.declared != 0 {
			h.UncompressedSize64 = uint64(e.declared)
		}
		if e.storeLie != 0 {
			h.CompressedSize64 = uint64(e.storeLie)
		}
		mode := e.mode
		if mode == 0 {
			mode = 0o644
		}
		h.SetMode(mode)
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp)
	}
	if comment != "" {
		zw.SetComment(comment)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func find(entries []rawEntry, name string) *rawEntry {
	for i := range entries {
		if entries[i].name == name {
			return &entries[i]
		}
	}
	return nil
}

func firstEvidence(entries []rawEntry) *rawEntry {
	for i := range entries {
		if roleOf(entries[i].name) == RoleEvidence {
			return &entries[i]
		}
	}
	return nil
}

func without(entries []rawEntry, name string) []rawEntry {
	var out []rawEntry
	for _, e := range entries {
		if e.name != name {
			out = append(out, e)
		}
	}
	return out
}

// resignRaw replaces the manifest bytes and signs them with the test key:
// the bundle is then "validly signed", so the checks after the signature
// are exercised (a stolen or careless key must not get past them either).
func resignRaw(t testing.TB, entries []rawEntry, manifest []byte) []rawEntry {
	t.Helper()
	sig, err := signManifest(testKey, manifest)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]rawEntry(nil), entries...)
	find(out, EntryManifest).data = manifest
	find(out, EntrySignature).data = sig
	return out
}

// resign edits the parsed manifest, optionally refreshes its hashes of the
// entries and its content digest, and re-signs it.
func resign(t testing.TB, entries []rawEntry, refresh bool, edit func(m *Manifest)) []rawEntry {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(find(entries, EntryManifest).data, &m); err != nil {
		t.Fatal(err)
	}
	edit(&m)
	if refresh {
		for i, f := range m.Files {
			if e := find(entries, f.Path); e != nil {
				m.Files[i].Size, m.Files[i].SHA256 = int64(len(e.data)), sha256Hex(e.data)
			}
		}
		m.ContentDigest = ContentDigest(&m)
	}
	raw, err := marshalJSON(&m)
	if err != nil {
		t.Fatal(err)
	}
	return resignRaw(t, entries, raw)
}

// setEnvelope replaces manifest.sig.json.
func setEnvelope(entries []rawEntry, env any) []rawEntry {
	out := append([]rawEntry(nil), entries...)
	raw, _ := json.Marshal(env)
	find(out, EntrySignature).data = raw
	return out
}

func validEnvelope(manifest []byte) Envelope {
	return Envelope{PayloadType: PayloadType, Signatures: []Signature{{
		KeyID: signerOf(testKey).KeyID,
		Sig:   base64.StdEncoding.EncodeToString(ed25519.Sign(testKey, PAE(PayloadType, manifest))),
	}}}
}

func crc32Of(b []byte) uint32 { return crc32.ChecksumIEEE(b) }
