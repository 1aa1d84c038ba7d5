package syncserver

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"time"
)

// GCReport is what GC removed.
type GCReport struct {
	Bundles int64 // staging bundles expired
	Uploads int   // unfinished uploads aborted (S3 multipart and tail)
	Tails   int   // tail files left without an upload
}

// GC expires what clients abandoned: uploads with no progress for maxAge
// (their S3 multipart upload aborted, their tail removed), staging bundles
// announced before that with no upload progress since, and stray tail
// files. Decided bundles and stored blobs are never touched. Run it from
// `spbe-server gc` (daily); uploads in progress are not affected.
func (s *Server) GC(ctx context.Context, maxAge time.Duration) (GCReport, error) {
	before := time.Now().Add(-maxAge)
	var rep GCReport
	stale, err := s.cfg.DB.StaleUploads(ctx, before)
	if err != nil {
		return rep, err
	}
	for _, u := range stale {
		tail := s.uploads.tailPath(u.PemdaID, u.SHA256, u.PartsBytes)
		if fi, err := os.Stat(tail); err == nil && fi.ModTime().After(before) {
			continue // bytes arrived recently, below a part
		}
		if u.S3Upload != "" {
			err := s.uploads.core.AbortMultipartUpload(ctx, s.cfg.Bucket, blobKey(u.SHA256), u.S3Upload)
			if err != nil {
				return rep, err
			}
		}
		if err := s.cfg.DB.DeleteUpload(ctx, u.PemdaID, u.SHA256); err != nil {
			return rep, err
		}
		_ = os.Remove(tail)
		rep.Uploads++
	}
	if rep.Bundles, err = s.cfg.DB.ExpireStaging(ctx, before); err != nil {
		return rep, err
	}
	rep.Tails, err = s.removeStrayTails(before)
	return rep, err
}

// removeStrayTails deletes tail files not written since before (a tail
// of an upload that never reached a part has no row).
func (s *Server) removeStrayTails(before time.Time) (int, error) {
	names, err := filepath.Glob(filepath.Join(s.cfg.Staging, "*.tail"))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, name := range names {
		fi, err := os.Stat(name)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return n, err
		}
		if fi.ModTime().Before(before) {
			if err := os.Remove(name); err == nil {
				n++
			}
		}
	}
	return n, nil
}
