package asesor

import (
	"context"
	"database/sql"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// QRFields is the parsed text of a printed report's QR code
// (storage/report.QRText): SPBE1:<KODE>:<PERIODE>:<SEQ>:<BASE32 DIGEST>:<FINGERPRINT>.
type QRFields struct {
	OPDKode       string
	Periode       int
	Sequence      uint64
	ContentDigest string // hex SHA-256
	Fingerprint   string // digits, no spaces
}

// ParseQRText reads the QR text of a printed report.
func ParseQRText(text string) (QRFields, error) {
	parts := strings.Split(strings.TrimSpace(text), ":")
	for i := range parts {
		// A hand-typed or pasted text may carry spaces around the fields.
		parts[i] = strings.TrimSpace(parts[i])
	}
	bad := func(why string) (QRFields, error) {
		return QRFields{}, &InputError{Msg: "teks QR tidak sah: " + why + " (bentuk: SPBE1:KODE:PERIODE:NOMOR:DIGEST:SIDIKJARI)"}
	}
	if len(parts) != 6 || !strings.EqualFold(parts[0], "SPBE1") {
		return bad("bukan teks QR laporan SPBE Mandiri versi 1")
	}
	var q QRFields
	q.OPDKode = strings.ToUpper(parts[1])
	p, err := strconv.Atoi(parts[2])
	if err != nil {
		return bad("periode")
	}
	q.Periode = p
	if q.Sequence, err = strconv.ParseUint(parts[3], 10, 64); err != nil || q.Sequence == 0 {
		return bad("nomor urut")
	}
	sum, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ToUpper(parts[4]))
	if err != nil || len(sum) != 32 {
		return bad("digest isi")
	}
	q.ContentDigest = hex.EncodeToString(sum)
	q.Fingerprint = normFingerprint(parts[5])
	if q.OPDKode == "" || q.Fingerprint == "" {
		return bad("kode OPD atau sidik jari kosong")
	}
	return q, nil
}

func normFingerprint(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// paperCheck is the check on the workspace's own types; PaperCheck
// returns it as an assessment.PaperCheckResult.
type paperCheck struct {
	QR QRFields
	// Found: a bundle with the printed content digest is stored.
	Found  bool
	Bundle BundleInfo // the bundle found (or, when not found, the one with the printed OPD, periode and number, if any)
	// Matches: found, and its OPD code, periode, sequence and signing
	// key fingerprint are those printed.
	Matches    bool
	Mismatches []string // the printed fields that differ from the stored bundle
	// Newer is the accepted bundle of the same OPD and periode when it is
	// a later version than the one printed (nil otherwise).
	Newer *BundleInfo
}

// result is the check as the GUI and the CLI read it.
func (r paperCheck) result() assessment.PaperCheckResult {
	out := assessment.PaperCheckResult{OPDKode: r.QR.OPDKode, Periode: r.QR.Periode, Sequence: r.QR.Sequence,
		Fingerprint: r.QR.Fingerprint, Found: r.Found, Matches: r.Matches, Mismatches: r.Mismatches}
	if r.Bundle.BundleID != "" {
		out.Bundle = r.Bundle.ReviewBundle()
	}
	if r.Newer != nil {
		n := r.Newer.ReviewBundle()
		out.Newer = &n
	}
	return out
}

// PaperCheck finds the bundle of a printed report by the content digest in
// its QR text and says whether the printed fields match it and whether a
// newer accepted version exists.
func (w *Workspace) PaperCheck(ctx context.Context, text string) (assessment.PaperCheckResult, error) {
	res, err := w.paperCheck(ctx, text)
	if err != nil {
		return assessment.PaperCheckResult{}, err
	}
	return res.result(), nil
}

func (w *Workspace) paperCheck(ctx context.Context, text string) (paperCheck, error) {
	q, err := ParseQRText(text)
	if err != nil {
		return paperCheck{}, err
	}
	res := paperCheck{QR: q}
	pool, err := w.db()
	if err != nil {
		return res, err
	}
	found, err := w.bundlesByDigest(ctx, pool, q.ContentDigest)
	if err != nil {
		return res, err
	}
	if len(found) == 0 {
		err = samePrintedNumber(ctx, pool, &res)
	} else {
		err = compareFound(ctx, pool, &res, found)
	}
	if err != nil {
		return res, err
	}
	return res, newerAccepted(ctx, pool, &res)
}

// bundlesByDigest are the stored bundles with the content digest, latest first.
func (w *Workspace) bundlesByDigest(ctx context.Context, pool *sql.DB, digest string) ([]BundleInfo, error) {
	rows, err := pool.QueryContext(ctx, bundleSelect+`WHERE lower(replace(b.content_digest, 'sha256:', '')) = ? ORDER BY b.sequence DESC`, digest)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var found []BundleInfo
	for rows.Next() {
		b, err := scanBundle(rows)
		if err != nil {
			return nil, err
		}
		found = append(found, b)
	}
	if err := rows.Err(); err != nil {
		return nil, w.classify(err)
	}
	return found, nil
}

// samePrintedNumber looks for the printed OPD, periode and number when no
// bundle has the printed content: one with other content means the paper
// was not printed from a stored bundle.
func samePrintedNumber(ctx context.Context, pool *sql.DB, res *paperCheck) error {
	q := res.QR
	b, err := scanBundle(pool.QueryRowContext(ctx, bundleSelect+`WHERE b.opd_kode = ? AND b.periode = ? AND b.sequence = ?`,
		q.OPDKode, q.Periode, int64(q.Sequence)))
	if err == nil {
		res.Bundle = b
		res.Mismatches = append(res.Mismatches, "digest isi")
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return nil
}

// compareFound picks the found bundle (the one whose fields match, if
// any) and lists the printed fields that differ from it.
func compareFound(ctx context.Context, pool *sql.DB, res *paperCheck, found []BundleInfo) error {
	q := res.QR
	res.Found, res.Bundle = true, found[0]
	for _, b := range found { // prefer the one whose fields match
		if strings.EqualFold(b.OPDKode, q.OPDKode) && b.Periode == q.Periode && b.Sequence == q.Sequence {
			res.Bundle = b
		}
	}
	b := res.Bundle
	if !strings.EqualFold(b.OPDKode, q.OPDKode) {
		res.Mismatches = append(res.Mismatches, fmt.Sprintf("kode OPD (tercetak %s, bundel %s)", q.OPDKode, b.OPDKode))
	}
	if b.Periode != q.Periode {
		res.Mismatches = append(res.Mismatches, fmt.Sprintf("periode (tercetak %d, bundel %d)", q.Periode, b.Periode))
	}
	if b.Sequence != q.Sequence {
		res.Mismatches = append(res.Mismatches, fmt.Sprintf("nomor urut (tercetak %d, bundel %d)", q.Sequence, b.Sequence))
	}
	k, err := keyByID(ctx, pool, b.KeyID)
	if err != nil {
		return err
	}
	if normFingerprint(k.Fingerprint) != q.Fingerprint {
		res.Mismatches = append(res.Mismatches, "sidik jari kunci")
	}
	res.Matches = len(res.Mismatches) == 0
	return nil
}

// newerAccepted sets res.Newer to the accepted bundle of the same OPD and
// periode when it is a later version than the one printed.
func newerAccepted(ctx context.Context, pool *sql.DB, res *paperCheck) error {
	kode, periode, seq := res.QR.OPDKode, res.QR.Periode, res.QR.Sequence
	if res.Found {
		kode, periode, seq = res.Bundle.OPDKode, res.Bundle.Periode, res.Bundle.Sequence
	}
	acc, err := scanBundle(pool.QueryRowContext(ctx, bundleSelect+`WHERE b.opd_kode = ? AND b.periode = ? AND b.status = 'accepted'`, kode, periode))
	switch {
	case err == nil:
		if acc.BundleID != res.Bundle.BundleID && acc.Sequence > seq {
			res.Newer = &acc
		}
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	return nil
}
