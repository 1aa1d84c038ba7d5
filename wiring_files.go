package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeFileSynced writes data to path through a temporary file, fsynced
// and renamed, so a pulled stick never holds half a file under the name.
func writeFileSynced(path string, data []byte) error {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".partial")
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// freeFileName is dir/base+ext, or dir/base_2+ext and so on: the first
// name not taken, so that nothing already on the stick is overwritten.
func freeFileName(dir, base, ext string) string {
	path := filepath.Join(dir, base+ext)
	for n := 2; fileExists(path); n++ {
		path = filepath.Join(dir, fmt.Sprintf("%s_%d%s", base, n, ext))
	}
	return path
}
