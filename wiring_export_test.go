package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

func writeBundle(t *testing.T, in bundle.Input, key *keys.Key) []byte {
	t.Helper()
	r := export.SignedReport(key)
	in.Report = func(info bundle.ReportInfo) ([]byte, string, error) { return r(in.Snapshot, info) }
	var buf bytes.Buffer
	if _, err := bundle.Write(context.Background(), &buf, in, key.Private()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
