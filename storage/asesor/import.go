package asesor

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// Extension is the bundle file extension looked for in folders.
const Extension = ".spbe"

// Import imports bundle files and every *.spbe file found in folders
// (recursively; hidden files such as an exporter's .partial leftovers are
// skipped). Each bundle is verified completely with storage/bundle, against
// the signer's key from the registry, before anything is stored; then it is
// stored in one transaction together with its answers (evidence and report
// files first, content-addressed, so a failed transaction leaves only
// unreferenced files). Verified bundles are stored in order of key and
// sequence, so the order of files on the stick does not matter.
//
// The returned error is a failure of the workspace itself (disk full, a
// damaged database); results then hold the bundles done so far.
func (w *Workspace) Import(ctx context.Context, paths []string, progress func(done, total int)) ([]intake.Outcome, error) {
	files, err := findBundles(paths)
	if err != nil {
		return nil, err
	}
	stick := findStickKeys(paths)
	w.mu.Lock()
	defer w.mu.Unlock()
	results := make([]intake.Outcome, len(files))
	var ok []*checked
	for i, p := range files {
		if err := ctx.Err(); err != nil {
			return results[:i], err
		}
		c, res, err := w.check(ctx, p, stick)
		if err != nil {
			return results[:i], err
		}
		results[i] = res
		if c != nil {
			c.index = i
			ok = append(ok, c)
		}
		if progress != nil {
			progress(i+1, 2*len(files))
		}
	}
	sort.SliceStable(ok, func(i, j int) bool {
		a, b := ok[i].v.Manifest, ok[j].v.Manifest
		if a.Signer.KeyID != b.Signer.KeyID {
			return a.Signer.KeyID < b.Signer.KeyID
		}
		return a.Sequence < b.Sequence
	})
	for n, c := range ok {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		res, err := w.store(ctx, c, results[c.index])
		results[c.index] = res
		if err != nil {
			return results, err
		}
		if progress != nil {
			progress(len(files)+n+1, 2*len(files))
		}
	}
	if progress != nil {
		progress(2*len(files), 2*len(files))
	}
	return results, nil
}

// findBundles expands folders into their *.spbe files, sorted; files named
// directly are taken whatever their extension.
func findBundles(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if abs, err := filepath.Abs(p); err == nil && !seen[abs] {
			seen[abs] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("tidak dapat membaca %s: %w", p, err)
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := strings.HasPrefix(d.Name(), ".") && q != p
			if d.IsDir() {
				if hidden {
					return filepath.SkipDir
				}
				return nil
			}
			if !hidden && d.Type().IsRegular() && strings.EqualFold(filepath.Ext(q), Extension) {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("tidak dapat membaca folder %s: %w", p, err)
		}
		sort.Strings(found)
		for _, q := range found {
			add(q)
		}
	}
	return out, nil
}

// checked is a bundle that passed verification, waiting to be stored.
type checked struct {
	index int
	path  string
	v     *bundle.Verified
	facts intake.Bundle // what the intake decision reads of v
	calc  *calcScore    // recomputed on the known catalog; nil without a library
}

// check verifies one file completely. A bundle that cannot be accepted
// whatever the registry's state gives (nil, rejected result, nil).
func (w *Workspace) check(ctx context.Context, path string, stick stickKeys) (*checked, intake.Outcome, error) {
	res := intake.Outcome{Path: path}
	f, err := infile.Open(path)
	if err != nil {
		return nil, res.Reject(intake.RejectUnreadable, fmt.Sprintf("berkas tidak dapat dibuka: %v", err)), nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, res.Reject(intake.RejectUnreadable, fmt.Sprintf("berkas tidak dapat dibaca: %v", err)), nil
	}
	// The key id in manifest.sig.json is only a lookup hint: Verify then
	// requires that exact key and checks the signature with it.
	hint := peekKeyID(f, fi.Size())
	key, err := w.hintedKey(ctx, hint)
	if err != nil {
		return nil, res, err
	}
	found, fromStick := stick[hint]
	fromStick = fromStick && key == nil // a registered key always wins
	v, err := bundle.Verify(f, fi.Size(), verifyOptions(key, found, fromStick))
	if err != nil {
		res.Check, res.Entry = checkOf(err)
		if raw, ok := rawOPDCode(err); ok {
			r, err := w.identityResult(ctx, res, raw, key, hint, "bundel tidak sah: "+err.Error())
			return nil, r, err
		}
		return nil, res.Reject(intake.RejectInvalid, "bundel tidak sah: "+err.Error()), nil
	}
	res = describe(res, v)
	if code, reason := intake.Storable(bundleFacts(v)); code != "" {
		return nil, res.Reject(code, reason), nil
	}
	if key == nil || !v.SignerKnown {
		return w.unregisteredSigner(ctx, path, v, res, found, fromStick)
	}
	return w.checked(path, v, res)
}

// verifyOptions require the registered key, else the key file from the
// stick that names the same key id; without either the signer is unknown.
func verifyOptions(key *assessment.RegisteredKey, found stickKey, fromStick bool) bundle.Options {
	var opt bundle.Options
	switch {
	case key != nil:
		opt.Keys = []ed25519.PublicKey{key.PublicKey}
	case fromStick:
		opt.Keys = []ed25519.PublicKey{found.id.PublicKey}
	}
	return opt
}

// unregisteredSigner decides a valid bundle whose signer is not in the
// registry by the intake decision (KUNCI BERBEDA when its OPD has another
// key, else unknown), except that an unknown key is adopted from the key
// file beside the bundle when that file verified it.
func (w *Workspace) unregisteredSigner(ctx context.Context, path string, v *bundle.Verified, res intake.Outcome, found stickKey, fromStick bool) (*checked, intake.Outcome, error) {
	pool, err := w.db()
	if err != nil {
		return nil, res, err
	}
	live, err := opdKeyFacts(ctx, pool, v.Manifest.OPD.Kode)
	if err != nil {
		return nil, res, w.classify(err)
	}
	d := intake.Decide(bundleFacts(v), intake.Registry{OPDKeys: live})
	if d.Code == intake.RejectUnknownKey && fromStick && v.SignerKnown {
		return w.adoptStickKey(ctx, path, v, res, found)
	}
	return nil, res.Apply(d), nil
}

// checked is the last step of check: the catalog, for a bundle whose
// signer is registered.
func (w *Workspace) checked(path string, v *bundle.Verified, res intake.Outcome) (*checked, intake.Outcome, error) {
	c := &checked{path: path, v: v, facts: bundleFacts(v)}
	if w.lib != nil {
		s, r, ok := w.checkCatalog(res, v)
		if !ok {
			return nil, r, nil
		}
		c.calc = &s
	}
	return c, res, nil
}

// hintedKey is the registered key with the id the bundle names (nil when
// there is no hint or no such key).
func (w *Workspace) hintedKey(ctx context.Context, hint string) (*assessment.RegisteredKey, error) {
	if hint == "" {
		return nil, nil
	}
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	k, err := keyByID(ctx, pool, hint)
	switch {
	case err == nil:
		return &k, nil
	case !errors.Is(err, assessment.ErrNotFound):
		return nil, w.classify(err)
	}
	return nil, nil
}

// identityResult rejects a bundle the verifier refused for its OPD code
// raw: KUNCI BERBEDA when the code (or a variant of it) is bound to
// another key (intake.KeyBinding), else the verifier's reason.
func (w *Workspace) identityResult(ctx context.Context, res intake.Outcome, raw string, key *assessment.RegisteredKey, keyID, reason string) (intake.Outcome, error) {
	pool, err := w.db()
	if err != nil {
		return res, err
	}
	res.OPDKode = intake.VisibleCode(raw)
	live, err := opdKeyFacts(ctx, pool, raw)
	if err != nil {
		return res, w.classify(err)
	}
	var signer *intake.Key
	if key != nil {
		k := keyFacts(*key)
		signer = &k
	}
	if code, why, stop := intake.KeyBinding(raw, signer, keyID, live); stop {
		res.Check, res.Entry = "", ""
		return res.Reject(code, why), nil
	}
	return res.Reject(intake.RejectInvalid, reason), nil
}

func describe(res intake.Outcome, v *bundle.Verified) intake.Outcome {
	m := v.Manifest
	res.BundleID, res.OPDKode, res.OPDNama, res.Periode, res.Sequence = m.BundleID, m.OPD.Kode, m.OPD.Nama, m.Periode, m.Sequence
	res.ManifestSHA256, res.KeyID, res.Fingerprint = v.ManifestSHA256, m.Signer.KeyID, m.Signer.Fingerprint
	return res
}

// checkOf extracts the verifier's check and entry.
func checkOf(err error) (check, entry string) {
	var be *bundle.Error
	if errors.As(err, &be) {
		return be.CheckName(), be.EntryName()
	}
	return "", ""
}

// peekKeyID reads the first signature's key id from manifest.sig.json
// without trusting anything: "" when it cannot be found.
func peekKeyID(r io.ReaderAt, size int64) string {
	zr, err := bundle.OpenZip(r, size, bundle.DefaultLimits) // bounded before the directory is read
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		if f.Name != bundle.EntrySignature {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return ""
		}
		data, _ := io.ReadAll(io.LimitReader(rc, bundle.DefaultLimits.MaxSignatureSize))
		rc.Close()
		var env struct {
			Signatures []struct {
				KeyID string `json:"keyid"`
			} `json:"signatures"`
		}
		if json.Unmarshal(data, &env) != nil || len(env.Signatures) == 0 {
			return ""
		}
		return env.Signatures[0].KeyID
	}
	return ""
}

// bundleFacts is what the intake decision reads of a verified bundle.
func bundleFacts(v *bundle.Verified) intake.Bundle {
	m, a := v.Manifest, v.Answers
	b := intake.Bundle{BundleID: m.BundleID, ManifestSHA256: v.ManifestSHA256, OPDKode: m.OPD.Kode, Periode: m.Periode,
		Sequence: m.Sequence, KeyID: m.Signer.KeyID, Fingerprint: m.Signer.Fingerprint, CreatedAt: m.CreatedAt,
		Answers: len(a.Answers), Score: intake.ScoreClaim{Index: a.Score.Index, Answered: a.Score.Answered, Total: a.Score.Total}}
	if m.Supersedes != nil {
		b.Supersedes = &intake.Ref{BundleID: m.Supersedes.BundleID, ManifestSHA256: m.Supersedes.ManifestSHA256}
	}
	return b
}

// decide reads the registry state of a verified bundle and applies the
// intake decision to it.
func (w *Workspace) decide(ctx context.Context, q querier, b intake.Bundle) (intake.Decision, error) {
	r, err := registryState(ctx, q, b)
	if err != nil {
		return intake.Decision{}, err
	}
	r.Now = w.now()
	return intake.Decide(b, r), nil
}

// registryState reads what intake.Decide needs to know about the
// workspace for bundle b.
func registryState(ctx context.Context, q querier, b intake.Bundle) (intake.Registry, error) {
	var r intake.Registry
	var err error
	if r.Stored, err = storedRef(ctx, q, b); err != nil {
		return r, err
	}
	key, err := keyByID(ctx, q, b.KeyID)
	switch {
	case err == nil:
		k := keyFacts(key)
		r.Signer = &k
	case !errors.Is(err, assessment.ErrNotFound):
		return r, err
	}
	if r.OPDKeys, err = opdKeyFacts(ctx, q, b.OPDKode); err != nil {
		return r, err
	}
	if r.RegisteredCode, err = registeredCode(ctx, q, b.OPDKode); err != nil {
		return r, err
	}
	if r.Accepted, err = acceptedRef(ctx, q, b.OPDKode, b.Periode); err != nil {
		return r, err
	}
	r.Earlier, err = earlierVersion(ctx, q, b)
	return r, err
}

// storedRef is a stored bundle with b's manifest or, failing that, b's
// bundle id; nil when there is none.
func storedRef(ctx context.Context, q querier, b intake.Bundle) (*intake.Ref, error) {
	var ref intake.Ref
	err := q.QueryRowContext(ctx, `SELECT bundle_id, manifest_sha256 FROM bundle WHERE manifest_sha256 = ? OR bundle_id = ?
		ORDER BY manifest_sha256 = ? DESC LIMIT 1`, b.ManifestSHA256, b.BundleID, b.ManifestSHA256).Scan(&ref.BundleID, &ref.ManifestSHA256)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &ref, err
}

// acceptedRef is the accepted bundle of an OPD and periode, nil if none.
func acceptedRef(ctx context.Context, q querier, kode string, periode int) (*intake.Ref, error) {
	var ref intake.Ref
	err := q.QueryRowContext(ctx, `SELECT bundle_id, manifest_sha256 FROM bundle WHERE opd_kode = ? AND periode = ? AND status = 'accepted'`,
		kode, periode).Scan(&ref.BundleID, &ref.ManifestSHA256)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &ref, err
}

// store applies the intake decision and stores a verified bundle
// all-or-nothing. Callers hold mu.
func (w *Workspace) store(ctx context.Context, c *checked, res intake.Outcome) (intake.Outcome, error) {
	pool, err := w.db()
	if err != nil {
		return res, err
	}
	d, err := w.decide(ctx, pool, c.facts)
	if err != nil {
		return res, w.classify(err)
	}
	if !d.Stores() {
		return res.Apply(d), nil
	}
	st, err := w.stage(ctx, c)
	if err != nil {
		var rj *rejection
		if errors.As(err, &rj) {
			return res.Reject(intake.RejectUnreadable, rj.msg), nil
		}
		return res, err
	}
	err = w.write(ctx, func(tx *sql.Tx) error {
		// Re-decided inside the transaction: the workspace lock makes it
		// the same answer, the transaction makes it binding.
		d, err = w.decide(ctx, tx, c.facts)
		if err != nil || !d.Stores() {
			return err
		}
		return w.insert(ctx, tx, c, d, st)
	})
	if sqlitedb.IsConstraint(err) {
		// A value intake.Storable did not foresee: this bundle is refused,
		// the batch goes on (the transaction rolled back; its blobs stay
		// unreferenced, as after any failed transaction).
		return res.Reject(intake.RejectOutOfRange, "bundel memuat nilai yang tidak dapat disimpan; bundel tidak disimpan, "+
			"minta OPD mengekspor ulang dengan SPBE Mandiri resmi"), nil
	}
	if err != nil {
		return res, err
	}
	return res.Apply(d), nil
}

// insert writes the bundle rows. The blobs are already in place.
func (w *Workspace) insert(ctx context.Context, tx *sql.Tx, c *checked, d intake.Decision, st staged) error {
	m, a, now := c.v.Manifest, c.v.Answers, w.nowText()
	if err := bindOnImport(ctx, tx, m.OPD.Kode, m.Signer.KeyID); err != nil {
		return err
	}
	for _, b := range st.blobs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO blob (sha256, size, media_type, added_at) VALUES (?, ?, ?, ?)`,
			b.SHA256, b.Size, b.MediaType, now); err != nil {
			return err
		}
	}
	if d.Supersedes != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE bundle SET status = 'superseded' WHERE bundle_id = ?`, d.Supersedes); err != nil {
			return err
		}
	}
	status := "accepted"
	if d.Kind == intake.KindConflict {
		status = "conflict"
	}
	var supID, supSHA any
	if m.Supersedes != nil {
		supID, supSHA = m.Supersedes.BundleID, m.Supersedes.ManifestSHA256
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO bundle (bundle_id, manifest_sha256, opd_kode, opd_nama, instansi, periode, sequence, keyid,
		content_digest, supersedes_id, supersedes_sha256, status, created_at, imported_at, source_name, score_index, predicate, complete,
		answered, total, catalog_id, catalog_version, catalog_sha256, report_sha256, manifest, signature)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.BundleID, c.v.ManifestSHA256, m.OPD.Kode, m.OPD.Nama, m.Instansi, m.Periode, int64(m.Sequence), m.Signer.KeyID,
		m.ContentDigest, supID, supSHA, status, m.CreatedAt, now, filepath.Base(c.path), a.Score.Index, a.Score.Predicate,
		a.Score.Complete, a.Score.Answered, a.Score.Total, m.Catalog.ID, m.Catalog.Version, m.Catalog.SHA256, m.Report.SHA256,
		st.manifest, st.signature)
	if err != nil {
		return err
	}
	if c.calc != nil {
		if err := setCalc(ctx, tx, m.BundleID, *c.calc); err != nil {
			return err
		}
	}
	return insertAnswers(ctx, tx, m, a)
}

// insertAnswers stores the answers and their evidence links. The evidence
// name stored (and shown by review, recap and the GUI) is the one the
// signed manifest binds to the file — the name `verify` shows — not the
// link's copy in answers.json, which the exporter does not clean and
// which may differ.
func insertAnswers(ctx context.Context, tx *sql.Tx, m bundle.Manifest, a bundle.Answers) error {
	names := make(map[string]string, len(m.Files))
	for _, f := range m.Files {
		names[f.Path] = f.OriginalName
	}
	for _, ans := range a.Answers {
		if _, err := tx.ExecContext(ctx, `INSERT INTO bundle_answer (bundle_id, indicator, level, justification) VALUES (?, ?, ?, ?)`,
			m.BundleID, ans.Indicator, ans.Level, ans.Justification); err != nil {
			return err
		}
		for i, e := range ans.Evidence {
			if _, err := tx.ExecContext(ctx, `INSERT INTO bundle_evidence (bundle_id, indicator, pos, sha256, level, note, original_name)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, m.BundleID, ans.Indicator, i, e.SHA256, e.Level, e.Note, names[e.Path]); err != nil {
				return err
			}
		}
		if err := insertItemsAndExternal(ctx, tx, m.BundleID, ans); err != nil {
			return err
		}
	}
	return nil
}
