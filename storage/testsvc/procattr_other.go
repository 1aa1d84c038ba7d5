//go:build !linux

package testsvc

import (
	"os/exec"
)

type credentialT struct{}

// runAsPostgres: on other systems the tests run as the current user.
func runAsPostgres(string) (*credentialT, error) { return nil, nil }

func setProcAttr(*exec.Cmd, *credentialT) {}
