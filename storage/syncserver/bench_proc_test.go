package syncserver

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// vmRSS is the resident set of process pid (VmRSS in /proc/PID/status),
// in bytes; 0 when it cannot be read (not Linux, process gone).
func vmRSS(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for line := range bytes.Lines(b) {
		if f := strings.Fields(string(line)); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// treeCPU is user + system CPU of this process and all its descendants
// (the PostgreSQL cluster and versitygw that storage/testsvc started,
// children re-executed as servers), including descendants already
// reaped (cutime/cstime). The machine is shared, so CPU per bundle says
// more than wall time.
func treeCPU() time.Duration {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	parent := map[int]int{}
	ticks := map[int]int64{}
	for _, p := range stats {
		pid, pp, t, ok := readStat(p)
		if ok {
			parent[pid], ticks[pid] = pp, t
		}
	}
	self := os.Getpid()
	var sum int64
	for pid, t := range ticks {
		for p := pid; p > 1; p = parent[p] {
			if p == self {
				sum += t
				break
			}
		}
	}
	return time.Duration(sum) * time.Second / 100 // USER_HZ
}

// selfCPU is user + system CPU of this process alone (the Go clients and
// server of an in-process benchmark), without PostgreSQL and versitygw.
func selfCPU() time.Duration {
	_, _, t, _ := readStat("/proc/self/stat")
	var reaped int64 // cutime/cstime of reaped children are not ours
	if b, err := os.ReadFile("/proc/self/stat"); err == nil {
		if i := bytes.LastIndexByte(b, ')'); i >= 0 {
			if f := strings.Fields(string(b[i+1:])); len(f) >= 15 {
				for _, k := range f[13:15] {
					v, _ := strconv.ParseInt(k, 10, 64)
					reaped += v
				}
			}
		}
	}
	return time.Duration(t-reaped) * time.Second / 100
}

// readStat is the pid, parent pid and utime+stime+cutime+cstime ticks of
// one /proc/PID/stat.
func readStat(path string) (pid, ppid int, ticks int64, ok bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, 0, false
	}
	i := bytes.LastIndexByte(b, ')') // comm may hold spaces
	if i < 0 {
		return 0, 0, 0, false
	}
	pid, _ = strconv.Atoi(string(bytes.TrimSpace(b[:bytes.IndexByte(b, '(')])))
	f := strings.Fields(string(b[i+1:])) // f[0] = state (field 3)
	if len(f) < 15 {
		return 0, 0, 0, false
	}
	ppid, _ = strconv.Atoi(f[1])
	for _, k := range f[11:15] { // fields 14–17
		v, _ := strconv.ParseInt(k, 10, 64)
		ticks += v
	}
	return pid, ppid, ticks, true
}
