package keys

import (
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Sentinel errors; their messages are meant for the operator.
var (
	ErrNoKey     = errors.New("belum ada kunci penanda tangan; buat dengan `spbe-mandiri key init` atau pulihkan cadangan dengan `spbe-mandiri key restore BERKAS`")
	ErrKeyExists = errors.New("kunci penanda tangan sudah ada; instalasi ini hanya memakai satu kunci")
	// ErrWrongPassphrase wraps the domain's error, so that app/ (which
	// never imports storage/) recognises it with errors.Is too.
	ErrWrongPassphrase  = fmt.Errorf("%w", assessment.ErrWrongPassphrase)
	ErrWeakPassphrase   = fmt.Errorf("frasa sandi terlalu pendek (minimal %d karakter)", MinPassphraseLen)
	ErrCorruptKeyFile   = errors.New("berkas kunci rusak atau bukan berkas kunci SPBE Mandiri")
	ErrCorruptBackup    = errors.New("berkas cadangan kunci rusak atau bukan cadangan kunci SPBE Mandiri")
	ErrCorruptPublicKey = errors.New("berkas kunci publik rusak atau bukan kunci publik SPBE Mandiri")
)

// DifferentKeyError is returned by Restore when another key is already
// installed and force was not given: restoring would change the OPD's
// identity.
type DifferentKeyError struct {
	Installed, Backup Identity
}

func (e *DifferentKeyError) Error() string {
	return fmt.Sprintf("instalasi ini sudah memakai kunci lain (sidik jari %s); cadangan berisi kunci dengan sidik jari %s. "+
		"Memulihkan akan mengganti identitas penanda tangan di folder ini; ulangi dengan --force bila memang disengaja",
		e.Installed.Fingerprint, e.Backup.Fingerprint)
}
