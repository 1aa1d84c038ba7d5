package asesor

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// A stick key is a KUNCI_PUBLIK_<KODE>.json file that an OPD's export
// wrote beside its bundle. On the assessor's first stick it saves typing
// `keys add` for every OPD: a bundle whose signer is unknown but whose key
// file lies beside it is verified with that key, the key is registered as
// pending ("menunggu verifikasi" — an import never verifies a key; the
// fingerprint must still be compared with the signed form or by phone)
// and the bundle is stored as pending. An OPD already bound to another
// key still meets KUNCI BERBEDA: the key file is then not registered.
type stickKey struct {
	id   keys.Identity
	file string
}

// stickKeys are the stick keys found, by key id.
type stickKeys map[string]stickKey

// stickKeyPrefix and the .json extension name the files export writes.
const stickKeyPrefix = "KUNCI_PUBLIK_"

// findStickKeys reads the key files in the folders given (recursively,
// as bundles are found) and beside the bundle files given. A file that is
// not a valid public key is left alone: the bundle it would have vouched
// for then gets the usual unknown-key advice.
func findStickKeys(paths []string) stickKeys {
	out := stickKeys{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			continue
		case fi.IsDir():
			walkStickKeys(p, out)
		default:
			readStickKeysIn(filepath.Dir(p), out)
		}
	}
	return out
}

func walkStickKeys(root string, out stickKeys) {
	_ = filepath.WalkDir(root, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable corner of the stick hides no bundle either
		}
		if d.IsDir() && q != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && isStickKeyName(d.Name()) {
			addStickKey(q, out)
		}
		return nil
	})
}

func readStickKeysIn(dir string, out stickKeys) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Type().IsRegular() && isStickKeyName(e.Name()) {
			addStickKey(filepath.Join(dir, e.Name()), out)
		}
	}
}

func isStickKeyName(name string) bool {
	upper := strings.ToUpper(name)
	return strings.HasPrefix(upper, stickKeyPrefix) && strings.HasSuffix(upper, ".JSON")
}

func addStickKey(path string, out stickKeys) {
	id, err := keys.ReadPublic(path) // refuses small-order and malformed keys
	if err != nil {
		return
	}
	if _, dup := out[id.KeyID]; !dup {
		out[id.KeyID] = stickKey{id: id, file: path}
	}
}

// adoptStickKey registers the stick key that verified v (pending, bound
// to no OPD yet: storing the bundle binds it, as for any new key) and
// goes on with the bundle as if the key had been registered before.
func (w *Workspace) adoptStickKey(ctx context.Context, path string, v *bundle.Verified, res intake.Outcome, sk stickKey) (*checked, intake.Outcome, error) {
	if _, _, err := w.addKey(ctx, sk.id, "flashdisk: "+filepath.Base(sk.file), ""); err != nil {
		return nil, res, w.classify(err)
	}
	res.KeyFromStick = filepath.Base(sk.file)
	return w.checked(path, v, res)
}
