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
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// Outcome is what importing one bundle did.
type Outcome string

// Outcomes, as the assessor reads them.
const (
	OutcomeNew        Outcome = "baru"          // first bundle of this OPD + periode
	OutcomeDuplicate  Outcome = "sudah diimpor" // identical manifest already stored: nothing done
	OutcomeNewVersion Outcome = "versi baru"    // supersedes the last accepted one, which is now superseded
	OutcomeConflict   Outcome = "konflik"       // same OPD + periode, different content, not superseding: both kept
	OutcomeRejected   Outcome = "ditolak"       // nothing stored; Reason says why
)

// Reason codes of a rejection (stable, for scripts).
const (
	RejectInvalid      = "invalid"       // the verifier refused the bundle (Check, Entry)
	RejectUnknownKey   = "unknown-key"   // signer not in the key registry
	RejectRevokedKey   = "revoked-key"   // signer revoked
	RejectDifferentKey = "different-key" // KUNCI BERBEDA
	RejectSequence     = "sequence"      // replayed or lower sequence for the key
	RejectBundleID     = "bundle-id"     // bundle id reused with other content
	RejectUnreadable   = "unreadable"    // the file could not be read
)

// Result is the outcome of one bundle file.
type Result struct {
	Path    string
	Outcome Outcome
	// Code and Reason explain a rejection; Check and Entry are the
	// verifier's for RejectInvalid.
	Code, Reason, Check, Entry string

	BundleID       string
	OPDKode        string
	OPDNama        string
	Periode        int
	Sequence       uint64
	ManifestSHA256 string
	KeyID          string
	Fingerprint    string
	KeyStatus      KeyStatus // at import time; pending means the bundle is not final
	// KeyFromStick: the signer's key was registered by this import from
	// the KUNCI_PUBLIK_*.json file beside the bundle — as pending, never
	// verified: its fingerprint is still to be compared with the OPD.
	KeyFromStick string
	Supersedes   string // versi baru: the bundle id it replaced
	ConflictWith string // konflik: the accepted bundle id it conflicts with
	// Warnings are doubts about a stored bundle that do not refuse it
	// (created_at implausible), in Bahasa Indonesia.
	Warnings []string
}

// Rejected reports a rejection.
func (r Result) Rejected() bool { return r.Outcome == OutcomeRejected }

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
func (w *Workspace) Import(ctx context.Context, paths []string, progress func(done, total int)) ([]Result, error) {
	files, err := findBundles(paths)
	if err != nil {
		return nil, err
	}
	stick := findStickKeys(paths)
	w.mu.Lock()
	defer w.mu.Unlock()
	results := make([]Result, len(files))
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
	calc  *calcScore // recomputed on the known catalog; nil without a library
}

// check verifies one file completely. A bundle that cannot be accepted
// whatever the registry's state gives (nil, rejected result, nil).
func (w *Workspace) check(ctx context.Context, path string, stick stickKeys) (*checked, Result, error) {
	res := Result{Path: path}
	f, err := infile.Open(path)
	if err != nil {
		return nil, reject(res, RejectUnreadable, fmt.Sprintf("berkas tidak dapat dibuka: %v", err)), nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, reject(res, RejectUnreadable, fmt.Sprintf("berkas tidak dapat dibaca: %v", err)), nil
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
			r, _, err := w.identityResult(ctx, res, raw, key, hint, "bundel tidak sah: "+err.Error())
			return nil, r, err
		}
		return nil, reject(res, RejectInvalid, "bundel tidak sah: "+err.Error()), nil
	}
	res = describe(res, v)
	if code, reason := storable(v.Manifest, v.Answers); code != "" {
		return nil, reject(res, code, reason), nil
	}
	if key == nil || !v.SignerKnown {
		return w.unregisteredSigner(ctx, path, v, res, found, fromStick)
	}
	return w.checked(path, v, res)
}

// verifyOptions require the registered key, else the key file from the
// stick that names the same key id; without either the signer is unknown.
func verifyOptions(key *Key, found stickKey, fromStick bool) bundle.Options {
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
// registry: KUNCI BERBEDA when its OPD has another key, else adopted from
// the key file beside it, else unknown.
func (w *Workspace) unregisteredSigner(ctx context.Context, path string, v *bundle.Verified, res Result, found stickKey, fromStick bool) (*checked, Result, error) {
	if r, stop, err := w.identityResult(ctx, res, v.Manifest.OPD.Kode, nil, v.Manifest.Signer.KeyID, ""); stop || err != nil {
		return nil, r, err
	}
	if fromStick && v.SignerKnown {
		return w.adoptStickKey(ctx, path, v, res, found)
	}
	return nil, rejectUnknownKey(res, v), nil
}

// checked is the last step of check: the catalog, for a bundle whose
// signer is registered.
func (w *Workspace) checked(path string, v *bundle.Verified, res Result) (*checked, Result, error) {
	c := &checked{path: path, v: v}
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
func (w *Workspace) hintedKey(ctx context.Context, hint string) (*Key, error) {
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

// rejectUnknownKey says how to register the key the bundle is signed with.
func rejectUnknownKey(res Result, v *bundle.Verified) Result {
	return reject(res, RejectUnknownKey, fmt.Sprintf(
		"kunci tidak dikenal (key id %s…, sidik jari menurut bundel %s): daftarkan berkas kunci publik OPD %s "+
			"(KUNCI_PUBLIK_<KODE>.json di samping bundel, atau `spbe-mandiri key export-public` di laptop OPD) dengan "+
			"`spbe-mandiri keys add BERKAS`, cocokkan sidik jarinya, lalu impor lagi",
		short(v.Manifest.Signer.KeyID), v.Manifest.Signer.Fingerprint, v.Manifest.OPD.Kode))
}

// identityResult rejects a bundle whose OPD code is bound to another key
// (identityStop: KUNCI BERBEDA, also for a variant of the registered
// code). Otherwise, with fallback set, it rejects with the verifier's
// reason; with fallback "" it reports stop false and the caller goes on.
func (w *Workspace) identityResult(ctx context.Context, res Result, raw string, key *Key, keyID, fallback string) (Result, bool, error) {
	pool, err := w.db()
	if err != nil {
		return res, true, err
	}
	res.OPDKode = visibleCode(raw)
	code, reason, stop, err := identityStop(ctx, pool, raw, key, keyID)
	switch {
	case err != nil:
		return res, true, w.classify(err)
	case stop:
		res.Check, res.Entry = "", ""
		return reject(res, code, reason), true, nil
	case fallback != "":
		return reject(res, RejectInvalid, fallback), true, nil
	}
	return res, false, nil
}

func describe(res Result, v *bundle.Verified) Result {
	m := v.Manifest
	res.BundleID, res.OPDKode, res.OPDNama, res.Periode, res.Sequence = m.BundleID, m.OPD.Kode, m.OPD.Nama, m.Periode, m.Sequence
	res.ManifestSHA256, res.KeyID, res.Fingerprint = v.ManifestSHA256, m.Signer.KeyID, m.Signer.Fingerprint
	return res
}

func reject(res Result, code, reason string) Result {
	res.Outcome, res.Code, res.Reason = OutcomeRejected, code, reason
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

// decision is what storing a verified bundle will do.
type decision struct {
	outcome      Outcome
	code, reason string
	key          Key
	supersedes   string // accepted bundle id being replaced
	conflictWith string
	warnings     []string
}

// decide applies the import policy to a verified bundle: duplicate, key
// status and binding, sequence high-water mark, then version or conflict.
func decide(ctx context.Context, q querier, v *bundle.Verified) (decision, error) {
	m := v.Manifest
	var id, sha string
	err := q.QueryRowContext(ctx, `SELECT bundle_id, manifest_sha256 FROM bundle WHERE manifest_sha256 = ? OR bundle_id = ?
		ORDER BY manifest_sha256 = ? DESC LIMIT 1`, v.ManifestSHA256, m.BundleID, v.ManifestSHA256).Scan(&id, &sha)
	switch {
	case err == nil && sha == v.ManifestSHA256:
		return decision{outcome: OutcomeDuplicate}, nil
	case err == nil:
		return decision{outcome: OutcomeRejected, code: RejectBundleID, reason: fmt.Sprintf(
			"bundle id %s sudah dipakai bundel lain dengan isi berbeda (manifest %s…); bundel ini tidak disimpan", m.BundleID, short(sha))}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return decision{}, err
	}
	key, err := keyByID(ctx, q, m.Signer.KeyID)
	if err != nil {
		return decision{}, err
	}
	d := decision{key: key}
	switch {
	case key.Status == KeyRevoked:
		d.outcome, d.code, d.reason = OutcomeRejected, RejectRevokedKey, fmt.Sprintf(
			"kunci %s (sidik jari %s) sudah dicabut pada %s; bundel yang ditandatanganinya tidak diterima — minta OPD mengekspor dengan kunci barunya yang sudah didaftarkan",
			short(key.KeyID), key.Fingerprint, key.RevokedAt.Local().Format("2006-01-02 15:04"))
		return d, nil
	}
	if code, reason, err := identityDecision(ctx, q, m.OPD.Kode, key); err != nil || code != "" {
		d.outcome, d.code, d.reason = OutcomeRejected, code, reason
		return d, err
	}
	if m.Sequence <= key.LastSequence {
		d.outcome, d.code, d.reason = OutcomeRejected, RejectSequence, fmt.Sprintf(
			"nomor urut %d tidak lebih besar dari nomor urut tertinggi %d yang sudah diimpor dengan kunci ini: "+
				"bundel lama yang diputar ulang, atau kunci OPD dipulihkan dari cadangan lama. Bundel tidak disimpan; "+
				"minta OPD mengekspor ulang (nomor urutnya akan lebih besar)", m.Sequence, key.LastSequence)
		return d, nil
	}
	var accID, accSHA string
	err = q.QueryRowContext(ctx, `SELECT bundle_id, manifest_sha256 FROM bundle WHERE opd_kode = ? AND periode = ? AND status = 'accepted'`,
		m.OPD.Kode, m.Periode).Scan(&accID, &accSHA)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		d.outcome = OutcomeNew
	case err != nil:
		return decision{}, err
	case m.Supersedes != nil && m.Supersedes.BundleID == accID && m.Supersedes.ManifestSHA256 == accSHA:
		d.outcome, d.supersedes = OutcomeNewVersion, accID
	default:
		d.outcome, d.conflictWith = OutcomeConflict, accID
	}
	return d, nil
}

// decideWarnings adds the created_at doubts to a decision that stores.
func (w *Workspace) decideWarnings(ctx context.Context, q querier, v *bundle.Verified, d decision) (decision, error) {
	if d.outcome == OutcomeDuplicate || d.outcome == OutcomeRejected {
		return d, nil
	}
	warn, err := createdAtWarnings(ctx, q, v.Manifest, w.now())
	d.warnings = warn
	return d, err
}

// store applies the policy and stores a verified bundle all-or-nothing.
// Callers hold mu.
func (w *Workspace) store(ctx context.Context, c *checked, res Result) (Result, error) {
	pool, err := w.db()
	if err != nil {
		return res, err
	}
	d, err := decide(ctx, pool, c.v)
	if err != nil {
		return res, w.classify(err)
	}
	if d, err = w.decideWarnings(ctx, pool, c.v, d); err != nil {
		return res, w.classify(err)
	}
	if d.outcome == OutcomeDuplicate || d.outcome == OutcomeRejected {
		return apply(res, d), nil
	}
	st, err := w.stage(ctx, c)
	if err != nil {
		var rj *rejection
		if errors.As(err, &rj) {
			return reject(res, RejectUnreadable, rj.msg), nil
		}
		return res, err
	}
	err = w.write(ctx, func(tx *sql.Tx) error {
		// Re-decided inside the transaction: the workspace lock makes it
		// the same answer, the transaction makes it binding.
		d, err = decide(ctx, tx, c.v)
		if err == nil {
			d, err = w.decideWarnings(ctx, tx, c.v, d)
		}
		if err != nil || d.outcome == OutcomeDuplicate || d.outcome == OutcomeRejected {
			return err
		}
		return w.insert(ctx, tx, c, d, st)
	})
	if storage.IsConstraint(err) {
		// A value storable() did not foresee: this bundle is refused, the
		// batch goes on (the transaction rolled back; its blobs stay
		// unreferenced, as after any failed transaction).
		return reject(res, RejectOutOfRange, "bundel memuat nilai yang tidak dapat disimpan; bundel tidak disimpan, "+
			"minta OPD mengekspor ulang dengan SPBE Mandiri resmi"), nil
	}
	if err != nil {
		return res, err
	}
	return apply(res, d), nil
}

func apply(res Result, d decision) Result {
	res.Outcome, res.Supersedes, res.ConflictWith = d.outcome, d.supersedes, d.conflictWith
	if d.outcome == OutcomeRejected {
		res.Code, res.Reason = d.code, d.reason
	}
	res.KeyStatus, res.Warnings = d.key.Status, d.warnings
	return res
}

// insert writes the bundle rows. The blobs are already in place.
func (w *Workspace) insert(ctx context.Context, tx *sql.Tx, c *checked, d decision, st staged) error {
	m, a, now := c.v.Manifest, c.v.Answers, w.nowText()
	if err := bindOnImport(ctx, tx, m.OPD.Kode, d.key.KeyID); err != nil {
		return err
	}
	for _, b := range st.blobs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO blob (sha256, size, media_type, added_at) VALUES (?, ?, ?, ?)`,
			b.SHA256, b.Size, b.MediaType, now); err != nil {
			return err
		}
	}
	if d.supersedes != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE bundle SET status = 'superseded' WHERE bundle_id = ?`, d.supersedes); err != nil {
			return err
		}
	}
	status := "accepted"
	if d.outcome == OutcomeConflict {
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
