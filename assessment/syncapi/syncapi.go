// Package syncapi is the wire contract of the collection server's API v1
// (docs/sync.md), shared by the server and its clients: JSON bodies, the
// outcome words (the same as the desktop import's), the rejection codes and
// the HTTP status each answer has. Standard library only.
package syncapi

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// Outcomes of a push. The first five are the desktop import's words
// (intake.Kind).
const (
	OutcomeNew        = string(intake.KindNew)
	OutcomeDuplicate  = string(intake.KindDuplicate)
	OutcomeNewVersion = string(intake.KindNewVersion)
	OutcomeConflict   = string(intake.KindConflict)
	OutcomeRejected   = string(intake.KindRejected)
	// OutcomeWaiting: the signed manifest is accepted, files are missing.
	OutcomeWaiting = "menunggu berkas"
)

// Rejection codes: the desktop import's (storage/asesor), plus the server's
// own transport refusals.
const (
	CodeInvalid         = intake.RejectInvalid
	CodeUnknownKey      = intake.RejectUnknownKey
	CodeRevokedKey      = intake.RejectRevokedKey
	CodeDifferentKey    = intake.RejectDifferentKey
	CodeSequence        = intake.RejectSequence
	CodeBundleID        = intake.RejectBundleID
	CodeUnknownCatalog  = intake.RejectUnknownCatalog
	CodeCatalogMismatch = intake.RejectCatalogMismatch
	CodeOutOfRange      = intake.RejectOutOfRange
	CodeOPDKode         = intake.RejectOPDCode
	CodeUnknownPemda    = "unknown-pemda"
	CodeNotFound        = "not-found"
	CodeBadRequest      = "bad-request"
	CodeOffset          = "offset"       // PATCH at an offset the server did not acknowledge
	CodeLocked          = "locked"       // another PATCH of the same file is running
	CodeTooLarge        = "too-large"    // beyond the declared size or a request limit
	CodeIncomplete      = "incomplete"   // complete while files are missing
	CodeUnavailable     = "unavailable"  // the server's store is not answering; retry
	CodeUnauthorized    = "unauthorized" // a Tim Asesor read without a valid signature
)

// MissingFile is a manifest file the server does not hold yet.
type MissingFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Answer is the body of every push, complete and status reply.
type Answer struct {
	Outcome        string        `json:"outcome"`
	BundleID       string        `json:"bundle_id,omitempty"`
	ManifestSHA256 string        `json:"manifest_sha256,omitempty"`
	Missing        []MissingFile `json:"missing,omitempty"`
	// MissingBytes is the sum of Missing sizes: what is left to send.
	MissingBytes int64  `json:"missing_bytes,omitempty"`
	Supersedes   string `json:"supersedes,omitempty"`
	ConflictWith string `json:"conflict_with,omitempty"`
	// Receipt is the server-signed receipt envelope (JSON) once decided.
	Receipt []byte `json:"receipt,omitempty"`
	// Warnings are doubts that did not refuse the bundle (created_at).
	Warnings []string `json:"warnings,omitempty"`
	Error    *Error   `json:"error,omitempty"`
}

// Error explains a refusal by stable code; Check and Entry are the bundle
// verifier's for CodeInvalid. Retry says whether sending again can help.
type Error struct {
	Code   string `json:"code"`
	Check  string `json:"check,omitempty"`
	Entry  string `json:"entry,omitempty"`
	Reason string `json:"reason"`
	Retry  bool   `json:"retry"`
}

// ReceiptPayloadType is the DSSE type of a receipt.
const ReceiptPayloadType = "application/vnd.spbe.receipt+json;version=1"

// Receipt is what the server signs when it decides a bundle: the OPD's
// proof of when the server had it (server clock, not the laptop's).
type Receipt struct {
	Format         string `json:"format"` // "spbe-receipt"
	Server         string `json:"server"`
	Pemda          string `json:"pemda"`
	BundleID       string `json:"bundle_id"`
	ManifestSHA256 string `json:"manifest_sha256"`
	Outcome        string `json:"outcome"`
	AnnouncedAt    string `json:"announced_at"` // RFC 3339 UTC
	CompletedAt    string `json:"completed_at"`
}

// RegistryPayloadType is the DSSE type of a key-registry snapshot signed
// by an enrolled Tim Asesor key.
const RegistryPayloadType = "application/vnd.spbe.key-registry+json;version=1"

// Registry is the Tim Asesor's list of OPD keys for one Pemda. Version
// must grow with every snapshot; the latest replaces the earlier ones.
type Registry struct {
	Format  string        `json:"format"` // "spbe-key-registry"
	Pemda   string        `json:"pemda"`
	Version int64         `json:"version"`
	Keys    []RegistryKey `json:"keys"`
}

// RegistryKey is one OPD key; PublicKey is standard base64 of 32 bytes.
type RegistryKey struct {
	PublicKey string `json:"public_key"`
	OPDKode   string `json:"opd_kode"`
	Status    string `json:"status"` // pending, verified, revoked
}

// Status is the HTTP status of an answer: 201 for a stored decision, 200
// for a repeat, 202 while files are missing, else by rejection code.
func Status(a Answer) int {
	switch a.Outcome {
	case OutcomeNew, OutcomeNewVersion, OutcomeConflict:
		return http.StatusCreated
	case OutcomeDuplicate:
		return http.StatusOK
	case OutcomeWaiting:
		return http.StatusAccepted
	}
	if a.Error == nil {
		return http.StatusInternalServerError
	}
	return CodeStatus(a.Error.Code)
}

// CodeStatus is the HTTP status of a rejection code.
func CodeStatus(code string) int {
	switch code {
	case CodeUnknownKey, CodeRevokedKey, CodeDifferentKey, CodeOPDKode:
		return http.StatusForbidden
	case CodeSequence, CodeBundleID, CodeOffset, CodeIncomplete:
		return http.StatusConflict
	case CodeUnknownPemda, CodeNotFound:
		return http.StatusNotFound
	case CodeBadRequest:
		return http.StatusBadRequest
	case CodeLocked:
		return http.StatusLocked
	case CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case CodeUnavailable:
		return http.StatusServiceUnavailable
	case CodeUnauthorized:
		return http.StatusUnauthorized
	}
	return http.StatusUnprocessableEntity // invalid, catalog
}

// OutboxItem is one bundle in the OPD's outbox, as `sync status` shows it.
type OutboxItem struct {
	Name     string `json:"name"`
	BundleID string `json:"bundle_id"`
	State    string `json:"state"` // queued | sending | done | rejected
	Attempts int    `json:"attempts"`
	Outcome  string `json:"outcome,omitempty"`
	Code     string `json:"code,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Receipt  []byte `json:"receipt,omitempty"`
	Updated  string `json:"updated_at"`
}

// ReadReceipt reads the payload of a receipt envelope WITHOUT checking its
// signature (for display of what the client already accepted; the
// signature is checked with the server key's fingerprint from the server
// configuration).
func ReadReceipt(envelope []byte) (Receipt, error) {
	var env struct {
		PayloadType string `json:"payloadType"`
		Payload     string `json:"payload"`
	}
	var r Receipt
	if err := json.Unmarshal(envelope, &env); err != nil {
		return r, err
	}
	if env.PayloadType != ReceiptPayloadType {
		return r, errors.New("bukan tanda terima server")
	}
	body, err := base64.StdEncoding.DecodeString(env.Payload)
	if err != nil {
		return r, err
	}
	return r, json.Unmarshal(body, &r)
}

// SignedRequestType is the DSSE type a signed read request is made over
// (header "SPBE-Asesor …" with an assessor key, "SPBE-OPD …" with the OPD
// key that signed the bundle; see SignedRequestText).
const SignedRequestType = "application/vnd.spbe.signed-request;version=1"

// SignedRequestText is what a client signs to read from the server: the
// method, the request URI (path and query) and the Unix time.
func SignedRequestText(method, requestURI string, unix int64) []byte {
	return []byte(method + " " + requestURI + "\n" + strconv.FormatInt(unix, 10))
}

// FeedbackList is the feedback on one bundle: .spbe-umpan envelopes as the
// Tim Asesor signed them, oldest first.
type FeedbackList struct {
	Feedback [][]byte `json:"feedback"`
}
