// Package asesorsync connects the Tim Asesor's workspace (storage/asesor)
// to the collection server: the registry published from the workspace's
// keys, and the pull imported with the workspace's ordinary import, with
// the cursor kept in the workspace folder.
package asesorsync

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// PublishRegistry signs the workspace's keys bound to an OPD (pending,
// verified and revoked, as the workspace has them) as a new snapshot and
// puts it on the server. n is the number of keys listed.
func PublishRegistry(ctx context.Context, w *asesor.Workspace, tim syncclient.Asesor) (n int, err error) {
	ks, err := w.Keys(ctx)
	if err != nil {
		return 0, err
	}
	var reg []syncapi.RegistryKey
	for _, k := range ks {
		if k.OPDKode != "" {
			reg = append(reg, syncclient.RegistryKey(k.PublicKey, k.OPDKode, string(k.Status)))
		}
	}
	return len(reg), tim.PublishRegistry(ctx, time.Now().UnixMilli(), reg)
}

// CursorFile is the pull cursor in the workspace folder.
const CursorFile = "sync_cursor.json"

type cursor struct {
	Server string `json:"server"`
	Pemda  string `json:"pemda"`
	Cursor int64  `json:"cursor"`
}

// Pull downloads what the server decided since the workspace's cursor
// into <asesor>/inbox, imports it with the ordinary import (so the server
// can withhold but not forge), and moves the cursor past it only once the
// import ran: a failure of the workspace pulls the same bundles again.
func Pull(ctx context.Context, w *asesor.Workspace, tim syncclient.Asesor) ([]intake.Outcome, error) {
	path := filepath.Join(w.Dir(), CursorFile)
	var cur cursor
	if data, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(data, &cur)
	}
	if cur.Server != tim.Server || cur.Pemda != tim.Pemda {
		cur = cursor{Server: tim.Server, Pemda: tim.Pemda}
	}
	inbox := filepath.Join(w.Dir(), "inbox")
	if err := os.MkdirAll(inbox, 0o700); err != nil {
		return nil, err
	}
	paths, next, pullErr := tim.Pull(ctx, cur.Cursor, inbox)
	if len(paths) == 0 {
		return nil, pullErr
	}
	out, err := w.Import(ctx, paths, nil)
	if err != nil {
		return out, err
	}
	cur.Cursor = next
	data, _ := json.Marshal(cur)
	if err := atomicfile.WriteFile(path, data, atomicfile.Options{Replace: true}); err != nil {
		return out, err
	}
	for _, p := range paths {
		_ = os.Remove(p) // imported: the workspace keeps its own copy
	}
	return out, pullErr
}
