package cli

import (
	"errors"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

// StoredBundle is one stored bundle in `bundles --json` (the JSON
// encoding of assessment.ReviewBundle; its keys are the CLI's contract).
type StoredBundle struct {
	BundleID     string    `json:"bundle_id"`
	OPDKode      string    `json:"opd_kode"`
	OPDNama      string    `json:"opd_nama"`
	Periode      int       `json:"periode"`
	Sequence     uint64    `json:"sequence"`
	Status       string    `json:"status"` // accepted | superseded | conflict
	KeyStatus    string    `json:"key_status"`
	CreatedAt    string    `json:"created_at"`
	ImportedAt   time.Time `json:"imported_at"`
	Index        string    `json:"index"`
	Predicate    string    `json:"predicate"`
	ClaimedIndex string    `json:"claimed_index"`
}

func storedBundle(b assessment.ReviewBundle) StoredBundle {
	return StoredBundle{BundleID: b.BundleID, OPDKode: b.OPDKode, OPDNama: b.OPDNama, Periode: b.Periode,
		Sequence: b.Sequence, Status: b.Status, KeyStatus: string(b.KeyStatus), CreatedAt: b.CreatedAt,
		ImportedAt: b.Imported, Index: b.Index, Predicate: b.Predicate, ClaimedIndex: b.ClaimedIndex}
}

// errNoAsesor is returned when the build has no assessor workspace.
var errNoAsesor = errors.New("ruang kerja asesor tidak tersedia di lingkungan ini")

// hasAsesor refuses a command when the build has no assessor workspace
// (checked where the command starts; the workspace itself is opened only
// once the arguments are known good, so a usage error creates nothing).
func hasAsesor(env *Env) error {
	if env.OpenAsesor == nil {
		return errNoAsesor
	}
	return nil
}

// withAsesor opens the assessor workspace <data>/asesor of the data
// folder dataDir ("" = the default), runs fn on it and closes it: the
// workspace is locked only while one command runs. The result is fn's
// exit code, or ExitError when the workspace does not open or close.
func withAsesor(env *Env, dataDir string, fn func(asesorport.Workspace) int) int {
	if env.OpenAsesor == nil {
		return fail(env, errNoAsesor)
	}
	ws, err := env.OpenAsesor(dataDir)
	if err != nil {
		return fail(env, err)
	}
	code := fn(ws)
	if err := ws.Close(); err != nil && code == ExitOK {
		return fail(env, err)
	}
	return code
}

// keyStatusLabel is the Bahasa Indonesia word for a key status.
func keyStatusLabel(s string) string { return assessment.KeyStatus(s).Label() }

// callAsesor opens the workspace of dataDir, runs fn and closes it: for
// a command that makes one call. The error is fn's, else the close's.
func callAsesor[T any](env *Env, dataDir string, fn func(asesorport.Workspace) (T, error)) (out T, err error) {
	if env.OpenAsesor == nil {
		return out, errNoAsesor
	}
	ws, err := env.OpenAsesor(dataDir)
	if err != nil {
		return out, err
	}
	out, err = fn(ws)
	if cerr := ws.Close(); err == nil {
		err = cerr
	}
	return out, err
}

// doAsesor is callAsesor for a call that returns only an error.
func doAsesor(env *Env, dataDir string, fn func(asesorport.Workspace) error) error {
	_, err := callAsesor(env, dataDir, func(ws asesorport.Workspace) (struct{}, error) { return struct{}{}, fn(ws) })
	return err
}
