package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
)

// hostileCase is one generated bad bundle and the check that must reject it.
type hostileCase struct {
	name   string
	bundle []byte
	limits *Limits
	keys   []ed25519.PublicKey // the verifier's keys; nil = the test key
	entry  string              // "*" = any
	check  Check
	kind   strictjson.Kind // for CheckJSON: the strictness violation
}

// hostileCorpus generates every bad bundle from one good one.
func hostileCorpus(t testing.TB, big bool) []hostileCase {
	in, _ := fixture(t)
	good := build(t, in)
	base := unpack(t, good)
	ev := firstEvidence(base)
	manifest := find(base, EntryManifest).data
	mod := func(edit func(es []rawEntry) []rawEntry) []byte {
		es := make([]rawEntry, len(base))
		copy(es, base)
		for i := range es {
			es[i].data = bytes.Clone(es[i].data)
		}
		return pack(t, edit(es), "")
	}
	add := func(e rawEntry) []byte { return mod(func(es []rawEntry) []rawEntry { return append(es, e) }) }
	u32 := func(v uint32) *uint32 { return &v }
	zeros := make([]byte, 2<<20) // ratio ≈ 1000 : 1
	bomb := deflate(zeros)
	small := DefaultLimits

	cases := []hostileCase{
		// Entry headers (step 2).
		{name: "extra entry not in whitelist", bundle: add(rawEntry{name: "README.txt", data: []byte("hi")}), entry: "README.txt", check: CheckName},
		{name: "dot-dot name", bundle: add(rawEntry{name: "../evil.pdf", data: []byte("x")}), entry: "../evil.pdf", check: CheckName},
		{name: "dot-dot inside evidence", bundle: add(rawEntry{name: "evidence/../../etc/cron.d/x", data: []byte("x")}), entry: "evidence/../../etc/cron.d/x", check: CheckName},
		{name: "absolute name", bundle: add(rawEntry{name: "/etc/passwd", data: []byte("x")}), entry: "/etc/passwd", check: CheckName},
		{name: "backslash name", bundle: add(rawEntry{name: `evidence\0123456789abcdef-x`, data: []byte("x")}), entry: `evidence\0123456789abcdef-x`, check: CheckName},
		{name: "duplicate entry", bundle: add(rawEntry{name: EntryAnswers, data: []byte(`{}`), method: zip.Deflate}), entry: EntryAnswers, check: CheckDuplicate},
		{name: "case-folded duplicate", bundle: add(rawEntry{name: "ANSWERS.json", data: []byte(`{}`)}), entry: "ANSWERS.json", check: CheckDuplicate},
		{name: "duplicate evidence", bundle: add(rawEntry{name: ev.name, data: []byte("other")}), entry: ev.name, check: CheckDuplicate},
		{name: "directory entry", bundle: add(rawEntry{name: "evidence/0123456789abcdef-dir", mode: fs.ModeDir | 0o755}), entry: "evidence/0123456789abcdef-dir", check: CheckRegular},
		{name: "symlink entry", bundle: add(rawEntry{name: "evidence/0123456789abcdef-link", data: []byte("/etc/shadow"), mode: fs.ModeSymlink | 0o777}), entry: "evidence/0123456789abcdef-link", check: CheckRegular},
		{name: "encrypted entry", bundle: mod(func(es []rawEntry) []rawEntry { find(es, EntryReport).flags |= 1; return es }), entry: EntryReport, check: CheckEncrypted},
		{name: "bzip2 method", bundle: mod(func(es []rawEntry) []rawEntry { e := find(es, EntryReport); e.method, e.raw = 12, e.data; return es }), entry: EntryReport, check: CheckMethod},
		{name: "zip bomb (ratio)", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryAnswers)
			e.data, e.method = zeros, zip.Deflate
			return es
		}), entry: EntryAnswers, check: CheckRatio},
		{name: "lying Store sizes", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryReport)
			e.declared = int64(len(e.data)) - 10
			return es
		}), entry: EntryReport, check: CheckFileSize},
		{name: "declared size over per-file cap", bundle: good, limits: withLimit(small, func(l *Limits) { l.MaxFileSize = 1000 }), entry: "*", check: CheckFileSize},
		{name: "running total over cap", bundle: good, limits: withLimit(small, func(l *Limits) { l.MaxTotalSize = 10000 }), entry: "*", check: CheckTotalSize},
		{name: "bundle over size cap", bundle: good, limits: withLimit(small, func(l *Limits) { l.MaxBundleSize = 1000 }), entry: "", check: CheckBundleSize},
		{name: "zip comment", bundle: pack(t, base, "tidak ada komentar"), entry: "", check: CheckComment},
		{name: "missing report", bundle: mod(func(es []rawEntry) []rawEntry { return without(es, EntryReport) }), entry: EntryReport, check: CheckMissing},
		{name: "missing signature", bundle: mod(func(es []rawEntry) []rawEntry { return without(es, EntrySignature) }), entry: EntrySignature, check: CheckMissing},

		// Whole file (step 1).
		{name: "truncated file", bundle: good[:len(good)-100], entry: "", check: CheckZip},
		{name: "truncated in half", bundle: good[:len(good)/2], entry: "", check: CheckZip},
		{name: "not a zip", bundle: []byte("%PDF-1.7 bukan zip"), entry: "", check: CheckZip},
		{name: "empty file", bundle: nil, entry: "", check: CheckZip},

		// Reading the signed entries (step 3).
	}
	cases = append(cases, directoryCases(good)...)
	cases = append(cases, strictCases(t, mod, manifest)...)
	if big {
		cases = append(cases, bigCases(t, mod)...)
	}
	return append(cases, []hostileCase{
		{name: "oversized signature file", bundle: mod(func(es []rawEntry) []rawEntry {
			find(es, EntrySignature).data = bytes.Repeat([]byte(" "), 70<<10)
			return es
		}), entry: EntrySignature, check: CheckTooLarge},
		{name: "manifest header lies small", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryManifest)
			e.declared = 100
			return es
		}), entry: EntryManifest, check: CheckData},

		// The signature (step 4), before any manifest parsing.
		{name: "wrong payload type", bundle: mod(func(es []rawEntry) []rawEntry {
			env := validEnvelope(manifest)
			env.PayloadType = "application/vnd.in-toto+json"
			return setEnvelope(es, env)
		}), entry: EntrySignature, check: CheckPayloadType},
		{name: "bad base64", bundle: mod(func(es []rawEntry) []rawEntry {
			env := validEnvelope(manifest)
			env.Signatures[0].Sig = "!!bukan base64!!"
			return setEnvelope(es, env)
		}), entry: EntrySignature, check: CheckBase64},
		{name: "non-canonical base64 padding", bundle: mod(func(es []rawEntry) []rawEntry {
			env := validEnvelope(manifest)
			env.Signatures[0].Sig = strings.TrimRight(env.Signatures[0].Sig, "=")
			return setEnvelope(es, env)
		}), entry: EntrySignature, check: CheckBase64},
		{name: "short signature", bundle: mod(func(es []rawEntry) []rawEntry {
			env := validEnvelope(manifest)
			env.Signatures[0].Sig = base64.StdEncoding.EncodeToString([]byte("pendek"))
			return setEnvelope(es, env)
		}), entry: EntrySignature, check: CheckBase64},
		{name: "no signatures", bundle: mod(func(es []rawEntry) []rawEntry {
			return setEnvelope(es, Envelope{PayloadType: PayloadType, Signatures: []Signature{}})
		}), entry: EntrySignature, check: CheckEnvelope},
		{name: "duplicate key in signature file", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntrySignature)
			e.data = bytes.Replace(e.data, []byte(`"payloadType"`), []byte(`"payloadType": "x/y", "payloadType"`), 1)
			return es
		}), entry: EntrySignature, check: CheckJSON, kind: strictjson.DuplicateKey},
		{name: "payload field in signature file", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntrySignature)
			e.data = bytes.Replace(e.data, []byte(`"signatures"`), []byte(`"payload": "e30=", "signatures"`), 1)
			return es
		}), entry: EntrySignature, check: CheckJSON, kind: strictjson.UnknownField},
		{name: "tampered manifest", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryManifest)
			e.data = bytes.Replace(e.data, []byte(`"periode": 2026`), []byte(`"periode": 2025`), 1)
			return es
		}), entry: EntryManifest, check: CheckSignature},
		{name: "signature by another key", bundle: mod(func(es []rawEntry) []rawEntry {
			other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{1}, 32))
			env := validEnvelope(manifest)
			env.Signatures[0].Sig = base64.StdEncoding.EncodeToString(ed25519.Sign(other, PAE(PayloadType, manifest)))
			return setEnvelope(es, env)
		}), entry: EntryManifest, check: CheckSignature},
		{name: "signature over manifest without PAE", bundle: mod(func(es []rawEntry) []rawEntry {
			env := validEnvelope(manifest)
			env.Signatures[0].Sig = base64.StdEncoding.EncodeToString(ed25519.Sign(testKey, manifest))
			return setEnvelope(es, env)
		}), entry: EntryManifest, check: CheckSignature},

		// Strict JSON of a validly signed manifest (step 5).
		{name: "duplicate JSON key", bundle: mod(func(es []rawEntry) []rawEntry {
			return resignRaw(t, es, bytes.Replace(manifest, []byte(`"periode": 2026`), []byte(`"periode": 2025, "periode": 2026`), 1))
		}), entry: EntryManifest, check: CheckJSON, kind: strictjson.DuplicateKey},
		{name: "unknown field", bundle: mod(func(es []rawEntry) []rawEntry {
			return resignRaw(t, es, bytes.Replace(manifest, []byte(`"periode": 2026`), []byte(`"periode": 2026, "periode_asli": 2025`), 1))
		}), entry: EntryManifest, check: CheckJSON, kind: strictjson.UnknownField},
		{name: "case-variant key", bundle: mod(func(es []rawEntry) []rawEntry {
			return resignRaw(t, es, bytes.Replace(manifest, []byte(`"periode": 2026`), []byte(`"Periode": 2026`), 1))
		}), entry: EntryManifest, check: CheckJSON, kind: strictjson.UnknownField},
		{name: "trailing data", bundle: mod(func(es []rawEntry) []rawEntry {
			return resignRaw(t, es, append(bytes.Clone(manifest), []byte(`{"periode": 2025}`)...))
		}), entry: EntryManifest, check: CheckJSON, kind: strictjson.TrailingData},
		{name: "sequence beyond int64 (not storable)", bundle: mod(func(es []rawEntry) []rawEntry {
			return resignRaw(t, es, bytes.Replace(manifest, []byte(`"sequence": 3`), []byte(`"sequence": 9223372036854775808`), 1))
		}), entry: EntryManifest, check: CheckManifest},
		{name: "float sequence", bundle: mod(func(es []rawEntry) []rawEntry {
			return resignRaw(t, es, bytes.Replace(manifest, []byte(`"sequence": 3`), []byte(`"sequence": 3.0`), 1))
		}), entry: EntryManifest, check: CheckJSON, kind: strictjson.BadNumber},
		{name: "signer keyid differs from signature", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.Signer.KeyID = strings.Repeat("ab", 32) })
		}), entry: EntryManifest, check: CheckSigner},
		{name: "signer fingerprint wrong", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.Signer.Fingerprint = "00000 00000 00000 00000 00000 00000" })
		}), entry: EntryManifest, check: CheckSigner},
		{name: "files unsorted", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.Files[0], m.Files[1] = m.Files[1], m.Files[0] })
		}), entry: EntryManifest, check: CheckManifest},
		{name: "manifest lists itself", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) {
				m.Files = append(m.Files, File{Path: "manifest.sig.json", Role: "x", MediaType: MediaJSON, SHA256: strings.Repeat("0", 64)})
				sortFiles(m.Files)
			})
		}), entry: EntryManifest, check: CheckManifest},
		{name: "evidence path not its hash", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) {
				for i := range m.Files {
					if m.Files[i].Role == RoleEvidence {
						m.Files[i].SHA256 = strings.Repeat("f", 64)
					}
				}
			})
		}), entry: EntryManifest, check: CheckManifest},

		// Identity strings (step 5): only a canonical OPD code is signed.
		{name: "opd code lower case", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.OPD.Kode = "diskominfo" })
		}), entry: EntryManifest, check: CheckOPDKode},
		{name: "opd code with space", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.OPD.Kode = "DINAS KOMINFO" })
		}), entry: EntryManifest, check: CheckOPDKode},
		{name: "opd code Cyrillic O", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.OPD.Kode = "DISK\u041eMINFO" })
		}), entry: EntryManifest, check: CheckOPDKode},
		{name: "opd code zero-width space", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.OPD.Kode = "DISKO\u200bMINFO" })
		}), entry: EntryManifest, check: CheckOPDKode},
		{name: "opd code trailing NBSP", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.OPD.Kode = "DISKOMINFO\u00a0" })
		}), entry: EntryManifest, check: CheckOPDKode},

		// Files against the manifest (step 6).
		{name: "extra evidence entry", bundle: add(rawEntry{name: "evidence/0123456789abcdef-tambahan.pdf", data: []byte("x")}), entry: "evidence/0123456789abcdef-tambahan.pdf", check: CheckFileSet},
		{name: "missing evidence", bundle: mod(func(es []rawEntry) []rawEntry { return without(es, ev.name) }), entry: ev.name, check: CheckFileSet},
		{name: "tampered answers", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryAnswers)
			e.data = bytes.Replace(e.data, []byte(`"level": 3`), []byte(`"level": 5`), 1)
			return es
		}), entry: EntryAnswers, check: CheckHash},
		{name: "answers grown", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryAnswers)
			e.data = append(e.data, ' ')
			return es
		}), entry: EntryAnswers, check: CheckSize},
		{name: "tampered evidence, CRC kept", bundle: mod(func(es []rawEntry) []rawEntry {
			e := firstEvidence(es)
			crc := crc32Of(e.data)
			e.data[0] ^= 1
			e.crc = u32(crc)
			return es
		}), entry: ev.name, check: CheckData},
		{name: "tampered evidence, CRC fixed", bundle: mod(func(es []rawEntry) []rawEntry {
			firstEvidence(es).data[0] ^= 1
			return es
		}), entry: ev.name, check: CheckHash},
		{name: "zip bomb with lying size", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryAnswers)
			e.raw, e.method, e.declared, e.data = bomb, zip.Deflate, 2000, zeros
			return resign(t, es, false, func(m *Manifest) {
				for i := range m.Files {
					if m.Files[i].Path == EntryAnswers {
						m.Files[i].Size = 2000
					}
				}
			})
		}), entry: EntryAnswers, check: CheckData},

		// answers.json and the content digest (steps 6–7).
		{name: "answers for another periode", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryAnswers)
			e.data = bytes.Replace(e.data, []byte(`"periode": 2026`), []byte(`"periode": 2025`), 1)
			return resign(t, es, true, func(*Manifest) {})
		}), entry: EntryAnswers, check: CheckAnswers},
		{name: "answers with duplicate key", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryAnswers)
			e.data = bytes.Replace(e.data, []byte(`"periode": 2026`), []byte(`"periode": 2026, "periode": 2026`), 1)
			return resign(t, es, true, func(*Manifest) {})
		}), entry: EntryAnswers, check: CheckJSON, kind: strictjson.DuplicateKey},
		{name: "unlinked evidence", bundle: mod(func(es []rawEntry) []rawEntry {
			data := []byte("diselipkan")
			p := EvidencePath(sha256Hex(data), "selipan.pdf")
			es = append(es, rawEntry{name: p, data: data})
			return resign(t, es, true, func(m *Manifest) {
				m.Files = append(m.Files, File{Path: p, Role: RoleEvidence, MediaType: MediaPDF, OriginalName: "selipan.pdf"})
				sortFiles(m.Files)
			})
		}), entry: "*", check: CheckAnswers},
		{name: "wrong content digest", bundle: mod(func(es []rawEntry) []rawEntry {
			return resign(t, es, false, func(m *Manifest) { m.ContentDigest = strings.Repeat("0", 64) })
		}), entry: EntryManifest, check: CheckDigest},
	}...)
}

// bigCases are the cases that need megabytes of generated data.
func bigCases(t testing.TB, mod func(func([]rawEntry) []rawEntry) []byte) []hostileCase {
	pad := make([]byte, 3<<20)
	rand.Read(pad)
	return []hostileCase{
		{name: "oversized manifest", bundle: mod(func(es []rawEntry) []rawEntry {
			e := find(es, EntryManifest)
			e.data = append(bytes.TrimSuffix(e.data, []byte("}\n")), []byte(`,"pad":"`+base64.StdEncoding.EncodeToString(pad)+`"}`)...)
			return es
		}), entry: EntryManifest, check: CheckTooLarge},
		{name: "too many entries", bundle: mod(func(es []rawEntry) []rawEntry {
			for i := range DefaultLimits.MaxEntries {
				es = append(es, rawEntry{name: fmt.Sprintf("evidence/%016x-f", i)})
			}
			return es
		}), entry: "", check: CheckEntryCount},
	}
}

func withLimit(l Limits, edit func(*Limits)) *Limits {
	edit(&l)
	return &l
}

func TestHostileBundles(t *testing.T) {
	dir := t.TempDir()
	for _, c := range hostileCorpus(t, true) {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, "bundle.spbe")
			if err := os.WriteFile(path, c.bundle, 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			opt := Options{Keys: withKey().Keys, Limits: c.limits}
			if c.keys != nil {
				opt.Keys = c.keys
			}
			_, err = Verify(f, int64(len(c.bundle)), opt)
			assertCheck(t, err, c.entry, c.check)
			if c.kind != "" {
				var se *strictjson.Error
				if !errors.As(err, &se) || se.Kind != c.kind {
					t.Fatalf("want strictjson %s, got %v", c.kind, err)
				}
			}
			assertOnly(t, dir, "bundle.spbe")
		})
	}
}

// assertOnly checks that dir holds exactly the named files: verification
// writes nothing anywhere.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Fatalf("folder holds %v, want %v", got, names)
	}
}
