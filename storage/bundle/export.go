package bundle

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// Log is the export log the Exporter reads and appends to (the storage
// package's export table, adapted in main). An export is logged pending
// before anything of it is written, and settled afterwards; see
// docs/storage.md, "Export log and reconciliation".
type Log interface {
	// Supersedes is the newest published export of the OPD and periode,
	// nil if none.
	Supersedes(ctx context.Context, opdKode string, periode int) (*Supersedes, error)
	// MaxSequence is the highest sequence logged for the key, in any
	// state (0 if none).
	MaxSequence(ctx context.Context, keyID string) (uint64, error)
	// Begin logs the export as pending (Path is the final name).
	Begin(ctx context.Context, e Exported) error
	// Publish marks a pending export published (at e.Path, e.Size bytes).
	Publish(ctx context.Context, e Exported) error
	// Abandon settles a pending export that was not published: release
	// deletes it (nothing was written; its sequence is free again),
	// otherwise it stays, abandoned, with its sequence used.
	Abandon(ctx context.Context, e Exported, release bool) error
	// Pending lists the exports logged pending, oldest first.
	Pending(ctx context.Context) ([]Exported, error)
}

// Exported describes a bundle published into a folder.
type Exported struct {
	Result
	AssessmentID string
	OPDKode      string
	Periode      int
	Path         string
	CreatedAt    time.Time
	Supersedes   *Supersedes
}

// Exporter writes signed bundles of assessments into folders.
type Exporter struct {
	Key    *keys.Key
	Keys   keys.Dir // holds the sequence counter
	Log    Log
	App    App
	Report func(snap assessment.Snapshot, info ReportInfo) (pdf []byte, certSHA256 string, err error)
	Now    func() time.Time // nil: time.Now

	create      func(dir, pattern string) (destFile, error) // nil: os.CreateTemp; tests inject failures
	afterRename func()                                      // tests: a crash right after the rename
	syncDir     func(dir string) error                      // nil: atomicfile.SyncDir; tests inject EIO
}

// Export writes the bundle of snap into the folder dir atomically: a
// hidden temp file in dir, fsync, rename to SPBE_<KODE>_<periode>_<seq>.spbe,
// fsync of dir. An interrupted export never leaves a file under the final
// name. Exports a crash left pending are reconciled first (Reconcile, also
// looking in dir). The export is logged pending before the destination is
// touched and published after the rename; an export that fails before
// anything was written leaves no trace and its sequence is used by the
// next one.
func (e *Exporter) Export(ctx context.Context, snap assessment.Snapshot, open func(sha256 string) (io.ReadCloser, error),
	dir string, progress func(done, total int64),
) (Exported, error) {
	if err := checkDir(dir); err != nil {
		return Exported{}, err
	}
	if err := checkProfileCode(snap.Profile.OPDKode); err != nil {
		return Exported{}, err
	}
	if _, err := Reconcile(ctx, e.Log, dir); err != nil {
		return Exported{}, fmt.Errorf("memeriksa riwayat ekspor: %w", err)
	}
	in, err := e.input(ctx, snap, open, progress)
	if err != nil {
		return Exported{}, err
	}
	final := filepath.Join(dir, FileName(snap.Profile.OPDKode, snap.Assessment.Periode, in.Sequence))
	out := Exported{AssessmentID: snap.Assessment.ID, OPDKode: snap.Profile.OPDKode,
		Periode: snap.Assessment.Periode, Path: final, CreatedAt: in.CreatedAt, Supersedes: in.Supersedes}
	res, stage, err := e.publish(ctx, dir, final, in, func(r Result) error {
		out.Result = r
		return e.Log.Begin(ctx, out)
	})
	if res.BundleID != "" {
		out.Result = res
	}
	return e.settle(ctx, out, stage, err)
}

// settle records in the log how the publication ended and says, when the
// bundle is in place, that it is saved.
func (e *Exporter) settle(ctx context.Context, out Exported, stage publishStage, err error) (Exported, error) {
	switch {
	case err == nil:
		if lerr := e.Log.Publish(context.WithoutCancel(ctx), out); lerr != nil {
			return out, fmt.Errorf("bundel %s tersimpan dan sah, tetapi catatannya di riwayat ekspor belum selesai (%v); "+
				"catatan itu diselesaikan otomatis saat SPBE Mandiri dibuka lagi", out.Path, lerr)
		}
		return out, nil
	case stage == stageNone:
		return Exported{}, err
	case stage == stageRenamed:
		// In place but not confirmed durable: it stays pending, and the
		// next start or export looks at it again.
		return out, fmt.Errorf("bundel %s tersimpan, tetapi media tujuan belum memastikan penyimpanannya (%v); "+
			"keluarkan flashdisk dengan aman (eject) sebelum dicabut — SPBE Mandiri memeriksanya lagi saat dibuka", out.Path, errors.Unwrap(err))
	}
	if aerr := e.Log.Abandon(context.WithoutCancel(ctx), out, releaseOnFailure(stage)); aerr != nil {
		// The row stays pending; reconciliation settles it later.
		return Exported{}, errors.Join(err, fmt.Errorf("riwayat ekspor: %w", aerr))
	}
	return Exported{}, err
}

// input gathers what the bundle is made of and picks its sequence (it is
// marked used only once the destination holds the temp file).
func (e *Exporter) input(ctx context.Context, snap assessment.Snapshot, open func(string) (io.ReadCloser, error), progress func(done, total int64)) (Input, error) {
	sup, err := e.Log.Supersedes(ctx, snap.Profile.OPDKode, snap.Assessment.Periode)
	if err != nil {
		return Input{}, fmt.Errorf("membaca riwayat ekspor: %w", err)
	}
	floor, err := e.Log.MaxSequence(ctx, e.Key.KeyID)
	if err != nil {
		return Input{}, fmt.Errorf("membaca riwayat ekspor: %w", err)
	}
	seq, err := e.Keys.NextSequence(e.Key.KeyID, floor)
	if err != nil {
		return Input{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Input{}, err
	}
	now := time.Now
	if e.Now != nil {
		now = e.Now
	}
	return Input{
		BundleID: id.String(), CreatedAt: now().UTC().Truncate(time.Second), Sequence: seq, Supersedes: sup,
		App: e.App, Snapshot: snap, OpenBlob: open, Progress: progress,
		Report: func(info ReportInfo) ([]byte, string, error) { return e.Report(snap, info) },
	}, nil
}

// FileName is SPBE_<KODE>_<periode>_<seq>.spbe with the OPD code reduced
// by SafeName.
func FileName(kode string, periode int, seq uint64) string {
	return fmt.Sprintf("SPBE_%s_%d_%d.spbe", SafeName(kode), periode, seq)
}

// SafeName reduces an OPD code to A–Z, 0–9 and '-' for a file name on any
// stick ("OPD" when nothing is left).
func SafeName(kode string) string {
	k := strings.Map(func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return '-'
	}, kode)
	if k = strings.Trim(k, "-"); k == "" {
		k = "OPD"
	}
	return k
}

// checkProfileCode refuses, before a sequence number is reserved, a
// profile whose OPD code no bundle can carry (saved by an older version,
// e.g. "dinas kominfo": the QR text refuses the space), with the rule and
// where to fix it instead of a failure deep in the PDF.
func checkProfileCode(kode string) error {
	if err := assessment.CheckOPDCode(kode); err != nil {
		return &Error{Check: CheckInput, Err: err, Detail: "profil OPD: " + err.Error() +
			"; perbaiki Kode OPD di Profil OPD (atau `spbe-mandiri init`), lalu ekspor lagi"}
	}
	return nil
}

func checkDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return destError(dir, err)
	}
	if !st.IsDir() {
		return &DestinationError{Dir: dir, Reason: DestNotFolder}
	}
	return nil
}

// errExists is returned when the final name is taken.
var errExists = errors.New("exists")
