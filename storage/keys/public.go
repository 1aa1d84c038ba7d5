package keys

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
)

// publicFile is the public key file given to the assessor's key registry
// (together with the Formulir Pendaftaran Kunci signed by the Kepala OPD).
type publicFile struct {
	Format        string `json:"format"`
	FormatVersion int    `json:"format_version"`
	Algorithm     string `json:"algorithm"`
	KeyID         string `json:"keyid"`
	Fingerprint   string `json:"fingerprint"`
	PublicKey     string `json:"public_key"`
	CreatedAt     string `json:"created_at"`
}

// MarshalPublic encodes an identity as a public key file.
func MarshalPublic(id Identity) []byte {
	data, _ := json.MarshalIndent(publicFile{
		Format: publicFileFormat, FormatVersion: formatVersion, Algorithm: algorithm,
		KeyID: id.KeyID, Fingerprint: id.Fingerprint, PublicKey: b64.EncodeToString(id.PublicKey),
		CreatedAt: id.CreatedAt.UTC().Format(time.RFC3339),
	}, "", "  ")
	return append(data, '\n')
}

// ParsePublic decodes a public key file strictly and checks that its key
// id and fingerprint belong to its key.
func ParsePublic(data []byte) (Identity, error) {
	if len(data) > maxKeyFileSize {
		return Identity{}, fmt.Errorf("%w: terlalu besar", ErrCorruptPublicKey)
	}
	var p publicFile
	if err := strictjson.Unmarshal(data, &p); err != nil {
		return Identity{}, fmt.Errorf("%w: %w", ErrCorruptPublicKey, err)
	}
	if p.Format != publicFileFormat || p.FormatVersion != formatVersion || p.Algorithm != algorithm {
		return Identity{}, fmt.Errorf("%w: format tidak dikenal", ErrCorruptPublicKey)
	}
	pub, err := decodePublicKey(p.PublicKey)
	if err != nil {
		return Identity{}, fmt.Errorf("%w: %w", ErrCorruptPublicKey, err)
	}
	created, err := strictjson.ParseUTC(p.CreatedAt)
	if err != nil {
		return Identity{}, fmt.Errorf("%w: created_at: %w", ErrCorruptPublicKey, err)
	}
	id := IdentityOf(pub, created)
	if id.KeyID != p.KeyID || id.Fingerprint != p.Fingerprint {
		return Identity{}, fmt.Errorf("%w: keyid atau sidik jari tidak cocok dengan kunci", ErrCorruptPublicKey)
	}
	return id, nil
}

// decodePublicKey decodes the public_key member of a key file: canonical
// base64 of a key that passes CheckPublicKey.
func decodePublicKey(s string) (ed25519.PublicKey, error) {
	pub, err := strictjson.DecodeBase64(s)
	if err != nil {
		return nil, fmt.Errorf("public_key: %w", err)
	}
	if err := CheckPublicKey(pub); err != nil {
		return nil, err
	}
	return pub, nil
}

// ReadPublic reads a public key file from disk.
func ReadPublic(path string) (Identity, error) {
	data, err := readSmall(path)
	if err != nil {
		return Identity{}, err
	}
	return ParsePublic(data)
}
