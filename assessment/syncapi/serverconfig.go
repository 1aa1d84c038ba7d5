package syncapi

import "errors"

// ServerConfigFormat names the server-configuration file the Pemda hands to
// its OPDs (docs/sync.md §2.5): where the collection server is and the
// public key its receipts are signed with.
const ServerConfigFormat = "spbe-server-config"

// ServerConfig is the file `spbe-server client-config` writes
// (spbe-server.json). ReceiptKey is standard base64 of the 32-byte Ed25519
// public key; ReceiptFingerprint is its 30-digit form, read aloud on the
// phone like an OPD key's, and must match ReceiptKey.
type ServerConfig struct {
	Format             string `json:"format"` // "spbe-server-config"
	Version            int    `json:"version"`
	Server             string `json:"server"` // base URL, https://…
	Pemda              string `json:"pemda"`  // kode wilayah, e.g. 72.10
	Nama               string `json:"nama,omitempty"`
	ReceiptKey         string `json:"receipt_key"`
	ReceiptFingerprint string `json:"receipt_fingerprint"`
}

// ErrReceipt: the server's answer carried a receipt the OPD cannot accept
// (unsigned, signed by another key, or about another bundle). The bundle
// stays in the outbox: a forged receipt is no proof of submission.
var ErrReceipt = errors.New("tanda terima server ditolak")

// ErrNoServerConfig: the OPD has not installed the Pemda's
// server-configuration file, so no receipt could be checked.
var ErrNoServerConfig = errors.New("berkas konfigurasi server belum dipasang: minta berkas spbe-server.json dari Pemda, lalu `spbe-mandiri sync push --config spbe-server.json` (atau Pengaturan server di aplikasi)")
