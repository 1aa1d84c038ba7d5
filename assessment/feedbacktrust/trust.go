package feedbacktrust

import (
	"fmt"
	"path/filepath"
	"time"
)

// Key is how this installation knows the key that signed a feedback file.
type Key struct {
	KeyID       string
	Fingerprint string
	Found       bool      // false: never trusted here
	UntrustedAt time.Time // zero while trusted: when the trust was withdrawn
}

// Withdrawn reports that the trust in the key was withdrawn.
func (k Key) Withdrawn() bool { return k.Found && !k.UntrustedAt.IsZero() }

// Importable refuses feedback whose signer is not trusted now: never
// trusted (*UntrustedKeyError) or withdrawn (*WithdrawnKeyError).
func Importable(k Key) error {
	switch {
	case !k.Found:
		return &UntrustedKeyError{KeyID: k.KeyID}
	case k.Withdrawn():
		return k.withdrawnError()
	}
	return nil
}

// NeedsTrust decides trusting a key whose fingerprint the officer
// compared: false when it is trusted already (nothing to do); a key whose
// trust was withdrawn is trusted again only with retrust.
func NeedsTrust(k Key, retrust bool) (bool, error) {
	switch {
	case k.Withdrawn() && !retrust:
		return false, k.withdrawnError()
	case k.Found && !k.Withdrawn():
		return false, nil
	}
	return true, nil
}

// Request is what the officer asked for when importing feedback with the
// signer's public key file (KeyFile, as given; KeyFingerprint, the
// fingerprint computed from it).
type Request struct {
	KeyFile        string
	KeyFingerprint string
	Trust          bool // trust the key file's key (its fingerprint was compared)
	Retrust        bool // and trust it again if its trust was withdrawn
}

// Admit decides an import given with the signer's key file: trust is
// true when the key must be trusted first (in the import's transaction);
// an error refuses the import. A trusted key is used as it is; a
// withdrawn one only with Retrust; an unknown one only with Trust, and
// Retrust of a key never trusted is refused (it would hide a typo).
func Admit(k Key, r Request) (trust bool, err error) {
	switch {
	case k.Found && !k.Withdrawn():
		return false, nil
	case k.Found && !r.Retrust:
		return false, k.withdrawnError()
	case !k.Found && r.Retrust:
		return false, fmt.Errorf("kunci asesor %s (sidik jari %s) belum pernah dipercaya di sini, jadi tidak bisa dipercaya lagi; "+
			"cocokkan sidik jarinya dengan Tim Asesor, lalu pakai --trust", filepath.Base(r.KeyFile), r.KeyFingerprint)
	case !r.Trust && !r.Retrust:
		return false, fmt.Errorf("kunci asesor %s belum dipercaya (sidik jari %s); cocokkan sidik jari dengan Tim Asesor, lalu ulangi dengan --trust",
			r.KeyFile, r.KeyFingerprint)
	}
	return true, nil
}

func (k Key) withdrawnError() error {
	return &WithdrawnKeyError{KeyID: k.KeyID, Fingerprint: k.Fingerprint, UntrustedAt: k.UntrustedAt}
}

// UntrustedKeyError is feedback signed by a key this installation does
// not trust.
type UntrustedKeyError struct{ KeyID string }

func (e *UntrustedKeyError) Error() string {
	return fmt.Sprintf("umpan balik ditandatangani kunci asesor %.16s… yang belum dipercaya; cocokkan sidik jarinya dengan Tim Asesor "+
		"(telepon ke nomor yang dikenal), lalu ulangi dengan --assessor-pubkey BERKAS --trust", e.KeyID)
}

// WithdrawnKeyError is feedback signed by a key whose trust was
// withdrawn (`feedback untrust`): it is not trusted again by a plain
// --trust or "Ya", only deliberately with --retrust.
type WithdrawnKeyError struct {
	KeyID, Fingerprint string
	UntrustedAt        time.Time
}

func (e *WithdrawnKeyError) Error() string {
	return fmt.Sprintf("kepercayaan pada kunci asesor %.16s… (sidik jari %s) dicabut pada %s; umpan balik tidak diimpor. "+
		"Bila Tim Asesor memastikan lagi kunci ini (telepon ke nomor yang dikenal), percayai lagi dengan --assessor-pubkey BERKAS --retrust",
		e.KeyID, e.Fingerprint, e.UntrustedAt.Local().Format("2006-01-02 15:04"))
}
