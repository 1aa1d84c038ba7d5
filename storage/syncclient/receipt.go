package syncclient

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/signedjson"
)

// ErrReceipt is syncapi.ErrReceipt.
var ErrReceipt = syncapi.ErrReceipt

// maxConfigSize bounds the server-configuration file.
const maxConfigSize = 64 << 10

// ReadServerConfig reads and checks the server-configuration file the
// Pemda distributes (syncapi.ServerConfig): format, URL, Pemda and a
// receipt key whose fingerprint matches the one written in it.
func ReadServerConfig(path string) (syncapi.ServerConfig, ed25519.PublicKey, error) {
	var c syncapi.ServerConfig
	data, err := os.ReadFile(path)
	if err != nil {
		return c, nil, fmt.Errorf("berkas konfigurasi server tidak dapat dibaca: %w", err)
	}
	return ParseServerConfig(data)
}

// ParseServerConfig is ReadServerConfig on the file's bytes.
func ParseServerConfig(data []byte) (syncapi.ServerConfig, ed25519.PublicKey, error) {
	var c syncapi.ServerConfig
	if len(data) > maxConfigSize {
		return c, nil, errors.New("berkas konfigurasi server terlalu besar")
	}
	if err := strictjson.Unmarshal(data, &c); err != nil {
		return c, nil, fmt.Errorf("berkas konfigurasi server rusak: %w", err)
	}
	if c.Format != syncapi.ServerConfigFormat || c.Version != 1 {
		return c, nil, fmt.Errorf("bukan berkas konfigurasi server SPBE (format %q versi %d)", c.Format, c.Version)
	}
	if c.Server == "" || c.Pemda == "" {
		return c, nil, errors.New("berkas konfigurasi server tanpa alamat server atau kode Pemda")
	}
	raw, err := base64.StdEncoding.DecodeString(c.ReceiptKey)
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return c, nil, errors.New("kunci tanda terima di berkas konfigurasi server tidak sah")
	}
	pub := ed25519.PublicKey(raw)
	if keys.Fingerprint(pub) != c.ReceiptFingerprint {
		return c, nil, errors.New("sidik jari kunci tanda terima tidak cocok dengan kuncinya: minta berkas konfigurasi yang benar dari Pemda")
	}
	return c, pub, nil
}

// NewServerConfig is the file content for a server's receipt key.
func NewServerConfig(server, pemda, nama string, pub ed25519.PublicKey) []byte {
	c := syncapi.ServerConfig{Format: syncapi.ServerConfigFormat, Version: 1, Server: server, Pemda: pemda, Nama: nama,
		ReceiptKey: base64.StdEncoding.EncodeToString(pub), ReceiptFingerprint: keys.Fingerprint(pub)}
	out, _ := json.MarshalIndent(c, "", "  ") // strings only: cannot fail
	return append(out, '\n')
}

// VerifyReceipt checks a receipt envelope: signed by the server's receipt
// key, about this Pemda, bundle and manifest. It returns the receipt.
func VerifyReceipt(env []byte, key ed25519.PublicKey, pemda, bundleID, manifestSHA string) (syncapi.Receipt, error) {
	var r syncapi.Receipt
	if len(env) == 0 {
		return r, fmt.Errorf("%w: server tidak mengirim tanda terima bertanda tangan", ErrReceipt)
	}
	payload, _, err := signedjson.Open(env, syncapi.ReceiptPayloadType, func(string) ed25519.PublicKey { return key })
	if err != nil {
		return r, fmt.Errorf("%w: tanda tangan tidak sah dengan kunci server dari berkas konfigurasi (%w)", ErrReceipt, err)
	}
	if err := json.Unmarshal(payload, &r); err != nil {
		return r, fmt.Errorf("%w: isi tanda terima rusak", ErrReceipt)
	}
	if r.Format != "spbe-receipt" || r.Pemda != pemda || r.BundleID != bundleID || r.ManifestSHA256 != manifestSHA {
		return r, fmt.Errorf("%w: tanda terima untuk bundel lain", ErrReceipt)
	}
	return r, nil
}
