package bundle

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// entryTime is the fixed Modified time of every entry, so the same inputs
// give byte-identical bundles.
var entryTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// copyBufSize is the streaming buffer: memory use does not depend on
// evidence size.
const copyBufSize = 1 << 20

// Input is everything one bundle is made from. Same Input + same key →
// byte-identical bundle (with the same build of the program).
type Input struct {
	BundleID   string // UUIDv7 chosen by the caller
	CreatedAt  time.Time
	Sequence   uint64
	Supersedes *Supersedes
	App        App
	Snapshot   assessment.Snapshot
	// OpenBlob opens a stored evidence file by SHA-256.
	OpenBlob func(sha256 string) (io.ReadCloser, error)
	// Report renders report.pdf once the content digest is known.
	Report RenderReport
	// Progress, if set, is called with the bytes of evidence copied so far
	// and the total.
	Progress func(done, total int64)
}

// RenderReport renders the PDF report with the footer info; it returns the
// PDF bytes and the hex SHA-256 of the PDF signing certificate ("" if the
// PDF is not signed).
type RenderReport func(info ReportInfo) (pdf []byte, certSHA256 string, err error)

// ReportInfo is what the PDF footer prints.
type ReportInfo struct {
	BundleID, OPDKode, OPDNama, Instansi string
	Periode                              int
	Sequence                             uint64
	ContentDigest                        string
	KeyID, Fingerprint                   string
	CreatedAt                            time.Time
}

// Result describes a written bundle.
type Result struct {
	BundleID       string
	Sequence       uint64
	ManifestSHA256 string
	ContentDigest  string
	KeyID          string
	Fingerprint    string
	Files          int   // entries besides manifest and signature
	Size           int64 // bytes written
}

// Write writes the signed bundle to w. Evidence is streamed from OpenBlob
// and checked against its recorded SHA-256 and size while it is copied.
// Cancelling ctx stops it between chunks.
func Write(ctx context.Context, w io.Writer, in Input, priv ed25519.PrivateKey) (Result, error) {
	p, err := plan(in, priv)
	if err != nil {
		return Result{}, err
	}
	return p.write(ctx, w, in)
}

// write streams the planned bundle to w.
func (p *planned) write(ctx context.Context, w io.Writer, in Input) (Result, error) {
	cw := &countWriter{w: w}
	bw := bufio.NewWriterSize(cw, copyBufSize)
	prog := &progress{ctx: ctx, report: in.Progress}
	for _, f := range p.evidence {
		prog.total += f.Size
	}
	if err := p.writeZip(bw, in.OpenBlob, prog); err != nil {
		return Result{}, err
	}
	if err := bw.Flush(); err != nil {
		return Result{}, err
	}
	res := p.result
	res.Size = cw.n
	return res, nil
}

// planned is a bundle whose manifest is signed and whose entries are known.
type planned struct {
	manifest, signature, answers, report []byte
	evidence                             []File
	result                               Result
}

func (p *planned) writeZip(w io.Writer, open func(string) (io.ReadCloser, error), prog *progress) error {
	zw := zip.NewWriter(w)
	for _, e := range []struct {
		name   string
		data   []byte
		method uint16
	}{
		{EntryManifest, p.manifest, zip.Deflate},
		{EntrySignature, p.signature, zip.Deflate},
		{EntryAnswers, p.answers, zip.Deflate},
		{EntryReport, p.report, zip.Store},
	} {
		ew, err := createEntry(zw, e.name, e.method)
		if err != nil {
			return err
		}
		if _, err := ew.Write(e.data); err != nil {
			return err
		}
	}
	buf := make([]byte, copyBufSize)
	for _, f := range p.evidence {
		if err := copyEvidence(zw, f, open, buf, prog); err != nil {
			return err
		}
	}
	return zw.Close()
}

func createEntry(zw *zip.Writer, name string, method uint16) (io.Writer, error) {
	h := &zip.FileHeader{Name: name, Method: method, Modified: entryTime}
	h.SetMode(0o644)
	return zw.CreateHeader(h)
}

// copyEvidence streams one evidence file into the ZIP, hashing it on the way.
func copyEvidence(zw *zip.Writer, f File, open func(string) (io.ReadCloser, error), buf []byte, prog *progress) error {
	rc, err := open(f.SHA256)
	if err != nil {
		return &Error{Entry: f.Path, Check: CheckEvidence, Detail: err.Error(), Err: err}
	}
	defer rc.Close()
	ew, err := createEntry(zw, f.Path, zip.Store)
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.CopyBuffer(io.MultiWriter(ew, h, prog), io.LimitReader(rc, f.Size+1), buf)
	if err != nil {
		if cerr := prog.ctx.Err(); cerr != nil {
			return cerr
		}
		return fmt.Errorf("menyalin %s: %w", f.Path, err)
	}
	if n != f.Size || hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		return fail(f.Path, CheckEvidence, "isi (%d byte) tidak sama dengan yang tercatat (%d byte, sha256 %.12s…)", n, f.Size, f.SHA256)
	}
	return nil
}

// progress counts evidence bytes, reports them and stops on cancellation.
type progress struct {
	ctx         context.Context
	report      func(done, total int64)
	done, total int64
}

func (p *progress) Write(b []byte) (int, error) {
	if err := p.ctx.Err(); err != nil {
		return 0, err
	}
	p.done += int64(len(b))
	if p.report != nil {
		p.report(p.done, p.total)
	}
	return len(b), nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// signerOf is the signer block for a private key.
func signerOf(priv ed25519.PrivateKey) Signer {
	pub := priv.Public().(ed25519.PublicKey)
	return Signer{KeyID: keys.KeyID(pub), Fingerprint: keys.Fingerprint(pub)}
}
