// Package keys keeps the installation's Ed25519 signing key: one key per
// OPD installation, its private half encrypted at rest with the operator's
// passphrase (scrypt + XChaCha20-Poly1305), an explicit backup/restore flow
// so that a reinstall never silently makes a new identity, and the per-key
// bundle sequence counter.
package keys

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// fingerprintDomain separates fingerprint hashes from every other use of
// SHA-256 over a public key (the key id is the plain hash).
const fingerprintDomain = "spbe-key-fingerprint-v1\x00"

// KeyID is the hex SHA-256 of the 32-byte public key: a lookup hint.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:])
}

// Fingerprint is the 30-digit form of the key to read aloud or compare on
// paper: SHA-256(fingerprintDomain ‖ pub), whose first 30 bytes are taken
// as six 5-byte big-endian numbers, each printed mod 100000 as 5 digits,
// separated by single spaces ("92819 59826 44033 59955 06185 43959").
func Fingerprint(pub ed25519.PublicKey) string {
	h := sha256.New()
	h.Write([]byte(fingerprintDomain))
	h.Write(pub)
	sum := h.Sum(nil)
	groups := make([]string, 6)
	for i := range groups {
		var b [8]byte
		copy(b[3:], sum[i*5:i*5+5])
		groups[i] = fmt.Sprintf("%05d", binary.BigEndian.Uint64(b[:])%100000)
	}
	return strings.Join(groups, " ")
}

var (
	keyIDPattern       = regexp.MustCompile(`^[0-9a-f]{64}$`)
	fingerprintPattern = regexp.MustCompile(`^[0-9]{5}( [0-9]{5}){5}$`)
)

// ValidKeyID reports whether s has the form of a key id.
func ValidKeyID(s string) bool { return keyIDPattern.MatchString(s) }

// ValidFingerprint reports whether s has the form of a fingerprint.
func ValidFingerprint(s string) bool { return fingerprintPattern.MatchString(s) }

// Identity is the public side of a key, readable without the passphrase.
type Identity struct {
	PublicKey   ed25519.PublicKey
	KeyID       string
	Fingerprint string
	CreatedAt   time.Time
}

// IdentityOf derives the identity of a public key.
func IdentityOf(pub ed25519.PublicKey, created time.Time) Identity {
	return Identity{PublicKey: pub, KeyID: KeyID(pub), Fingerprint: Fingerprint(pub), CreatedAt: created}
}

// Key is an unlocked signing key.
type Key struct {
	Identity
	priv ed25519.PrivateKey
}

// Private returns the private key, for signing.
func (k *Key) Private() ed25519.PrivateKey { return k.priv }
