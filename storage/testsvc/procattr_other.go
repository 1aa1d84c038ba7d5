//go:build !linux

package testsvc

import (
	"os/exec"
)

type credential struct{}

// runAsPostgres: on other systems the tests run as the current user.
func runAsPostgres(string) (*credential, error) { return nil, nil }

func setProcAttr(*exec.Cmd, *credential) {}
