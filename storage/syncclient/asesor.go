package syncclient

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/signedjson"
)

// Asesor is the Tim Asesor's side of the server: publish the key registry,
// pull what the server decided. Key is the unlocked assessor key.
type Asesor struct {
	Server, Pemda string
	Key           ed25519.PrivateKey
	HTTP          *http.Client
}

func (a Asesor) client() *http.Client {
	if a.HTTP != nil {
		return a.HTTP
	}
	return &http.Client{Timeout: 10 * time.Minute}
}

// PublishRegistry signs the OPD key registry as snapshot version and puts
// it on the server: the only way the server learns which OPD keys may
// push, and their status. Versions must grow (the Unix time in
// milliseconds is a good choice).
func (a Asesor) PublishRegistry(ctx context.Context, version int64, ks []syncapi.RegistryKey) error {
	body, err := json.Marshal(syncapi.Registry{Format: "spbe-key-registry", Pemda: a.Pemda, Version: version, Keys: ks})
	if err != nil {
		return err
	}
	env := signedjson.Sign(syncapi.RegistryPayloadType, body, a.Key)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, a.Server+"/v1/pemda/"+a.Pemda+"/registry", bytes.NewReader(env))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.client().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return answerError("daftar kunci", resp)
	}
	return nil
}

// RegistryKey is one OPD key for PublishRegistry.
func RegistryKey(pub ed25519.PublicKey, opdKode, status string) syncapi.RegistryKey {
	return syncapi.RegistryKey{PublicKey: base64.StdEncoding.EncodeToString(pub), OPDKode: opdKode, Status: status}
}

// LogEntry is one decided bundle in the server's log.
type LogEntry struct {
	Seq            int64  `json:"seq"`
	BundleID       string `json:"bundle_id"`
	ManifestSHA256 string `json:"manifest_sha256"`
	OPDKode        string `json:"opd_kode"`
	Outcome        string `json:"outcome"`
	Status         string `json:"status"`
	CompletedAt    string `json:"completed_at"`
}

// Pull downloads the containers of the bundles the server decided after
// cursor into dir (one .spbe each, written atomically) and returns their
// paths in log order with the new cursor. Import them with the desktop's
// Workspace.Import, then keep the cursor: what the server sends is
// verified there like a bundle from a stick.
func (a Asesor) Pull(ctx context.Context, cursor int64, dir string) (paths []string, next int64, err error) {
	var log []LogEntry
	if err := a.getJSON(ctx, "/v1/pemda/"+a.Pemda+"/log?after="+strconv.FormatInt(cursor, 10), &log); err != nil {
		return nil, cursor, err
	}
	next = cursor
	for _, e := range log {
		p := filepath.Join(dir, fmt.Sprintf("server-%06d-%s.spbe", e.Seq, e.BundleID))
		if err := a.download(ctx, "/v1/pemda/"+a.Pemda+"/bundles/"+e.BundleID+"/container", p); err != nil {
			return paths, next, err
		}
		paths, next = append(paths, p), e.Seq
	}
	return paths, next, nil
}

// signed is a GET with the SPBE-Asesor signature header.
func (a Asesor) signed(ctx context.Context, uri string) (*http.Response, error) {
	return signedGet(ctx, a.client(), a.Server, uri, "SPBE-Asesor", a.Key)
}

// signedGet is a GET signed with key under scheme (docs/sync.md §2.4).
func signedGet(ctx context.Context, c *http.Client, server, uri, scheme string, key ed25519.PrivateKey) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, server+uri, nil)
	if err != nil {
		return nil, err
	}
	ts := time.Now().Unix()
	sig := ed25519.Sign(key, bundle.PAE(syncapi.SignedRequestType, syncapi.SignedRequestText(http.MethodGet, uri, ts)))
	req.Header.Set("Authorization", fmt.Sprintf("%s %s:%d:%s", scheme, keys.KeyID(key.Public().(ed25519.PublicKey)), ts,
		base64.StdEncoding.EncodeToString(sig)))
	return c.Do(req)
}

// PushFeedback sends a .spbe-umpan file (signed by this assessor key) for
// the server to relay to the OPD; added is false when it was there.
func (a Asesor) PushFeedback(ctx context.Context, envelope []byte) (added bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.Server+"/v1/pemda/"+a.Pemda+"/feedback", bytes.NewReader(envelope))
	if err != nil {
		return false, err
	}
	resp, err := a.client().Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusCreated:
		return true, nil
	case http.StatusOK:
		return false, nil
	}
	return false, answerError("umpan balik", resp)
}

// FetchFeedback is the OPD's read of the feedback on a bundle it signed:
// the .spbe-umpan envelopes, to import like files from a stick (verified
// there with the assessor key the OPD trusts). key is the OPD's key.
func FetchFeedback(ctx context.Context, cfg Config, key ed25519.PrivateKey, bundleID string) ([][]byte, error) {
	cfg = withDefaults(cfg)
	resp, err := signedGet(ctx, cfg.HTTP, cfg.Server, "/v1/pemda/"+cfg.Pemda+"/bundles/"+bundleID+"/feedback", "SPBE-OPD", key)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, answerError("umpan balik", resp)
	}
	var list syncapi.FeedbackList
	err = json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(&list)
	return list.Feedback, err
}

func (a Asesor) getJSON(ctx context.Context, uri string, v any) error {
	resp, err := a.signed(ctx, uri)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return answerError("log", resp)
	}
	return json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(v)
}

func (a Asesor) download(ctx context.Context, uri, path string) error {
	resp, err := a.signed(ctx, uri)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return answerError("bundel", resp)
	}
	_, err = atomicfile.Write(path, atomicfile.Options{Replace: true}, func(w io.Writer) error {
		_, err := io.Copy(w, io.LimitReader(resp.Body, bundle.DefaultLimits.MaxTotalSize+1<<20))
		return err
	})
	return err
}

// answerError turns a refusal into an error with the server's reason.
func answerError(what string, resp *http.Response) error {
	var a syncapi.Answer
	_ = json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&a)
	if a.Error != nil {
		return fmt.Errorf("%s ditolak server (%s): %s", what, a.Error.Code, a.Error.Reason)
	}
	return fmt.Errorf("%s: server menjawab %s", what, resp.Status)
}
