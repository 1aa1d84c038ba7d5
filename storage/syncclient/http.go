package syncclient

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// maxInline mirrors the server's limit for answers.json and report.pdf
// sent with the announcement.
const maxInline = 1 << 20

func (p *push) url(rest string) string { return p.cfg.Server + "/v1/pemda/" + p.cfg.Pemda + rest }

// announce sends the signed pair, with answers.json and report.pdf inline
// when small.
func (p *push) announce(ctx context.Context) (int, syncapi.Answer, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, name := range []string{bundle.EntryManifest, bundle.EntrySignature, bundle.EntryAnswers, bundle.EntryReport} {
		e := p.entries[name]
		if e == nil || (name != bundle.EntryManifest && name != bundle.EntrySignature && e.UncompressedSize64 > maxInline) {
			continue
		}
		r, done, err := p.entryReader(name, 0)
		if err != nil {
			return 0, syncapi.Answer{}, err
		}
		w, _ := mw.CreateFormFile(name, name)
		_, err = io.Copy(w, r)
		done()
		if err != nil {
			return 0, syncapi.Answer{}, err
		}
	}
	mw.Close()
	return p.post(ctx, "/bundles", &body, mw.FormDataContentType())
}

func (p *push) post(ctx context.Context, rest string, body io.Reader, ctype string) (int, syncapi.Answer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url(rest), body)
	if err != nil {
		return 0, syncapi.Answer{}, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	return p.do(req)
}

// do sends a request and reads the JSON answer; transport failures and
// 5xx are retryable.
func (p *push) do(req *http.Request) (int, syncapi.Answer, error) {
	resp, err := p.cfg.HTTP.Do(req)
	if err != nil {
		return 0, syncapi.Answer{}, errRetry{err}
	}
	defer resp.Body.Close()
	var a syncapi.Answer
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return resp.StatusCode, a, errRetry{err}
	}
	if resp.StatusCode >= 500 {
		return resp.StatusCode, a, errRetry{fmt.Errorf("server: %s", resp.Status)}
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return resp.StatusCode, a, fmt.Errorf("jawaban server tidak dapat dibaca (%s): %w", resp.Status, err)
	}
	return resp.StatusCode, a, nil
}

// upload sends one missing file from the server's offset on, chunk by
// chunk. moved: at least one byte was acknowledged.
func (p *push) upload(ctx context.Context, f syncapi.MissingFile) (moved bool, err error) {
	off, err := p.head(ctx, p.url("/bundles/"+p.bundleID()+"/files/"+f.SHA256))
	if err != nil {
		return false, err
	}
	p.acknowledged(f.SHA256, off) // a cut PATCH's bytes the server kept
	for off < f.Size {
		got, err := p.patch(ctx, f, off)
		if got > off {
			moved = true
			p.res.Sent += got - off
			p.acknowledged(f.SHA256, got)
			off = got
		}
		if err != nil {
			return moved, err
		}
	}
	return moved, nil
}

// acknowledged records a file's offset the server acknowledged and
// reports the progress: the bytes the server holds of the files that were
// missing when the push began.
func (p *push) acknowledged(sha string, off int64) {
	if p.acked == nil {
		p.acked = map[string]int64{}
	}
	if off <= p.acked[sha] {
		return
	}
	p.acked[sha] = off
	if p.cfg.Progress == nil {
		return
	}
	var done int64
	for _, n := range p.acked {
		done += n
	}
	p.cfg.Progress(min(done, p.total), p.total)
}

// bundleID is the manifest's bundle id (read once).
func (p *push) bundleID() string {
	if p.id != "" {
		return p.id
	}
	var m struct {
		BundleID string `json:"bundle_id"`
	}
	if r, done, err := p.entryReader(bundle.EntryManifest, 0); err == nil {
		_ = json.NewDecoder(r).Decode(&m)
		done()
	}
	p.id = m.BundleID
	return p.id
}

func (p *push) head(ctx context.Context, url string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := p.cfg.HTTP.Do(req)
	if err != nil {
		return 0, errRetry{err}
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, errRetry{fmt.Errorf("HEAD: %s", resp.Status)}
	}
	off, err := strconv.ParseInt(resp.Header.Get("Upload-Offset"), 10, 64)
	if err != nil {
		return 0, errRetry{fmt.Errorf("HEAD tanpa Upload-Offset")}
	}
	return off, nil
}

// patch sends one chunk at off and returns the server's new offset.
func (p *push) patch(ctx context.Context, f syncapi.MissingFile, off int64) (int64, error) {
	r, done, err := p.entryReader(f.Path, off)
	if err != nil {
		return off, err
	}
	defer done()
	n := min(p.cfg.Chunk, f.Size-off)
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, p.url("/bundles/"+p.bundleID()+"/files/"+f.SHA256), io.LimitReader(r, n))
	if err != nil {
		return off, err
	}
	req.ContentLength = n
	req.Header.Set("Content-Type", "application/offset+octet-stream")
	req.Header.Set("Upload-Offset", strconv.FormatInt(off, 10))
	req.Header.Set("Tus-Resumable", "1.0.0")
	req.Header.Set("Expect", "100-continue")
	resp, err := p.cfg.HTTP.Do(req)
	if err != nil {
		return off, errRetry{err}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	resp.Body.Close()
	got, perr := strconv.ParseInt(resp.Header.Get("Upload-Offset"), 10, 64)
	switch {
	case resp.StatusCode == http.StatusNoContent && perr == nil:
		return got, nil
	case resp.StatusCode == http.StatusConflict, resp.StatusCode == http.StatusLocked, resp.StatusCode >= 500:
		return off, errRetry{fmt.Errorf("PATCH: %s", resp.Status)} // the next attempt HEADs again
	case resp.StatusCode == http.StatusUnprocessableEntity:
		return off, errRetry{fmt.Errorf("berkas %s rusak di perjalanan; dikirim ulang", f.Path)}
	}
	return off, fmt.Errorf("PATCH %s: %s", f.Path, resp.Status)
}
