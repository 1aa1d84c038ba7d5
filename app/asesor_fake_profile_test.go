package app

import (
	"context"
	"strings"
	"sync"
)

// fakeAsesorProfile is the workspace profile of fakeAsesor. A fresh fake
// has a name, so that screens not about the profile are never
// interrupted by the question; noName clears it.
type fakeAsesorProfile struct {
	profMu   sync.Mutex
	reviewer string
	noName   bool
}

func (f *fakeAsesorProfile) ReviewerName(context.Context) (string, error) {
	f.profMu.Lock()
	defer f.profMu.Unlock()
	if f.reviewer == "" && !f.noName {
		return "Budi Asesor", nil
	}
	return f.reviewer, nil
}

func (f *fakeAsesorProfile) SetReviewerName(_ context.Context, name string) error {
	f.profMu.Lock()
	defer f.profMu.Unlock()
	f.reviewer = strings.TrimSpace(name)
	return nil
}
