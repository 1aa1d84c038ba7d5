package app

import (
	"context"
	"sync"
)

// fakeAccept is the conflict-settling part of fakeAsesor: it records the
// bundles made accepted and fails with err when set.
type fakeAccept struct {
	amu      sync.Mutex
	accepted []string
	err      error
}

func (f *fakeAccept) AcceptBundle(_ context.Context, bundleID string) error {
	f.amu.Lock()
	defer f.amu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.accepted = append(f.accepted, bundleID)
	return nil
}

func (f *fakeAccept) acceptedIDs() []string {
	f.amu.Lock()
	defer f.amu.Unlock()
	return append([]string(nil), f.accepted...)
}
