package storage

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Environment of the crash test's child process.
const (
	crashChildEnv = "SPBE_CRASH_CHILD_DIR" // data folder
	crashRunEnv   = "SPBE_CRASH_RUN"       // run number, makes values unique
	crashIDEnv    = "SPBE_CRASH_ASSESSMENT"
)

// crashChild writes until it is killed, printing each write to stdout
// only after the call returned (i.e. after the commit was fsynced):
//
//	ready
//	j <indicator> <text>      a justification
//	e <evidence id> <sha256>  an evidence file
func crashChild(dir string) int {
	db, err := Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		return 3
	}
	fmt.Println("ready")
	ctx := context.Background()
	id, run := os.Getenv(crashIDEnv), os.Getenv(crashRunEnv)
	for i := 0; ; i++ {
		ind := 1 + i%4
		if i%8 == 7 {
			content := []byte(fmt.Sprintf("bukti r%s-%d ", run, i))
			content = append(content, bytes.Repeat([]byte{byte(i)}, 64<<10)...)
			e, err := db.AddEvidence(ctx, id, ind, assessment.EvidenceInput{Name: "bukti.bin", Reader: bytes.NewReader(content), Operator: "crash"})
			if err != nil {
				fmt.Fprintln(os.Stderr, "evidence:", err)
				return 4
			}
			fmt.Printf("e %d %s\n", e.ID, e.Blob.SHA256)
			continue
		}
		text := fmt.Sprintf("r%s-w%d", run, i)
		if err := db.SetJustification(ctx, id, ind, text, "crash"); err != nil {
			fmt.Fprintln(os.Stderr, "justification:", err)
			return 5
		}
		fmt.Printf("j %d %s\n", ind, text)
	}
}
