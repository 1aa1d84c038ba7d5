package syncserver

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
	"github.com/spbe-mandiri/spbe-mandiri/storage/signedjson"
)

// putRegistry is PUT /v1/pemda/{p}/registry: a key-registry snapshot
// signed by one of the Pemda's enrolled Tim Asesor keys. Only this changes
// an OPD key's status on the server; the server never raises trust itself.
func (s *Server) putRegistry(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pemda(w, r)
	if !ok {
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, signedjson.MaxSize))
	if err != nil {
		s.refuse(w, syncapi.CodeTooLarge, "daftar kunci terlalu besar atau terputus", false)
		return
	}
	asesor, err := s.cfg.DB.AsesorKeys(r.Context(), p.ID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	payload, signer, err := signedjson.Open(data, syncapi.RegistryPayloadType, func(id string) ed25519.PublicKey { return asesor[id] })
	if errors.Is(err, signedjson.ErrUntrusted) {
		s.refuse(w, syncapi.CodeUnknownKey, "daftar kunci tidak ditandatangani kunci Tim Asesor yang terdaftar untuk "+p.Nama, false)
		return
	}
	if err != nil {
		s.refuse(w, syncapi.CodeInvalid, "daftar kunci tidak sah: "+err.Error(), false)
		return
	}
	reg, ks, err := parseRegistry(payload, p.Kode)
	if err != nil {
		s.refuse(w, syncapi.CodeInvalid, "daftar kunci tidak sah: "+err.Error(), false)
		return
	}
	err = s.cfg.DB.ApplyRegistry(r.Context(), p.ID, reg.Version, keys.KeyID(signer), data, ks)
	switch {
	case errors.Is(err, serverdb.ErrOldRegistry):
		s.refuse(w, syncapi.CodeSequence, err.Error(), false)
		return
	case serverdb.IsUniqueViolation(err):
		s.refuse(w, syncapi.CodeInvalid, "daftar kunci tidak sah: satu OPD dengan dua kunci aktif", false)
		return
	case err != nil:
		s.internal(w, r, err)
		return
	}
	s.cfg.Log.Info("registry", "pemda", p.Kode, "version", reg.Version, "keys", len(ks))
	w.WriteHeader(http.StatusNoContent)
}

// parseRegistry reads a snapshot strictly and checks every key.
func parseRegistry(payload []byte, pemda string) (syncapi.Registry, []serverdb.OPDKey, error) {
	var reg syncapi.Registry
	if err := strictjson.Unmarshal(payload, &reg); err != nil {
		return reg, nil, err
	}
	if reg.Format != "spbe-key-registry" || reg.Pemda != pemda || reg.Version < 1 {
		return reg, nil, fmt.Errorf("format %q, pemda %q, versi %d", reg.Format, reg.Pemda, reg.Version)
	}
	out := make([]serverdb.OPDKey, 0, len(reg.Keys))
	for i, k := range reg.Keys {
		pub, err := strictjson.DecodeBase64(k.PublicKey)
		if err == nil {
			err = keys.CheckPublicKey(pub)
		}
		if err != nil || len(pub) != ed25519.PublicKeySize {
			return reg, nil, fmt.Errorf("keys[%d].public_key tidak sah", i)
		}
		if err := assessment.CheckOPDCode(k.OPDKode); err != nil {
			return reg, nil, fmt.Errorf("keys[%d].opd_kode: %w", i, err)
		}
		if k.Status != "pending" && k.Status != "verified" && k.Status != "revoked" {
			return reg, nil, fmt.Errorf("keys[%d].status %q", i, k.Status)
		}
		out = append(out, serverdb.OPDKey{KeyID: keys.KeyID(pub), PublicKey: pub, OPDKode: k.OPDKode, Status: k.Status})
	}
	return reg, out, nil
}
