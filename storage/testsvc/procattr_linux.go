package testsvc

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"syscall"
)

// runAsPostgres returns the credential of the postgres user when the tests
// run as root (initdb and postgres refuse root) and hands dir to it; nil
// otherwise.
type credentialT = syscall.Credential

func runAsPostgres(dir string) (*credentialT, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("%w: running as root needs the postgres user (apt-get install postgresql): %w", errMissing, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// setProcAttr runs cmd as cred (if set) and kills it when the test binary
// dies, so a crashed test leaves no server behind.
func setProcAttr(cmd *exec.Cmd, cred *credentialT) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL, Setpgid: true}
}
