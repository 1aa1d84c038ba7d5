package keys

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/scrypt"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
)

// File formats.
const (
	keyFileFormat    = "spbe-mandiri-signing-key"
	backupFormat     = "spbe-mandiri-key-backup"
	publicFileFormat = "spbe-mandiri-public-key"
	formatVersion    = 1
	algorithm        = "ed25519"
	kdfName          = "scrypt"
	cipherName       = "xchacha20-poly1305"
)

// scrypt cost: N=2^15, r=8, p=1 (32 MiB, ~0.1 s). Files may carry other
// parameters within bounds that keep memory use reasonable.
const (
	scryptN      = 1 << 15
	scryptR      = 8
	scryptP      = 1
	maxScryptN   = 1 << 18
	minScryptN   = 1 << 14
	saltLen      = 16
	derivedLen   = 32
	associatedID = "spbe-mandiri-signing-key-v1\x00"
)

// MinPassphraseLen is the minimum passphrase length in characters for a new key.
const MinPassphraseLen = 8

// keyFile is the JSON stored in <data>/keys/signing-key.json.
type keyFile struct {
	Format        string     `json:"format"`
	FormatVersion int        `json:"format_version"`
	Algorithm     string     `json:"algorithm"`
	KeyID         string     `json:"keyid"`
	Fingerprint   string     `json:"fingerprint"`
	PublicKey     string     `json:"public_key"` // base64 of 32 bytes
	KDF           kdfParams  `json:"kdf"`
	Cipher        cipherInfo `json:"cipher"`
	Encrypted     string     `json:"encrypted_seed"` // base64 ciphertext of the 32-byte seed
	CreatedAt     string     `json:"created_at"`     // RFC 3339
}

type kdfParams struct {
	Name string `json:"name"`
	N    int    `json:"n"`
	R    int    `json:"r"`
	P    int    `json:"p"`
	Salt string `json:"salt"`
}

type cipherInfo struct {
	Name  string `json:"name"`
	Nonce string `json:"nonce"`
}

// b64 encodes; everything read is decoded with strictjson.DecodeBase64.
var b64 = base64.StdEncoding

// seal encrypts a new key's seed under the passphrase.
func seal(priv ed25519.PrivateKey, pass []byte, created time.Time) (*keyFile, error) {
	if utf8.RuneCount(pass) < MinPassphraseLen {
		return nil, ErrWeakPassphrase
	}
	salt := make([]byte, saltLen)
	nonce := make([]byte, chacha20poly1305.NonceSizeX)
	rand.Read(salt)
	rand.Read(nonce)
	kdf := kdfParams{Name: kdfName, N: scryptN, R: scryptR, P: scryptP, Salt: b64.EncodeToString(salt)}
	aead, err := deriveAEAD(pass, kdf, salt)
	if err != nil {
		return nil, err
	}
	pub := priv.Public().(ed25519.PublicKey)
	ct := aead.Seal(nil, nonce, priv.Seed(), associated(pub))
	return &keyFile{
		Format: keyFileFormat, FormatVersion: formatVersion, Algorithm: algorithm,
		KeyID: KeyID(pub), Fingerprint: Fingerprint(pub), PublicKey: b64.EncodeToString(pub),
		KDF: kdf, Cipher: cipherInfo{Name: cipherName, Nonce: b64.EncodeToString(nonce)},
		Encrypted: b64.EncodeToString(ct), CreatedAt: created.UTC().Format(time.RFC3339),
	}, nil
}

func associated(pub ed25519.PublicKey) []byte {
	return append([]byte(associatedID), pub...)
}

func deriveAEAD(pass []byte, kdf kdfParams, salt []byte) (interface {
	Seal(dst, nonce, plaintext, ad []byte) []byte
	Open(dst, nonce, ciphertext, ad []byte) ([]byte, error)
}, error) {
	k, err := scrypt.Key(pass, salt, kdf.N, kdf.R, kdf.P, derivedLen)
	if err != nil {
		return nil, fmt.Errorf("scrypt: %w", err)
	}
	return chacha20poly1305.NewX(k)
}

// parseKeyFile decodes and checks a key file without decrypting it.
func parseKeyFile(data []byte) (*keyFile, Identity, error) {
	var kf keyFile
	if err := strictjson.Unmarshal(data, &kf); err != nil {
		return nil, Identity{}, fmt.Errorf("%w: %w", ErrCorruptKeyFile, err)
	}
	id, err := kf.identity()
	if err != nil {
		return nil, Identity{}, fmt.Errorf("%w: %w", ErrCorruptKeyFile, err)
	}
	return &kf, id, nil
}

func (kf *keyFile) identity() (Identity, error) {
	if kf.Format != keyFileFormat || kf.FormatVersion != formatVersion || kf.Algorithm != algorithm {
		return Identity{}, errors.New("format atau algoritma tidak dikenal")
	}
	pub, err := decodePublicKey(kf.PublicKey)
	if err != nil {
		return Identity{}, err
	}
	created, err := strictjson.ParseUTC(kf.CreatedAt)
	if err != nil {
		return Identity{}, fmt.Errorf("created_at: %w", err)
	}
	id := IdentityOf(pub, created)
	if id.KeyID != kf.KeyID || id.Fingerprint != kf.Fingerprint {
		return Identity{}, errors.New("keyid atau sidik jari tidak cocok dengan kunci publik")
	}
	return id, nil
}

// open decrypts the key with the passphrase.
func (kf *keyFile) open(pass []byte, id Identity) (*Key, error) {
	salt, nonce, ct, err := kf.sealed()
	if err != nil {
		return nil, err
	}
	aead, err := deriveAEAD(pass, kf.KDF, salt)
	if err != nil {
		return nil, err
	}
	seed, err := aead.Open(nil, nonce, ct, associated(id.PublicKey))
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%w: panjang kunci privat salah", ErrCorruptKeyFile)
	}
	priv := ed25519.NewKeyFromSeed(seed)
	if !priv.Public().(ed25519.PublicKey).Equal(id.PublicKey) {
		return nil, fmt.Errorf("%w: kunci privat tidak cocok dengan kunci publik", ErrCorruptKeyFile)
	}
	return &Key{Identity: id, priv: priv}, nil
}

// sealed checks the KDF and cipher parameters (bounded, so a hostile backup
// file cannot make scrypt allocate gigabytes) and decodes salt, nonce and
// ciphertext.
func (kf *keyFile) sealed() (salt, nonce, ct []byte, err error) {
	k := kf.KDF
	okN := k.N >= minScryptN && k.N <= maxScryptN && k.N&(k.N-1) == 0
	if k.Name != kdfName || kf.Cipher.Name != cipherName || k.R != scryptR || k.P < 1 || k.P > 4 || !okN {
		return nil, nil, nil, fmt.Errorf("%w: parameter KDF/sandi tidak didukung", ErrCorruptKeyFile)
	}
	salt, err1 := strictjson.DecodeBase64(k.Salt)
	nonce, err2 := strictjson.DecodeBase64(kf.Cipher.Nonce)
	ct, err3 := strictjson.DecodeBase64(kf.Encrypted)
	if errors.Join(err1, err2, err3) != nil || len(nonce) != chacha20poly1305.NonceSizeX || len(salt) < saltLen {
		return nil, nil, nil, fmt.Errorf("%w: base64/nonce/salt tidak valid", ErrCorruptKeyFile)
	}
	return salt, nonce, ct, nil
}
