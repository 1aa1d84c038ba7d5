package app

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// fakePaperCheck is the paper-check part of fakeAsesor: QR texts it knows
// give their result, a text not starting with SPBE1: is malformed (as
// storage/asesor.ParseQRText says), any other text is not found.
type fakePaperCheck struct {
	pmu     sync.Mutex
	papers  map[string]assessment.PaperCheckResult // by QR text
	checked []string
}

func (f *fakePaperCheck) PaperCheck(_ context.Context, text string) (assessment.PaperCheckResult, error) {
	f.pmu.Lock()
	defer f.pmu.Unlock()
	f.checked = append(f.checked, text)
	text = strings.TrimSpace(text)
	if r, ok := f.papers[text]; ok {
		return r, nil
	}
	parts := strings.Split(text, ":")
	if len(parts) != 6 || !strings.EqualFold(parts[0], "SPBE1") {
		return assessment.PaperCheckResult{}, errors.New("teks QR tidak sah: bukan teks QR laporan SPBE Mandiri versi 1 (bentuk: SPBE1:KODE:PERIODE:NOMOR:DIGEST:SIDIKJARI)")
	}
	return assessment.PaperCheckResult{OPDKode: parts[1]}, nil
}
