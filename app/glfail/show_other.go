//go:build !windows

package glfail

import (
	"fmt"
	"os"
)

// Show prints the message to stderr (a terminal or the desktop's log).
func Show(title, msg string) { fmt.Fprintf(os.Stderr, "galat: %s\n%s\n", title, msg) }
