package storage

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/blobstore"
)

// Backup archive layout (a zip):
//
//	spbe-mandiri.db          a VACUUM INTO snapshot of the database
//	blobs/ab/abcdef…         every evidence file the snapshot refers to
//	SHA256SUMS               "<sha256>  <path>" per entry, sha256sum -c compatible
const (
	sumsName     = "SHA256SUMS"
	archiveDB    = dbFileName
	maxSumsBytes = 64 << 20

	snapshotPrefix = ".cadangan-" // VACUUM INTO target while a backup runs
	stagingPrefix  = ".pulih-"    // restore staging folder
)

// archiveEntry is the whitelist of names a backup may contain; restore
// never writes a path taken from the archive without matching it.
var archiveEntry = regexp.MustCompile(`^(spbe-mandiri\.db|blobs/[0-9a-f]{2}/[0-9a-f]{64})$`)

// checksums maps archive path to hex SHA-256.
type checksums map[string]string

// writeTo writes the list in sha256sum format, sorted by path.
func (s checksums) writeTo(w io.Writer) error {
	paths := make([]string, 0, len(s))
	for p := range s {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	bw := bufio.NewWriter(w)
	for _, p := range paths {
		fmt.Fprintf(bw, "%s  %s\n", s[p], p)
	}
	return bw.Flush()
}

// parseChecksums reads a SHA256SUMS file, refusing unknown names,
// duplicates and malformed lines.
func parseChecksums(r io.Reader) (checksums, error) {
	s := checksums{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		sum, path, ok := strings.Cut(sc.Text(), "  ")
		switch {
		case !ok || !blobstore.ValidSum(sum):
			return nil, fmt.Errorf("%s baris %d tidak valid", sumsName, line)
		case !archiveEntry.MatchString(path):
			return nil, fmt.Errorf("%s baris %d: nama %q tidak dikenal", sumsName, line, path)
		case s[path] != "":
			return nil, fmt.Errorf("%s baris %d: %q ganda", sumsName, line, path)
		case strings.HasPrefix(path, blobDirName+"/") && path != blobDirName+"/"+sum[:2]+"/"+sum:
			return nil, fmt.Errorf("%s baris %d: checksum %q tidak sama dengan namanya", sumsName, line, path)
		}
		s[path] = sum
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s tidak terbaca: %w", sumsName, err)
	}
	if s[archiveDB] == "" {
		return nil, fmt.Errorf("%s tidak ada di daftar", archiveDB)
	}
	return s, nil
}
