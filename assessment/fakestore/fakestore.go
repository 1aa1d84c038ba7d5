// Package fakestore is an in-memory assessment.Store for the GUI's, the
// CLI's and the services' unit tests. It keeps history and trash like the
// real store — both run the contract suite assessment/storetest —,
// streams evidence in small chunks (honouring cancellation and reporting
// progress) and can be told to fail an operation.
package fakestore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Store is the fake. The zero value is not usable; call New.
type Store struct {
	mu          sync.Mutex
	profile     *assessment.Profile
	assessments map[string]*record
	ids         []string
	history     map[string][]assessment.Change
	evidence    map[int64]*evRecord
	blobs       map[string][]byte
	nextID      int64
	closed      bool

	// Now is the clock (time.Now by default).
	Now func() time.Time
	// Fail, when set, is asked before every call by operation name
	// ("SetJustification", …); a non-nil error is returned instead.
	Fail func(op string) error
	// Chunk is the copy size of AddEvidence (default 64 KiB).
	Chunk int
	// BlobDir, when set, is where OpenBlob's files are also written so
	// that BlobPath points at a real file.
	BlobDir string
}

type record struct {
	a       assessment.Assessment
	kept    string // the status a trashed assessment returns to
	cat     *assessment.Catalog
	answers map[int]*assessment.Answer
}

type evRecord struct {
	assessmentID string
	ev           assessment.Evidence
	removed      bool
}

var _ assessment.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{
		assessments: map[string]*record{}, history: map[string][]assessment.Change{},
		evidence: map[int64]*evRecord{}, blobs: map[string][]byte{}, Now: time.Now, Chunk: 64 << 10,
	}
}

func (s *Store) check(op string) error {
	if s.closed {
		return errors.New("penyimpanan sudah ditutup")
	}
	if s.Fail != nil {
		return s.Fail(op)
	}
	return nil
}

// Profile implements assessment.Store.
func (s *Store) Profile(ctx context.Context) (assessment.Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Profile"); err != nil {
		return assessment.Profile{}, err
	}
	if s.profile == nil {
		return assessment.Profile{}, fmt.Errorf("profil %w", assessment.ErrNotFound)
	}
	return *s.profile, nil
}

// SaveProfile implements assessment.Store.
func (s *Store) SaveProfile(ctx context.Context, p assessment.Profile) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("SaveProfile"); err != nil {
		return err
	}
	s.profile = &p
	return nil
}

// ImportedCatalogs implements assessment.Store.
func (s *Store) ImportedCatalogs(ctx context.Context) ([]assessment.ImportedCatalog, error) {
	return nil, nil
}

// SaveImportedCatalog implements assessment.Store.
func (s *Store) SaveImportedCatalog(ctx context.Context, c assessment.ImportedCatalog) error {
	return nil
}

// CreateAssessment implements assessment.Store.
func (s *Store) CreateAssessment(ctx context.Context, c *assessment.Catalog, periode int) (assessment.Assessment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("CreateAssessment"); err != nil {
		return assessment.Assessment{}, err
	}
	if !assessment.ValidPeriode(periode) {
		return assessment.Assessment{}, &assessment.InputError{Msg: fmt.Sprintf("periode %d tidak masuk akal (2000–2100)", periode)}
	}
	s.nextID++
	now := s.Now()
	a := assessment.Assessment{
		ID: "a" + strconv.FormatInt(s.nextID, 10), CatalogID: c.ID, CatalogVersion: c.Version,
		CatalogSHA256: c.SHA256(), Periode: periode, Status: assessment.AssessmentDraft,
		CreatedAt: now, UpdatedAt: now,
	}
	s.assessments[a.ID] = &record{a: a, cat: c, answers: map[int]*assessment.Answer{}}
	s.ids = append(s.ids, a.ID)
	return a, nil
}

// Assessments implements assessment.Store.
func (s *Store) Assessments(ctx context.Context) ([]assessment.Assessment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Assessments"); err != nil {
		return nil, err
	}
	var out []assessment.Assessment
	for _, id := range s.ids {
		if r := s.assessments[id]; r.a.Status != assessment.AssessmentTrashed {
			out = append(out, r.a)
		}
	}
	// As the real store: newest periode first, then in creation order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Periode > out[j].Periode })
	return out, nil
}

func (s *Store) get(id string) (*record, error) {
	r, ok := s.assessments[id]
	if !ok {
		return nil, fmt.Errorf("penilaian %s %w", id, assessment.ErrNotFound)
	}
	return r, nil
}

// Assessment implements assessment.Store.
func (s *Store) Assessment(ctx context.Context, id string) (assessment.Assessment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Assessment"); err != nil {
		return assessment.Assessment{}, err
	}
	r, err := s.get(id)
	if err != nil {
		return assessment.Assessment{}, err
	}
	return r.a, nil
}

// TrashedAssessments implements assessment.Store.
func (s *Store) TrashedAssessments(ctx context.Context) ([]assessment.Assessment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("TrashedAssessments"); err != nil {
		return nil, err
	}
	var out []assessment.Assessment
	for _, id := range s.ids {
		if r := s.assessments[id]; r.a.Status == assessment.AssessmentTrashed {
			out = append(out, r.a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TrashedAt.After(out[j].TrashedAt) })
	return out, nil
}

// TrashAssessment implements assessment.Store.
func (s *Store) TrashAssessment(ctx context.Context, id string) error {
	return s.setTrashed("TrashAssessment", id, true)
}

// RestoreAssessment implements assessment.Store: like the real store, the
// assessment gets back the status it had.
func (s *Store) RestoreAssessment(ctx context.Context, id string) error {
	return s.setTrashed("RestoreAssessment", id, false)
}

func (s *Store) setTrashed(op, id string, trashed bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(op); err != nil {
		return err
	}
	r, err := s.get(id)
	if err != nil {
		return err
	}
	switch {
	case trashed && r.a.Status != assessment.AssessmentTrashed:
		r.kept, r.a.Status, r.a.TrashedAt = r.a.Status, assessment.AssessmentTrashed, s.Now()
	case trashed:
		r.a.TrashedAt = s.Now() // trashed again: it is the most recent one, as in the real store
	case !trashed && r.a.Status == assessment.AssessmentTrashed:
		r.a.Status, r.a.TrashedAt = r.kept, time.Time{}
	}
	return nil
}

// Answers implements assessment.Store.
func (s *Store) Answers(ctx context.Context, id string) ([]assessment.Answer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Answers"); err != nil {
		return nil, err
	}
	r, err := s.get(id)
	if err != nil {
		return nil, err
	}
	var out []assessment.Answer
	for _, a := range r.answers {
		c := *a
		if a.External != nil {
			e := *a.External
			c.External = &e
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Indicator < out[j].Indicator })
	return out, nil
}

// answer is the answer to indicator of assessment id; an untouched one is
// a zero answer that is not stored (Answers lists touched answers only,
// as the real store).
func (s *Store) answer(id string, indicator int) (*record, assessment.Answer, error) {
	r, err := s.get(id)
	if err != nil {
		return nil, assessment.Answer{}, err
	}
	if _, ok := r.cat.Indicator(indicator); !ok {
		return nil, assessment.Answer{}, &assessment.InputError{Msg: fmt.Sprintf("indikator %d tidak ada di katalog penilaian %s", indicator, id)}
	}
	if a := r.answers[indicator]; a != nil {
		return r, *a, nil
	}
	return r, assessment.Answer{Indicator: indicator}, nil
}

// put stores a changed answer.
func (r *record) put(a assessment.Answer) { r.answers[a.Indicator] = &a }

func (s *Store) record(r *record, id string, indicator int, field, old, new, operator string) {
	now := s.Now()
	s.nextID++
	s.history[id] = append(s.history[id], assessment.Change{
		ID: s.nextID, Indicator: indicator, Field: field, Old: old, New: new, At: now, Operator: operator,
	})
	r.a.UpdatedAt = now
}

// SetLevel implements assessment.Store.
func (s *Store) SetLevel(ctx context.Context, id string, indicator, level int, operator string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("SetLevel"); err != nil {
		return err
	}
	// 0 clears the level (not chosen), as in the real store.
	if level < 0 || level > 5 {
		return &assessment.InputError{Msg: fmt.Sprintf("tingkat %d di luar rentang 1–5", level)}
	}
	r, a, err := s.answer(id, indicator)
	if err != nil || a.Level == level {
		return err
	}
	s.record(r, id, indicator, assessment.FieldLevel, strconv.Itoa(a.Level), strconv.Itoa(level), operator)
	a.Level, a.Operator, a.UpdatedAt = level, operator, s.Now()
	r.put(a)
	return nil
}

// SetJustification implements assessment.Store.
func (s *Store) SetJustification(ctx context.Context, id string, indicator int, text, operator string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("SetJustification"); err != nil {
		return err
	}
	r, a, err := s.answer(id, indicator)
	if err != nil || a.Justification == text {
		return err
	}
	s.record(r, id, indicator, assessment.FieldJustification, a.Justification, text, operator)
	a.Justification, a.Operator, a.UpdatedAt = text, operator, s.Now()
	r.put(a)
	return nil
}

// History implements assessment.Store.
func (s *Store) History(ctx context.Context, id string, indicator int) ([]assessment.Change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("History"); err != nil {
		return nil, err
	}
	if _, err := s.get(id); err != nil {
		return nil, err
	}
	var out []assessment.Change
	for _, c := range s.history[id] {
		if c.Indicator == indicator {
			out = append(out, c)
		}
	}
	return out, nil
}

// AddEvidence implements assessment.Store.
func (s *Store) AddEvidence(ctx context.Context, id string, indicator int, in assessment.EvidenceInput) (assessment.Evidence, error) {
	s.mu.Lock()
	err := s.check("AddEvidence")
	if err == nil {
		_, _, err = s.answer(id, indicator)
	}
	if err == nil {
		err = checkEvidenceInput(&in)
	}
	chunk := s.Chunk
	s.mu.Unlock()
	if err != nil {
		return assessment.Evidence{}, err
	}
	data, err := copyChunks(ctx, in, chunk)
	if err != nil {
		return assessment.Evidence{}, err
	}
	sum := sha256.Sum256(data)
	hexSum := hex.EncodeToString(sum[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	r, _, err := s.answer(id, indicator)
	if err != nil {
		return assessment.Evidence{}, err
	}
	s.blobs[hexSum] = data
	s.writeBlobFile(hexSum, data)
	s.nextID++
	ev := assessment.Evidence{
		ID: s.nextID, Indicator: indicator, OriginalName: in.Name, Level: in.Level, Note: in.Note, AddedAt: s.Now(),
		Blob: assessment.Blob{SHA256: hexSum, Size: int64(len(data)), MediaType: "application/octet-stream"},
	}
	s.evidence[ev.ID] = &evRecord{assessmentID: id, ev: ev}
	s.record(r, id, indicator, assessment.FieldEvidence, "", describeEvidence(ev), in.Operator)
	return ev, nil
}

// checkEvidenceInput checks and cleans the input as the real store does.
func checkEvidenceInput(in *assessment.EvidenceInput) error {
	if in.Reader == nil {
		return errors.New("AddEvidence: Reader kosong")
	}
	if in.Level < 0 || in.Level > 5 {
		return &assessment.InputError{Msg: fmt.Sprintf("tingkat bukti %d di luar rentang 0–5 (0 = umum)", in.Level)}
	}
	in.Name = strings.TrimSpace(filepath.Base(filepath.ToSlash(in.Name)))
	if in.Name == "" || in.Name == "." || in.Name == "/" {
		in.Name = "bukti"
	}
	return nil
}

// describeEvidence is the history text of a link, as the real store
// writes it.
func describeEvidence(e assessment.Evidence) string {
	lvl := "umum"
	if e.Level > 0 {
		lvl = fmt.Sprintf("tingkat %d", e.Level)
	}
	return fmt.Sprintf("#%d %s (sha256 %s…, %s)", e.ID, e.OriginalName, e.Blob.ShortHash(), lvl)
}

func copyChunks(ctx context.Context, in assessment.EvidenceInput, chunk int) ([]byte, error) {
	var buf bytes.Buffer
	p := make([]byte, chunk)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := in.Reader.Read(p)
		buf.Write(p[:n])
		if n > 0 && in.Progress != nil {
			in.Progress(int64(buf.Len()))
		}
		if errors.Is(err, io.EOF) {
			return buf.Bytes(), nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func (s *Store) writeBlobFile(sum string, data []byte) {
	if s.BlobDir != "" {
		_ = os.WriteFile(filepath.Join(s.BlobDir, sum), data, 0o600)
	}
}

// Evidence implements assessment.Store.
func (s *Store) Evidence(ctx context.Context, id string) ([]assessment.Evidence, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Evidence"); err != nil {
		return nil, err
	}
	if _, err := s.get(id); err != nil {
		return nil, err
	}
	var out []assessment.Evidence
	for _, e := range s.evidence {
		if e.assessmentID == id && !e.removed {
			ev := e.ev
			ev.Items = slices.Clone(e.ev.Items)
			out = append(out, ev)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Indicator != out[j].Indicator {
			return out[i].Indicator < out[j].Indicator
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

func (s *Store) setRemoved(op string, evidenceID int64, removed bool, operator string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(op); err != nil {
		return err
	}
	e, ok := s.evidence[evidenceID]
	if !ok {
		return fmt.Errorf("bukti #%d %w", evidenceID, assessment.ErrNotFound)
	}
	if e.removed == removed {
		return nil
	}
	e.removed = removed
	old, new := describeEvidence(e.ev), ""
	if !removed {
		old, new = "", describeEvidence(e.ev)
	}
	s.record(s.assessments[e.assessmentID], e.assessmentID, e.ev.Indicator, assessment.FieldEvidence, old, new, operator)
	return nil
}

// RemoveEvidence implements assessment.Store.
func (s *Store) RemoveEvidence(ctx context.Context, evidenceID int64, operator string) error {
	return s.setRemoved("RemoveEvidence", evidenceID, true, operator)
}

// UndoRemoveEvidence implements assessment.Store.
func (s *Store) UndoRemoveEvidence(ctx context.Context, evidenceID int64, operator string) error {
	return s.setRemoved("UndoRemoveEvidence", evidenceID, false, operator)
}

// SetEvidenceNote implements assessment.Store.
func (s *Store) SetEvidenceNote(ctx context.Context, evidenceID int64, note, operator string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("SetEvidenceNote"); err != nil {
		return err
	}
	e, ok := s.evidence[evidenceID]
	if !ok {
		return fmt.Errorf("bukti #%d %w", evidenceID, assessment.ErrNotFound)
	}
	if e.ev.Note == note {
		return nil
	}
	prefix := fmt.Sprintf("#%d catatan: ", evidenceID)
	s.record(s.assessments[e.assessmentID], e.assessmentID, e.ev.Indicator, assessment.FieldEvidence, prefix+e.ev.Note, prefix+note, operator)
	e.ev.Note = note
	return nil
}

// OpenBlob implements assessment.Store.
func (s *Store) OpenBlob(ctx context.Context, sum string) (io.ReadCloser, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("OpenBlob"); err != nil {
		return nil, err
	}
	b, ok := s.blobs[sum]
	if !ok {
		return nil, fmt.Errorf("berkas %s %w", sum, assessment.ErrNotFound)
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

// BlobPath implements assessment.Store.
func (s *Store) BlobPath(sum string) string {
	if s.BlobDir == "" {
		return ""
	}
	return filepath.Join(s.BlobDir, sum)
}

// Close implements assessment.Store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

// Reopen undoes Close (a test reopening the "same" data folder).
func (s *Store) Reopen() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = false
}

// Removed reports whether evidence id is in the trash.
func (s *Store) Removed(evidenceID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.evidence[evidenceID]
	return ok && e.removed
}

// Trashed lists the trashed assessment ids.
func (s *Store) Trashed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, id := range s.ids {
		if s.assessments[id].a.Status == assessment.AssessmentTrashed {
			out = append(out, id)
		}
	}
	return out
}
