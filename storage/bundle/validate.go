package bundle

import (
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

var (
	hexSHA256   = regexp.MustCompile(`^[0-9a-f]{64}$`)
	uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	mediaType   = regexp.MustCompile(`^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$`)
)

// Field length limits.
const (
	maxKode = 64
	maxText = 512
)

// validate checks every manifest value that does not need the ZIP.
func (m *Manifest) validate() error {
	if err := m.validateHeader(); err != nil {
		return err
	}
	if err := m.validateRefs(); err != nil {
		return err
	}
	return m.validateFiles()
}

func badManifest(format string, a ...any) error {
	return fail(EntryManifest, CheckManifest, format, a...)
}

func (m *Manifest) validateHeader() error {
	switch {
	case m.Format != Format || m.FormatVersion != FormatVersion:
		return badManifest("format %q versi %d tidak didukung", m.Format, m.FormatVersion)
	case !uuidPattern.MatchString(m.BundleID):
		return badManifest("bundle_id %q bukan UUID", m.BundleID)
	case !plainText(m.OPD.Kode, maxKode) || !plainText(m.OPD.Nama, maxText) || !plainText(m.Instansi, maxText):
		return badManifest("opd/instansi kosong, terlalu panjang atau memuat karakter kendali")
	case assessment.CheckOPDCode(m.OPD.Kode) != nil:
		return opdCodeError(m.OPD.Kode)
	case !assessment.ValidPeriode(m.Periode):
		return badManifest("periode %d di luar 2000–2100", m.Periode)
	case m.Sequence < 1 || m.Sequence > math.MaxInt64:
		return badManifest("sequence %d di luar 1–%d", m.Sequence, int64(math.MaxInt64))
	case !validTime(m.CreatedAt):
		return badManifest("created_at %q bukan waktu RFC 3339 dalam UTC (akhiran Z)", m.CreatedAt)
	}
	if s := m.Supersedes; s != nil && (!uuidPattern.MatchString(s.BundleID) || !hexSHA256.MatchString(s.ManifestSHA256)) {
		return badManifest("supersedes tidak valid")
	}
	return nil
}

func (m *Manifest) validateRefs() error {
	switch {
	case !plainText(m.Catalog.ID, maxText) || !plainText(m.Catalog.Version, maxText) || !hexSHA256.MatchString(m.Catalog.SHA256):
		return badManifest("referensi katalog tidak valid")
	case !plainText(m.App.Name, maxText) || len(m.App.Version) > maxText:
		return badManifest("app tidak valid")
	case !keys.ValidKeyID(m.Signer.KeyID) || !keys.ValidFingerprint(m.Signer.Fingerprint):
		return badManifest("signer.keyid/fingerprint tidak valid")
	case !hexSHA256.MatchString(m.ContentDigest):
		return badManifest("content_digest bukan SHA-256 heksadesimal")
	case !hexSHA256.MatchString(m.Report.SHA256) || (m.Report.CertSHA256 != "" && !hexSHA256.MatchString(m.Report.CertSHA256)):
		return badManifest("report.sha256/cert_sha256 tidak valid")
	}
	return nil
}

func (m *Manifest) validateFiles() error {
	roles := map[string]int{}
	for i, f := range m.Files {
		if i > 0 && m.Files[i-1].Path >= f.Path {
			return fail(EntryManifest, CheckManifest, "files tidak terurut menurut path atau ganda di %q", f.Path)
		}
		if err := f.validate(); err != nil {
			return err
		}
		roles[f.Role]++
		if f.Role == RoleReport && f.SHA256 != m.Report.SHA256 {
			return fail(EntryManifest, CheckManifest, "report.sha256 berbeda dengan sha256 %s", EntryReport)
		}
	}
	if roles[RoleAnswers] != 1 || roles[RoleReport] != 1 {
		return fail(EntryManifest, CheckManifest, "files harus memuat tepat satu %s dan satu %s", EntryAnswers, EntryReport)
	}
	return nil
}

func (f File) validate() error {
	bad := func(format string, a ...any) error {
		return badManifest("files[%q]: "+format, append([]any{f.Path}, a...)...)
	}
	switch {
	case !ValidEntryName(f.Path) || f.Path == EntryManifest || f.Path == EntrySignature:
		return bad("path tidak diizinkan")
	case f.Role != roleOf(f.Path):
		return bad("role %q salah", f.Role)
	case !hexSHA256.MatchString(f.SHA256) || f.Size < 0:
		return bad("sha256/size tidak valid")
	case !f.validMediaType():
		return bad("media_type %q tidak valid", f.MediaType)
	case f.Role != RoleEvidence && f.OriginalName != "":
		return bad("original_name hanya untuk bukti")
	case f.Role == RoleEvidence && !strings.HasPrefix(f.Path, evidenceDir+f.SHA256[:16]+"-"):
		return bad("path tidak diawali 16 digit sha256")
	case f.Role == RoleEvidence && !plainText(f.OriginalName, maxText):
		return bad("original_name tidak valid")
	}
	return nil
}

func (f File) validMediaType() bool {
	switch f.Role {
	case RoleAnswers:
		return f.MediaType == MediaJSON
	case RoleReport:
		return f.MediaType == MediaPDF
	}
	return mediaType.MatchString(f.MediaType)
}

func roleOf(path string) string {
	switch {
	case path == EntryAnswers:
		return RoleAnswers
	case path == EntryReport:
		return RoleReport
	case strings.HasPrefix(path, evidenceDir):
		return RoleEvidence
	}
	return ""
}

// plainText: non-empty, at most max bytes, no control characters.
func plainText(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	return strings.IndexFunc(s, unicode.IsControl) < 0
}

// opdCodeError refuses a manifest whose OPD code is not canonical
// (assessment.CheckOPDCode): a look-alike, a case or spacing variant of a
// registered code must never become a second OPD. Err is the
// *assessment.IdentityError, whose Value lets the importer match the code
// against its key registry (the signature was checked before this step).
func opdCodeError(kode string) *Error {
	err := assessment.CheckOPDCode(kode)
	return &Error{Entry: EntryManifest, Check: CheckOPDKode, Detail: err.Error(), Err: err}
}

// validTime: RFC 3339 in UTC ("Z"), as §3 specifies.
func validTime(s string) bool {
	_, err := strictjson.ParseUTC(s)
	return err == nil
}
