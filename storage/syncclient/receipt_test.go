package syncclient

import (
	"crypto/ed25519"
	"testing"
)

// The server-configuration file comes from outside (a Pemda's e-mail or a
// stick): any bytes are refused or read, never a panic, and what is read
// has a key matching its fingerprint.
func FuzzParseServerConfig(f *testing.F) {
	pub := ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)
	f.Add(NewServerConfig("https://sync.sigikab.go.id", "72.10", "Kabupaten Sigi", pub))
	f.Add([]byte(`{"format":"spbe-server-config","version":1}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, key, err := ParseServerConfig(data)
		if err == nil && (len(key) != ed25519.PublicKeySize || c.Server == "" || c.Pemda == "") {
			t.Fatalf("accepted %+v", c)
		}
	})
}
