package outbox

import (
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// ServerConfigName is the installed copy of the Pemda's server
// configuration in the data folder: the OPD's server settings.
const ServerConfigName = "spbe-server.json"

// InstallServerConfig checks a server-configuration file and keeps a copy
// in the data folder (replacing the earlier one).
func InstallServerConfig(dataDir, path string) (syncapi.ServerConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return syncapi.ServerConfig{}, err
	}
	c, _, err := syncclient.ParseServerConfig(data)
	if err != nil {
		return c, err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return c, err
	}
	return c, atomicfile.WriteFile(filepath.Join(dataDir, ServerConfigName), data, atomicfile.Options{Replace: true})
}

// LoadServerConfig reads the installed server configuration;
// syncapi.ErrNoServerConfig when none is installed.
func LoadServerConfig(dataDir string) (syncapi.ServerConfig, ed25519.PublicKey, error) {
	c, pub, err := syncclient.ReadServerConfig(filepath.Join(dataDir, ServerConfigName))
	if errors.Is(err, os.ErrNotExist) {
		return c, nil, syncapi.ErrNoServerConfig
	}
	return c, pub, err
}

// ClientConfig is the push configuration of the installed server
// configuration; server and pemda, when given, must match it.
func ClientConfig(dataDir, server, pemda string) (syncclient.Config, error) {
	c, pub, err := LoadServerConfig(dataDir)
	if err != nil {
		return syncclient.Config{}, err
	}
	if (server != "" && server != c.Server) || (pemda != "" && pemda != c.Pemda) {
		return syncclient.Config{}, errors.New("server atau kode Pemda berbeda dengan berkas konfigurasi server yang dipasang")
	}
	return syncclient.Config{Server: c.Server, Pemda: c.Pemda, ReceiptKey: pub, MaxFailures: 8}, nil
}

// Configure installs the server-configuration file at path (if given) and
// returns the push configuration of the installed one.
func Configure(dataDir, path, server, pemda string) (syncclient.Config, error) {
	if path != "" {
		c, err := InstallServerConfig(dataDir, path)
		if err != nil {
			return syncclient.Config{}, err
		}
		if server == "" && pemda == "" {
			server, pemda = c.Server, c.Pemda
		}
	}
	return ClientConfig(dataDir, server, pemda)
}
