// Package feedback is the review bundle the assessor sends back to an OPD:
// the statuses and notes of every reviewed indicator of one imported
// bundle, signed with the assessor's Ed25519 key. It follows the OPD
// bundle's signing conventions (storage/bundle: DSSE PAE over the raw
// manifest bytes, Ed25519, strict JSON) in the simplest container: one
// standard DSSE envelope (JSON with payloadType, base64 payload and
// signatures), file extension .spbe-umpan. See docs/asesor.md.
package feedback

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// PayloadType is the DSSE payload type of a review manifest.
const PayloadType = "application/vnd.spbe.review-manifest+json;version=1"

// FormatVersion is the manifest's format. Sign writes FormatItems
// instead when an item carries the per-item review (evidence_items,
// computed_value); without those fields the file is format 1, byte for
// byte as before.
const FormatVersion = 1

// FormatItems is the format with the review per evidence item.
const FormatItems = 2

// Extension is the file name extension of a feedback file.
const Extension = ".spbe-umpan"

// MaxSize caps a feedback file read from a stick.
const MaxSize = 4 << 20

// Manifest is the signed content.
type Manifest struct {
	Format    int       `json:"format"`
	CreatedAt string    `json:"created_at"` // RFC 3339, the assessor's clock
	Bundle    BundleRef `json:"bundle"`
	Asesor    Asesor    `json:"assessor"`
	Items     []Item    `json:"items"`
}

// BundleRef names the OPD bundle reviewed.
type BundleRef struct {
	ID             string `json:"id"`
	ManifestSHA256 string `json:"manifest_sha256"`
	OPDKode        string `json:"opd_kode"`
	Periode        int    `json:"periode"`
	Sequence       uint64 `json:"sequence"`
}

// Asesor is the signer.
type Asesor struct {
	KeyID       string `json:"keyid"`
	Fingerprint string `json:"fingerprint"`
	Name        string `json:"name"`
}

// Item is the current review of one indicator.
type Item struct {
	Indicator  int    `json:"indicator"`
	Status     string `json:"status"` // diterima | revisi
	Reason     string `json:"reason"`
	Value      string `json:"value"` // the assessor's value, "" = none
	Note       string `json:"note"`
	Reviewer   string `json:"reviewer"`
	ReviewedAt string `json:"reviewed_at"`
	// Computed is the value the item review computed ("" = none; format
	// 2): Value is the one the assessor set, "" when the computed one
	// applies.
	Computed string `json:"computed_value,omitempty"`
	// EvidenceItems are the verdicts on the indicator's evidence items as
	// the cascade leaves them (format 2); items not judged yet are left
	// out.
	EvidenceItems []ItemNote `json:"evidence_items,omitempty"`
}

// ItemNote is the state of one evidence item sent back to the OPD.
type ItemNote struct {
	Code   string `json:"code"`   // I4-L1-02
	Status string `json:"status"` // diterima | revisi
	// Reason of a revisi: "bukti tidak tepat", "belum diunggah" or
	// "ditolak otomatis" (a lower level is rejected: the cascade).
	Reason string `json:"reason,omitempty"`
	Note   string `json:"note,omitempty"`
}

// usesItems reports whether m carries a field of format 2.
func (m *Manifest) usesItems() bool {
	for _, it := range m.Items {
		if it.Computed != "" || len(it.EvidenceItems) > 0 {
			return true
		}
	}
	return false
}

// itemReasons are the reasons an item marked revisi may carry.
var itemReasons = map[string]bool{"bukti tidak tepat": true, "belum diunggah": true, "ditolak otomatis": true}

// validateItemNotes checks the item notes of indicator it: codes of that
// indicator, each once, a known status, a reason exactly for a revisi.
func validateItemNotes(it Item) error {
	seen := map[string]bool{}
	for _, n := range it.EvidenceItems {
		ind, _, _, ok := assessment.ParseItemRef(n.Code) // I4-L3-00: a level without catalog items
		if !ok || ind != it.Indicator || seen[n.Code] {
			return fmt.Errorf("indikator %d: butir %.20q tidak sah, bukan milik indikator ini, atau ganda", it.Indicator, n.Code)
		}
		seen[n.Code] = true
		switch {
		case n.Status == "diterima" && n.Reason == "":
		case n.Status == "revisi" && itemReasons[n.Reason]:
		default:
			return fmt.Errorf("indikator %d: butir %s: status %.20q dengan alasan %.30q tidak dikenal", it.Indicator, n.Code, n.Status, n.Reason)
		}
	}
	return nil
}

// Envelope is a standard DSSE envelope.
type Envelope struct {
	PayloadType string             `json:"payloadType"`
	Payload     string             `json:"payload"`
	Signatures  []bundle.Signature `json:"signatures"`
}

var sha256Pattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

func (m *Manifest) validate() error {
	if m.Format != FormatVersion && m.Format != FormatItems {
		return fmt.Errorf("format umpan balik %d tidak didukung (versi ini: %d–%d)", m.Format, FormatVersion, FormatItems)
	}
	if m.Format == FormatVersion && m.usesItems() {
		return errors.New("umpan balik format 1 memuat telaah per butir, yang baru ada di format 2")
	}
	if m.Bundle.ID == "" || !sha256Pattern.MatchString(m.Bundle.ManifestSHA256) || m.Bundle.OPDKode == "" {
		return errors.New("umpan balik tidak menyebut bundel yang ditelaah")
	}
	// The OPD code and periode name the OPD's own export; only the
	// canonical code can match it (assessment.CheckOPDCode).
	if err := assessment.CheckOPDCode(m.Bundle.OPDKode); err != nil {
		return fmt.Errorf("umpan balik menyebut kode OPD yang tidak sah: %w", err)
	}
	if !assessment.ValidPeriode(m.Bundle.Periode) {
		return fmt.Errorf("umpan balik menyebut periode %d di luar %d–%d", m.Bundle.Periode, assessment.MinPeriode, assessment.MaxPeriode)
	}
	if !keys.ValidKeyID(m.Asesor.KeyID) {
		return errors.New("assessor.keyid tidak sah")
	}
	return m.validateItems()
}

// validateItems checks the items: each indicator once, a known status,
// valid item notes.
func (m *Manifest) validateItems() error {
	seen := map[int]bool{}
	for _, it := range m.Items {
		if it.Indicator < 1 || seen[it.Indicator] {
			return fmt.Errorf("indikator %d tidak sah atau ganda", it.Indicator)
		}
		seen[it.Indicator] = true
		if it.Status != "diterima" && it.Status != "revisi" {
			return fmt.Errorf("status %q indikator %d tidak dikenal", it.Status, it.Indicator)
		}
		if err := validateItemNotes(it); err != nil {
			return err
		}
	}
	return nil
}

// MaxNameRunes caps the assessor team's name: it is shown above the
// fingerprint the officer compares, so it must not be able to push the
// fingerprint out of sight or pose as dialog text.
const MaxNameRunes = 100

// ValidName accepts one line of at most MaxNameRunes runes without
// control or formatting characters ("" is allowed: no name). Sign and
// Verify (import) enforce it; files stored before the rule existed are
// read with VerifyStored, which makes the name displayable instead.
func ValidName(name string) error {
	if !utf8.ValidString(name) {
		return errors.New("nama tim asesor bukan UTF-8 yang sah")
	}
	if n := utf8.RuneCountInString(name); n > MaxNameRunes {
		return fmt.Errorf("nama tim asesor terlalu panjang (%d karakter, paling banyak %d)", n, MaxNameRunes)
	}
	for _, r := range name {
		// Cc: newlines and other controls; Cf: bidi overrides that reorder
		// what is shown; Zl, Zp: line and paragraph separators.
		if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
			return errors.New("nama tim asesor harus satu baris tanpa karakter kendali")
		}
	}
	return nil
}

// Sign returns the feedback file for m signed with priv. The assessor
// block is filled from priv.
func Sign(priv ed25519.PrivateKey, m Manifest) ([]byte, error) {
	id := keys.IdentityOf(priv.Public().(ed25519.PublicKey), time.Time{})
	m.Format, m.Asesor.KeyID, m.Asesor.Fingerprint = FormatVersion, id.KeyID, id.Fingerprint
	if m.usesItems() {
		m.Format = FormatItems
	}
	if m.Items == nil {
		m.Items = []Item{}
	}
	if err := m.validate(); err != nil {
		return nil, err
	}
	if err := ValidName(m.Asesor.Name); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	payload := buf.Bytes()
	env := Envelope{PayloadType: PayloadType, Payload: base64.StdEncoding.EncodeToString(payload),
		Signatures: []bundle.Signature{{KeyID: id.KeyID,
			Sig: base64.StdEncoding.EncodeToString(ed25519.Sign(priv, bundle.PAE(PayloadType, payload)))}}}
	data, err := json.MarshalIndent(env, "", "  ")
	return append(data, '\n'), err
}

// Error is a feedback file that fails verification.
type Error struct{ Msg string }

func (e *Error) Error() string { return "umpan balik ditolak: " + e.Msg }

func failf(format string, a ...any) error { return &Error{Msg: fmt.Sprintf(format, a...)} }

// Signer returns the key id of the first signature, unverified (a hint
// for choosing the trusted key).
func Signer(data []byte) (string, error) {
	env, err := parseEnvelope(data)
	if err != nil {
		return "", err
	}
	return env.Signatures[0].KeyID, nil
}

func parseEnvelope(data []byte) (*Envelope, error) {
	if len(data) > MaxSize {
		return nil, failf("berkas lebih dari %d byte", MaxSize)
	}
	var env Envelope
	if err := strictjson.Unmarshal(data, &env); err != nil {
		return nil, failf("amplop: %v", err)
	}
	if env.PayloadType != PayloadType {
		return nil, failf("jenis muatan %q, seharusnya %q (bukan berkas umpan balik asesor?)", env.PayloadType, PayloadType)
	}
	if len(env.Signatures) == 0 || len(env.Signatures) > 16 || !keys.ValidKeyID(env.Signatures[0].KeyID) {
		return nil, failf("amplop tanpa tanda tangan yang sah")
	}
	return &env, nil
}

// Verify checks a feedback file being imported against the trusted
// assessor key and returns the manifest: the envelope strictly, the first
// signature over DSSE PAE of the raw payload with exactly that key, then
// the payload strictly, including the assessor name rule.
func Verify(data []byte, trusted ed25519.PublicKey) (*Manifest, error) {
	m, err := verify(data, trusted, strictjson.DecodeBase64)
	if err != nil {
		return nil, err
	}
	if err := ValidName(m.Asesor.Name); err != nil {
		return nil, failf("%v", err)
	}
	if err := m.validateEncodings(); err != nil {
		return nil, failf("%v", err)
	}
	return m, nil
}

// validateEncodings holds the one-spelling rules for values (issue 11):
// timestamps in UTC (reviewed_at may be empty: not recorded), the bundle's
// sequence within what the database stores, an assessor value as the plain decimal 1–5 the assessor's
// program writes. Like ValidName they apply to files being imported;
// VerifyStored reads files imported before them.
func (m *Manifest) validateEncodings() error {
	if _, err := strictjson.ParseUTC(m.CreatedAt); err != nil {
		return fmt.Errorf("created_at %.40q: %w", m.CreatedAt, err)
	}
	if m.Bundle.Sequence > math.MaxInt64 {
		return fmt.Errorf("bundle.sequence %d di luar 0–%d", m.Bundle.Sequence, int64(math.MaxInt64))
	}
	for _, it := range m.Items {
		if _, err := strictjson.ParseUTC(it.ReviewedAt); it.ReviewedAt != "" && err != nil {
			return fmt.Errorf("indikator %d: reviewed_at %.40q: %w", it.Indicator, it.ReviewedAt, err)
		}
		if c, err := assessment.CanonicalValue(it.Value); it.Value != "" && (err != nil || c != it.Value) {
			return fmt.Errorf("indikator %d: nilai %.20q bukan desimal 1–5 dalam bentuk baku (mis. 2.5)", it.Indicator, it.Value)
		}
		if c, err := assessment.CanonicalValue(it.Computed); it.Computed != "" && (err != nil || c != it.Computed) {
			return fmt.Errorf("indikator %d: nilai terhitung %.20q bukan desimal 1–5 dalam bentuk baku", it.Indicator, it.Computed)
		}
	}
	return nil
}

// VerifyStored is Verify for a file already imported (it is verified
// again whenever it is read). A name stored before ValidName existed must
// not make the OPD's notes unreadable: it is made one short line instead.
func VerifyStored(data []byte, trusted ed25519.PublicKey) (*Manifest, error) {
	// Files imported before canonical base64 was required stay readable.
	m, err := verify(data, trusted, base64.StdEncoding.Strict().DecodeString)
	if err != nil {
		return nil, err
	}
	m.Asesor.Name = displayName(m.Asesor.Name)
	return m, nil
}

// displayName makes a name ValidName accepts: control, formatting and
// separator characters become spaces, and it is cut to MaxNameRunes.
func displayName(name string) string {
	name = strings.ToValidUTF8(name, "?")
	name = strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
			return ' '
		}
		return r
	}, name)
	if r := []rune(name); len(r) > MaxNameRunes {
		name = string(r[:MaxNameRunes-1]) + "…"
	}
	return name
}

// verify checks the envelope and the signature, then the payload; decode
// is the base64 decoder for payload and signature.
func verify(data []byte, trusted ed25519.PublicKey, decode func(string) ([]byte, error)) (*Manifest, error) {
	env, err := parseEnvelope(data)
	if err != nil {
		return nil, err
	}
	first := env.Signatures[0]
	if want := keys.KeyID(trusted); first.KeyID != want {
		return nil, failf("ditandatangani kunci %.16s…, bukan kunci asesor tepercaya %.16s…", first.KeyID, want)
	}
	payload, err := decode(env.Payload)
	if err != nil {
		return nil, failf("muatan: %v", err)
	}
	sig, err := decode(first.Sig)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, failf("tanda tangan tidak terbaca (bukan base64 kanonis dari 64 byte)")
	}
	switch err := keys.VerifySignature(trusted, bundle.PAE(PayloadType, payload), sig); {
	case errors.Is(err, keys.ErrUnsafePublicKey):
		return nil, failf("kunci asesor tidak dapat dipercaya: %v", err)
	case err != nil:
		return nil, failf("tanda tangan tidak cocok: berkas diubah atau bukan dari asesor ini")
	}
	var m Manifest
	if err := strictjson.Unmarshal(payload, &m); err != nil {
		return nil, failf("muatan: %v", err)
	}
	if err := m.validate(); err != nil {
		return nil, failf("%v", err)
	}
	if m.Asesor.KeyID != first.KeyID {
		return nil, failf("assessor.keyid berbeda dengan penanda tangan")
	}
	// The claimed fingerprint is shown to people; it must be the one of
	// the key that verified the signature, never just a claim.
	if fp := keys.Fingerprint(trusted); m.Asesor.Fingerprint != fp {
		return nil, failf("assessor.fingerprint %q bukan sidik jari kunci penanda tangan (%s)", m.Asesor.Fingerprint, fp)
	}
	return &m, nil
}

// ReadFile reads a feedback file of at most MaxSize bytes.
func ReadFile(path string) ([]byte, error) {
	f, err := infile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, failf("%s lebih dari %d byte", path, MaxSize)
	}
	return data, nil
}

// FileName is the conventional name of the feedback on one bundle.
func FileName(kode string, periode int, seq uint64) string {
	return strings.TrimSuffix(bundle.FileName(kode, periode, seq), ".spbe") + "_UMPAN" + Extension
}

// PayloadSHA256 is the identity of a feedback file: the SHA-256 of its
// signed payload, whatever envelope carries it. The signature covers only
// the payload, so the same payload re-wrapped (other whitespace or field
// order, extra signatures) is the same feedback — "sudah diimpor" — and
// never a new, later one.
func PayloadSHA256(data []byte) (string, error) {
	env, err := parseEnvelope(data)
	if err != nil {
		return "", err
	}
	payload, err := base64.StdEncoding.Strict().DecodeString(env.Payload)
	if err != nil {
		return "", failf("muatan bukan base64: %v", err)
	}
	sum := sha256.Sum256(payload)
	return hex.EncodeToString(sum[:]), nil
}
