// Package outbox is the OPD's queue of exported bundles waiting for the
// collection server: a folder <data>/outbox with a copy of each bundle
// (the stick copy may be gone) and a small state file beside it. Pushing
// goes in key and sequence order, one bundle at a time (skipping an
// intermediate version would turn the next into a konflik). A bundle the
// server decided or refused leaves the queue; its state file — with the
// server's signed receipt — stays as the OPD's proof.
//
// A folder, not a table: the outbox must survive a damaged database, and
// needs no schema migration on the desktop.
package outbox

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// DirName is the outbox folder inside the data folder.
const DirName = "outbox"

// Outbox is one data folder's queue.
type Outbox struct{ dir string }

// Open returns the outbox of a data folder (created on first Add).
func Open(dataDir string) Outbox { return Outbox{dir: filepath.Join(dataDir, DirName)} }

// state is the file <bundle>.state.json.
type state struct {
	Name     string `json:"name"`
	BundleID string `json:"bundle_id"`
	KeyID    string `json:"keyid"`
	Sequence uint64 `json:"sequence"`
	State    string `json:"state"` // queued | sending | done | rejected
	Attempts int    `json:"attempts"`
	Outcome  string `json:"outcome,omitempty"`
	Code     string `json:"code,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Receipt  []byte `json:"receipt,omitempty"`
	Updated  string `json:"updated_at"`
}

// Add queues a copy of an exported bundle file (again: no-op).
func (o Outbox) Add(path string) error {
	m, err := readManifest(path)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.dir, 0o700); err != nil {
		return err
	}
	name := filepath.Base(path)
	dst := filepath.Join(o.dir, name)
	if _, err := os.Stat(o.statePath(name)); err == nil {
		return nil
	}
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	if _, err := atomicfile.Write(dst, atomicfile.Options{Replace: true}, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	}); err != nil {
		return err
	}
	return o.save(state{Name: name, BundleID: m.BundleID, KeyID: m.Signer.KeyID, Sequence: m.Sequence, State: "queued"})
}

func (o Outbox) statePath(name string) string { return filepath.Join(o.dir, name+".state.json") }

func (o Outbox) save(s state) error {
	s.Updated = time.Now().UTC().Format(time.RFC3339)
	data, _ := json.MarshalIndent(s, "", "  ")
	return atomicfile.WriteFile(o.statePath(s.Name), append(data, '\n'), atomicfile.Options{Replace: true})
}

// Items lists every bundle the outbox knows, queued first, each group in
// key and sequence order.
func (o Outbox) Items() ([]syncapi.OutboxItem, error) {
	ss, err := o.states()
	if err != nil {
		return nil, err
	}
	out := make([]syncapi.OutboxItem, len(ss))
	for i, s := range ss {
		out[i] = syncapi.OutboxItem{Name: s.Name, BundleID: s.BundleID, State: s.State, Attempts: s.Attempts,
			Outcome: s.Outcome, Code: s.Code, Reason: s.Reason, Receipt: s.Receipt, Updated: s.Updated}
	}
	return out, nil
}

func (o Outbox) states() ([]state, error) {
	names, err := filepath.Glob(filepath.Join(o.dir, "*.state.json"))
	if err != nil {
		return nil, err
	}
	var out []state
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		var s state
		if err := json.Unmarshal(data, &s); err != nil {
			return nil, fmt.Errorf("%s rusak: %w", n, err)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.State == "done" || a.State == "rejected") != (b.State == "done" || b.State == "rejected") {
			return b.State == "done" || b.State == "rejected"
		}
		if a.KeyID != b.KeyID {
			return a.KeyID < b.KeyID
		}
		return a.Sequence < b.Sequence
	})
	return out, nil
}

// Push sends the queued bundles in order. It stops at the first one the
// server cannot be reached for (the later ones wait behind it: sequence
// order); a decided or refused bundle leaves the queue. report is called
// after each bundle.
func (o Outbox) Push(ctx context.Context, cfg syncclient.Config, report func(syncapi.OutboxItem)) error {
	ss, err := o.states()
	if err != nil {
		return err
	}
	for _, s := range ss {
		if s.State == "done" || s.State == "rejected" {
			continue
		}
		if err := o.pushOne(ctx, cfg, s, report); err != nil {
			return err
		}
	}
	return nil
}

func (o Outbox) pushOne(ctx context.Context, cfg syncclient.Config, s state, report func(syncapi.OutboxItem)) error {
	s.State, s.Attempts = "sending", s.Attempts+1
	if err := o.save(s); err != nil {
		return err
	}
	res, err := syncclient.Push(ctx, cfg, filepath.Join(o.dir, s.Name))
	if err != nil {
		s.State, s.Reason = "queued", err.Error()
		_ = o.save(s)
		return err
	}
	a := res.Answer
	if a.Error != nil && a.Error.Code == syncapi.CodeUnknownKey {
		// Menunggu kunci: the Tim Asesor has not registered this key on
		// the server yet. The server holds nothing and never trusts a key
		// by itself; the bundle stays queued (nothing but the manifest was
		// sent) and is decided on a push after the registry arrives.
		s.State, s.Code, s.Reason = "queued", a.Error.Code, a.Error.Reason
		if err := o.save(s); err != nil {
			return err
		}
		o.report(s.Name, report)
		return nil
	}
	s.Outcome, s.Receipt, s.Code, s.Reason = a.Outcome, a.Receipt, "", ""
	s.State = "done"
	if a.Error != nil {
		s.State, s.Code, s.Reason = "rejected", a.Error.Code, a.Error.Reason
	}
	if err := o.save(s); err != nil {
		return err
	}
	_ = os.Remove(filepath.Join(o.dir, s.Name)) // the receipt (or refusal) is kept in the state file
	o.report(s.Name, report)
	return nil
}

// report hands the entry name to report (nil: nobody listens).
func (o Outbox) report(name string, report func(syncapi.OutboxItem)) {
	if report == nil {
		return
	}
	items, _ := o.Items()
	for _, it := range items {
		if it.Name == name {
			report(it)
		}
	}
}

// readManifest reads manifest.json of a bundle file (unverified: only for
// the queue's order; the server verifies).
func readManifest(path string) (bundle.Manifest, error) {
	var m bundle.Manifest
	zr, err := zip.OpenReader(path)
	if err != nil {
		return m, fmt.Errorf("%s bukan bundel SPBE: %w", path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != bundle.EntryManifest {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return m, err
		}
		defer rc.Close()
		err = json.NewDecoder(io.LimitReader(rc, bundle.DefaultLimits.MaxManifestSize)).Decode(&m)
		return m, err
	}
	return m, errors.New(path + " tidak memuat manifest.json")
}
