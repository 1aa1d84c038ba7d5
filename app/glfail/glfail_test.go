package glfail

import (
	"bytes"
	"errors"
	"log"
	"strings"
	"testing"
)

// What Fyne logs when there is no usable OpenGL shows the message once,
// with GLFW's cause, then ends the process; other lines just pass on.
func TestWatcher(t *testing.T) {
	for _, c := range []struct {
		name  string
		lines []string // each one log call, as fyne.LogError makes them
		cause string   // "" = no message expected
	}{
		{"no OpenGL 2.1 (old driver, RDP)", []string{"Fyne error:  window creation error",
			"  Cause: VersionUnavailable: WGL: Failed to create OpenGL context", "  At: window_desktop.go:760"},
			"VersionUnavailable: WGL: Failed to create OpenGL context"},
		{"GLFW cannot start", []string{"Fyne error:  failed to initialise GLFW",
			"  Cause: APIUnavailable: WGL: The driver does not appear to support OpenGL", "  At: loop_desktop.go:14"},
			"APIUnavailable: WGL: The driver does not appear to support OpenGL"},
		{"no cause", []string{"Fyne error:  failed to initialise OpenGL", "  At: gl_core.go:68"}, "-"},
		{"other Fyne error", []string{"Fyne error:  Failed to decode image for window icon", "  Cause: x", "  At: y"}, ""},
		{"ordinary line", []string{"window creation error mentioned by someone else"}, ""},
	} {
		var out bytes.Buffer
		var shown []string
		exited := -1
		w := NewWatcher(&out, func(title, msg string) { shown = append(shown, title+"\n"+msg) }, func(code int) { exited = code })
		l := log.New(w, "2026/12/01 00:00:00 ", 0)
		for _, line := range c.lines {
			l.Println(line)
		}
		if !strings.Contains(out.String(), c.lines[0]) {
			t.Errorf("%s: log not passed on: %q", c.name, out.String())
		}
		if c.cause == "" {
			if len(shown) != 0 || exited != -1 {
				t.Errorf("%s: shown %q, exit %d", c.name, shown, exited)
			}
			continue
		}
		if len(shown) != 1 || exited != 1 || !strings.Contains(shown[0], "OpenGL 2.1") || !strings.Contains(shown[0], "Remote Desktop") {
			t.Fatalf("%s: shown %q, exit %d", c.name, shown, exited)
		}
		if c.cause != "-" && !strings.Contains(shown[0], "Rincian / details: "+c.cause) {
			t.Errorf("%s: cause missing: %q", c.name, shown[0])
		}
	}
}

// go-gl/glfw logs a platform error, then panics when Fyne carries on
// (no display, no usable driver): the panic ends in the message too,
// with the platform error as its cause; other panics go on.
func TestRecover(t *testing.T) {
	var shown []string
	exited := -1
	w := NewWatcher(&bytes.Buffer{}, func(_, msg string) { shown = append(shown, msg) }, func(code int) { exited = code })
	log.New(w, "2026/12/01 00:00:00 ", 0).Println("PlatformError: X11: The DISPLAY environment variable is missing")
	w.Recover(nil)
	if len(shown) != 0 {
		t.Fatal("shown without a panic")
	}
	func() {
		defer func() {
			if r := recover(); r == nil || r != "index out of range" {
				t.Errorf("other panic not passed on: %v", r)
			}
		}()
		w.Recover("index out of range")
	}()
	w.Recover(errors.New("NotInitialized: The GLFW library is not initialized"))
	if len(shown) != 1 || exited != 1 || !strings.Contains(shown[0], "X11: The DISPLAY environment variable is missing (NotInitialized") {
		t.Fatalf("shown %q, exit %d", shown, exited)
	}
}
