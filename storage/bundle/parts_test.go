package bundle

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"testing"
)

// zipParts is a PartSource over a built bundle's entries, with some files
// replaced.
type zipParts struct {
	files  map[string][]byte
	proven map[string]bool
}

func (z zipParts) Proven(f File) bool { return z.proven[f.Path] }
func (z zipParts) Open(f File) (io.ReadCloser, error) {
	d, ok := z.files[f.Path]
	if !ok {
		return nil, errors.New("tidak ada")
	}
	return io.NopCloser(bytes.NewReader(d)), nil
}

func splitBundle(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// A bundle sent in parts passes the same checks as the file and fails
// with the same check names when a part is altered.
func TestVerifyPartsMatchesVerify(t *testing.T) {
	in, _ := fixture(t)
	parts := splitBundle(t, build(t, in))
	v, err := VerifyManifest(parts[EntrySignature], parts[EntryManifest], withKey())
	if err != nil {
		t.Fatalf("VerifyManifest: %v", err)
	}
	if err := VerifyParts(v, zipParts{files: parts}, withKey()); err != nil {
		t.Fatalf("VerifyParts: %v", err)
	}
	if v.Answers.Assessment.Periode != 2026 || !v.SignerKnown {
		t.Fatalf("verified %+v", v.Answers.Assessment)
	}
	var evidence string
	for _, f := range v.Manifest.Files {
		if f.Role == RoleEvidence {
			evidence = f.Path
		}
	}
	cases := []struct {
		name  string
		edit  func(map[string][]byte)
		check Check
		entry string
	}{
		{"evidence altered", func(p map[string][]byte) { p[evidence] = append([]byte{}, p[evidence]...); p[evidence][0] ^= 1 }, CheckHash, evidence},
		{"evidence longer", func(p map[string][]byte) { p[evidence] = append(append([]byte{}, p[evidence]...), 'x') }, CheckSize, evidence},
		{"evidence missing", func(p map[string][]byte) { delete(p, evidence) }, CheckFileSet, evidence},
		{"answers altered", func(p map[string][]byte) {
			p[EntryAnswers] = bytes.Replace(p[EntryAnswers], []byte("2026"), []byte("2025"), 1)
		}, CheckHash, EntryAnswers},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := map[string][]byte{}
			for k, d := range parts {
				p[k] = d
			}
			c.edit(p)
			v, _ := VerifyManifest(parts[EntrySignature], parts[EntryManifest], withKey())
			err := VerifyParts(v, zipParts{files: p}, withKey())
			var be *Error
			if !errors.As(err, &be) || be.Check != c.check || be.Entry != c.entry {
				t.Fatalf("err %v, want check %s entry %s", err, c.check, c.entry)
			}
		})
	}
	// Proven evidence is not read again: a source without it still passes.
	p := map[string][]byte{EntryAnswers: parts[EntryAnswers], EntryReport: parts[EntryReport]}
	proven := map[string]bool{}
	for _, f := range v.Manifest.Files {
		proven[f.Path] = true
	}
	v2, _ := VerifyManifest(parts[EntrySignature], parts[EntryManifest], withKey())
	if err := VerifyParts(v2, zipParts{files: p, proven: proven}, withKey()); err != nil {
		t.Fatalf("proven evidence: %v", err)
	}
}

// The signed pair alone is checked like the file: a changed manifest byte
// fails the signature before anything is parsed.
func TestVerifyManifestSignature(t *testing.T) {
	in, _ := fixture(t)
	parts := splitBundle(t, build(t, in))
	man := bytes.Replace(parts[EntryManifest], []byte("Sigi"), []byte("Sigo"), 1)
	_, err := VerifyManifest(parts[EntrySignature], man, withKey())
	var be *Error
	if !errors.As(err, &be) || be.Check != CheckSignature {
		t.Fatalf("err %v, want signature", err)
	}
	if _, err := VerifyManifest(parts[EntrySignature], bytes.Repeat([]byte{' '}, 5<<20), withKey()); !errors.As(err, &be) || be.Check != CheckTooLarge {
		t.Fatalf("err %v, want too-large", err)
	}
}

// FuzzVerifyManifest feeds arbitrary signed pairs (what a client announces
// to the server) to VerifyManifest: never a panic, every failure an
// *Error, and nothing passes with the test key but the signed manifest.
func FuzzVerifyManifest(f *testing.F) {
	in, _ := fixture(f)
	parts := splitBundleF(f, build(f, in))
	v, err := VerifyManifest(parts[EntrySignature], parts[EntryManifest], withKey())
	if err != nil {
		f.Fatal(err)
	}
	want := v.ManifestSHA256
	f.Add(parts[EntrySignature], parts[EntryManifest])
	f.Add(parts[EntrySignature], []byte(`{}`))
	f.Add([]byte(`{"payloadType":"x","signatures":[]}`), parts[EntryManifest])
	f.Fuzz(func(t *testing.T, sig, man []byte) {
		v, err := VerifyManifest(sig, man, withKey())
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if v.ManifestSHA256 != want {
			t.Fatalf("accepted a manifest that was never signed: %s", v.ManifestSHA256)
		}
	})
}

func splitBundleF(f *testing.F, b []byte) map[string][]byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		f.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range zr.File {
		rc, _ := e.Open()
		out[e.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// A bundle rebuilt from its parts is byte-identical to the written one
// (same build), so it verifies exactly like it.
func TestWritePartsRebuildsTheContainer(t *testing.T) {
	in, _ := fixture(t)
	orig := build(t, in)
	parts := splitBundle(t, orig)
	v, err := VerifyManifest(parts[EntrySignature], parts[EntryManifest], withKey())
	if err != nil {
		t.Fatal(err)
	}
	bySHA := map[string][]byte{}
	for _, f := range v.Manifest.Files {
		bySHA[f.SHA256] = parts[f.Path]
	}
	var buf bytes.Buffer
	err = WriteParts(&buf, parts[EntryManifest], parts[EntrySignature], &v.Manifest, func(sha string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(bySHA[sha])), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), orig) {
		t.Fatalf("rebuilt container differs (%d vs %d bytes)", buf.Len(), len(orig))
	}
}
