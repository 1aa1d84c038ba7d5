package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
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

func zipEntry(t *testing.T, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
