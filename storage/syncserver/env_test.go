package syncserver

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
	"github.com/spbe-mandiri/spbe-mandiri/storage/signedjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/testsvc"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		serveChild() // a re-executed server for TestKilledServerKeepsAcknowledgedBytes
		return
	}
	testsvc.Main(m)
}

// schema is the migrated template every test database is cloned from.
var schema = testsvc.Template{Name: "spbe_server_v1", Prepare: func(ctx context.Context, dsn string) error {
	_, err := serverdb.Migrate(ctx, dsn)
	return err
}}

const pemdaKode = "72.10"

// env is one test's server on real PostgreSQL and versitygw.
type env struct {
	t       testing.TB
	db      *serverdb.DB
	srv     *Server
	http    *httptest.Server
	url     string // base URL clients use (may be a proxy)
	asesor  ed25519.PrivateKey
	regVer  int64
	serverK ed25519.PrivateKey
	gw      *testsvc.S3Server
}

func testsvcGateway(e *env) *testsvc.S3Server { return e.gw }

func key(seed byte) ed25519.PrivateKey { return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, 32)) }

func newEnv(t *testing.T, opts ...func(*Config)) *env { return newEnvB(t, opts...) }

func newEnvB(t testing.TB, opts ...func(*Config)) *env {
	t.Helper()
	ctx := context.Background()
	dsn := testsvc.Database(t, schema)
	bucket := testsvc.S3(t)
	db, err := serverdb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, db: db, asesor: key(9), serverK: key(11), gw: bucket.S3Server}
	asesorID := keys.IdentityOf(e.asesor.Public().(ed25519.PublicKey), time.Time{})
	if _, err := db.Enrol(ctx, pemdaKode, "Kabupaten Sigi", "operator-uji", []serverdb.AsesorKey{{Identity: asesorID, Name: "Tim Asesor Sigi"}},
		[]string{asesorID.Fingerprint}); err != nil {
		t.Fatal(err)
	}
	cfg := Config{DB: db, S3: bucket.Client(), Bucket: bucket.Name, Staging: t.TempDir(), Key: e.serverK,
		Name: "https://sync.test", Library: lib, PartSize: MinPartSize, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, o := range opts {
		o(&cfg)
	}
	e.srv, err = New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.http = httptest.NewServer(e.srv.Handler())
	t.Cleanup(e.http.Close)
	e.url = e.http.URL
	return e
}

// register signs and sends a registry snapshot listing these OPD keys.
func (e *env) register(entries ...regEntry) *http.Response {
	e.t.Helper()
	e.regVer++
	reg := syncapi.Registry{Format: "spbe-key-registry", Pemda: pemdaKode, Version: e.regVer}
	for _, k := range entries {
		reg.Keys = append(reg.Keys, syncapi.RegistryKey{PublicKey: base64.StdEncoding.EncodeToString(k.key.Public().(ed25519.PublicKey)),
			OPDKode: k.opd, Status: k.status})
	}
	body, _ := json.Marshal(reg)
	env := signedjson.Sign(syncapi.RegistryPayloadType, body, e.asesor)
	req, _ := http.NewRequest(http.MethodPut, e.url+"/v1/pemda/"+pemdaKode+"/registry", bytes.NewReader(env))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

type regEntry struct {
	key    ed25519.PrivateKey
	opd    string
	status string
}

var opdKey = key(7)

// spec describes a test bundle, made with the real writer (bundle.Write).
type spec struct {
	bundleID   string
	seq        uint64
	supersedes *bundle.Supersedes
	opd        string
	level      int // of the first indicator
	evidence   [][]byte
	key        ed25519.PrivateKey
}

var pemdi *assessment.Catalog

func catalog(t testing.TB) *assessment.Catalog {
	if pemdi == nil {
		lib, err := assets.Library()
		if err != nil {
			t.Fatal(err)
		}
		if pemdi, err = lib.Latest("pemdi-2026"); err != nil {
			t.Fatal(err)
		}
	}
	return pemdi
}

// made is a built bundle and its parts.
type made struct {
	file     []byte
	parts    map[string][]byte
	manifest bundle.Manifest
	sha      string // manifest SHA-256
}

func makeBundle(t testing.TB, s spec) made {
	t.Helper()
	c := catalog(t)
	if s.opd == "" {
		s.opd = "DISKOMINFO"
	}
	if s.key == nil {
		s.key = opdKey
	}
	if s.level == 0 {
		s.level = 3
	}
	blobs := map[string][]byte{}
	var ev []assessment.Evidence
	for i, data := range s.evidence {
		sum := sha256.Sum256(data)
		h := hex.EncodeToString(sum[:])
		blobs[h] = data
		ev = append(ev, assessment.Evidence{ID: int64(i + 1), Indicator: c.Indicators[0].Number,
			Blob:         assessment.Blob{SHA256: h, Size: int64(len(data)), MediaType: "application/pdf"},
			OriginalName: fmt.Sprintf("bukti-%d.pdf", i+1), Level: s.level})
	}
	snap := assessment.Snapshot{
		Profile: assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: s.opd, OPDNama: "Dinas " + s.opd, Operator: "Rina"},
		Assessment: assessment.Assessment{ID: "a-1", CatalogID: c.ID, CatalogVersion: c.Version, CatalogSHA256: c.SHA256(),
			Periode: 2026, Status: assessment.AssessmentDraft},
		Catalog:  c,
		Answers:  everyAspect(c, s.level),
		Evidence: ev,
	}
	in := bundle.Input{BundleID: s.bundleID, CreatedAt: time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC), Sequence: s.seq,
		Supersedes: s.supersedes, App: bundle.App{Name: "spbe-mandiri", Version: "test"}, Snapshot: snap,
		OpenBlob: func(h string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(blobs[h])), nil },
		Report: func(info bundle.ReportInfo) ([]byte, string, error) {
			return fmt.Appendf(nil, "%%PDF-1.7\n%% laporan %s seq %d %s\n%%%%EOF\n", info.OPDKode, info.Sequence, info.ContentDigest), "", nil
		}}
	var buf bytes.Buffer
	if _, err := bundle.Write(context.Background(), &buf, in, s.key); err != nil {
		t.Fatal(err)
	}
	m := made{file: buf.Bytes(), parts: map[string][]byte{}}
	zr, err := zip.NewReader(bytes.NewReader(m.file), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		m.parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	v, err := bundle.Verify(bytes.NewReader(m.file), int64(len(m.file)), bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m.manifest, m.sha = v.Manifest, v.ManifestSHA256
	return m
}

func everyAspect(c *assessment.Catalog, level int) []assessment.Answer {
	done := map[int]bool{}
	var out []assessment.Answer
	for _, in := range c.Indicators {
		if !done[in.Aspect] {
			done[in.Aspect] = true
			out = append(out, assessment.Answer{Indicator: in.Number, Level: level, Justification: "Sudah ada SK"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Indicator < out[j].Indicator })
	return out
}

// client is a test OPD client speaking the API over HTTP.
type client struct {
	t    testing.TB
	base string
	http *http.Client
	// chunk is the PATCH body size (0: the whole rest of the file).
	chunk int
	// noInline: announce without answers.json and report.pdf.
	noInline bool
}

func (e *env) client() *client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.ExpectContinueTimeout = 5 * time.Second
	return &client{t: e.t, base: e.url, http: &http.Client{Timeout: 60 * time.Second, Transport: tr}}
}

func (c *client) path(rest string) string { return c.base + "/v1/pemda/" + pemdaKode + rest }

// announce sends the signed pair.
func (c *client) announce(m made) (int, syncapi.Answer, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	names := []string{bundle.EntryManifest, bundle.EntrySignature}
	if !c.noInline {
		names = append(names, bundle.EntryAnswers, bundle.EntryReport)
	}
	for _, name := range names {
		w, _ := mw.CreateFormFile(name, name)
		_, _ = w.Write(m.parts[name])
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.path("/bundles"), &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func (c *client) do(req *http.Request) (int, syncapi.Answer, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, syncapi.Answer{}, err
	}
	defer resp.Body.Close()
	var a syncapi.Answer
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, a, err
	}
	if len(data) > 0 {
		if err := json.Unmarshal(data, &a); err != nil {
			return resp.StatusCode, a, fmt.Errorf("answer %q: %w", data, err)
		}
	}
	return resp.StatusCode, a, nil
}

// head asks the acknowledged offset of a file.
func (c *client) head(m made, sha string) (int64, error) {
	req, _ := http.NewRequest(http.MethodHead, c.path("/bundles/"+m.manifest.BundleID+"/files/"+sha), nil)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("HEAD: %s", resp.Status)
	}
	var off int64
	_, err = fmt.Sscan(resp.Header.Get("Upload-Offset"), &off)
	return off, err
}

// patch sends data[off:off+n] and returns the server's offset.
func (c *client) patch(m made, sha string, data []byte, off int64) (int, int64, error) {
	end := int64(len(data))
	if c.chunk > 0 {
		end = min(end, off+int64(c.chunk))
	}
	req, _ := http.NewRequest(http.MethodPatch, c.path("/bundles/"+m.manifest.BundleID+"/files/"+sha), bytes.NewReader(data[off:end]))
	req.Header.Set("Content-Type", "application/offset+octet-stream")
	req.Header.Set("Upload-Offset", fmt.Sprint(off))
	req.Header.Set("Tus-Resumable", "1.0.0")
	// The body only after the server's 100 Continue: a PATCH refused at
	// once (offset, locked) costs no bytes on a slow link.
	req.Header.Set("Expect", "100-continue")
	t0 := time.Now()
	resp, err := c.http.Do(req)
	if d := time.Since(t0); d > time.Second {
		c.t.Logf("slow PATCH %v: %v code %v off %d len %d", d, err, resp.StatusCode, off, end-off)
	}
	if err != nil {
		return 0, 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	var got int64
	_, _ = fmt.Sscan(resp.Header.Get("Upload-Offset"), &got)
	return resp.StatusCode, got, nil
}

func (c *client) completeReq(m made) (int, syncapi.Answer, error) {
	req, _ := http.NewRequest(http.MethodPost, c.path("/bundles/"+m.manifest.BundleID+"/complete"), nil)
	return c.do(req)
}

// upload sends one file until the server holds it, resuming at the
// server's offset after any failure (up to tries attempts).
func (c *client) upload(m made, f syncapi.MissingFile, tries int) error {
	data := m.parts[f.Path]
	var off int64
	var lastErr error
	for range tries {
		code, got, err := c.patch(m, f.SHA256, data, off)
		switch {
		case err == nil && code == http.StatusNoContent:
			off = got
			if off == f.Size {
				return nil
			}
			continue
		case err == nil:
			lastErr = fmt.Errorf("PATCH: %d", code)
			if code == http.StatusLocked {
				time.Sleep(20 * time.Millisecond) // another PATCH of the same file is running
			}
		default:
			lastErr = err
		}
		if off, err = c.head(m, f.SHA256); err != nil {
			lastErr = err
		}
	}
	return fmt.Errorf("%s not sent after %d tries: %w", f.Path, tries, lastErr)
}

// push is the whole protocol: announce, upload the missing files, complete.
func (c *client) push(m made) (int, syncapi.Answer) {
	c.t.Helper()
	code, a, err := c.announce(m)
	if err != nil {
		c.t.Fatalf("announce: %v", err)
	}
	if a.Outcome != syncapi.OutcomeWaiting {
		return code, a
	}
	for _, f := range a.Missing {
		if err := c.upload(m, f, 50); err != nil {
			c.t.Fatal(err)
		}
	}
	code, a, err = c.completeReq(m)
	if err != nil {
		c.t.Fatalf("complete: %v", err)
	}
	return code, a
}
