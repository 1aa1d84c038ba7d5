// Package glfail turns the desktop app's failure to get an OpenGL 2.1
// context (old graphics drivers, Remote Desktop, virtual machines) into a
// message the user sees. Fyne only logs it ("window creation error",
// "failed to initialise OpenGL") and then exits or panics; a GUI exe on
// Windows has no console, so without this the app just vanishes.
//
// main installs a Watcher as the log package's output before Fyne starts.
// It passes every line on, and when one of Fyne's graphics failures comes
// it shows Message (a message box on Windows, stderr elsewhere) and ends
// the process. The package imports no Fyne, so the detection is tested on
// any OS.
package glfail

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

// Title is the message box's title.
const Title = "SPBE Mandiri tidak dapat dibuka / cannot start"

// reasons are the texts Fyne (fyne.LogError) logs when GLFW or OpenGL
// cannot give it a window to draw in.
var reasons = []string{"window creation error", "failed to initialise GLFW", "failed to initialise OpenGL"}

// Message is the text shown; cause is GLFW's own words ("" if none).
func Message(cause string) string {
	m := "Jendela SPBE Mandiri tidak dapat dibuka: aplikasi ini memerlukan OpenGL 2.1, " +
		"tetapi driver grafis komputer ini (atau sambungan Remote Desktop) tidak menyediakannya.\n\n" +
		"Coba: perbarui driver kartu grafis (Windows Update atau situs pembuat laptop), " +
		"jalankan langsung di laptop dan bukan lewat Remote Desktop, atau minta bantuan petugas TI. " +
		"Data Anda tidak terpengaruh; perintah baris (spbe-mandiri-cli.exe) tetap dapat dipakai.\n\n" +
		"The SPBE Mandiri window cannot open: it needs OpenGL 2.1, which this computer's graphics " +
		"driver (or the Remote Desktop session) does not provide. Update the graphics driver, run it " +
		"on the laptop itself rather than over Remote Desktop, or ask IT. Your data is not affected."
	if cause != "" {
		m += "\n\nRincian / details: " + cause
	}
	return m
}

// Reason reports whether a log line is one of Fyne's graphics failures.
func Reason(line string) bool {
	if !strings.Contains(line, "Fyne error:") {
		return false
	}
	for _, r := range reasons {
		if strings.Contains(line, r) {
			return true
		}
	}
	return false
}

// Watcher is the log output that watches for the failure. fyne.LogError
// logs the reason, then "  Cause: …" (when there is an error), then
// "  At: file:line", each with its own Write; the message is shown at the
// line after the reason, so that it can include the cause.
type Watcher struct {
	out  io.Writer
	show func(title, msg string)
	exit func(code int)

	mu       sync.Mutex
	pending  bool   // the reason has been logged
	done     bool   // the message has been shown
	platform string // go-gl's last "PlatformError: …" line, if any
}

// NewWatcher passes lines on to out; show displays the message (it must
// block until the user has read it) and exit ends the process.
func NewWatcher(out io.Writer, show func(title, msg string), exit func(int)) *Watcher {
	return &Watcher{out: out, show: show, exit: exit}
}

// Write passes p on and reacts to Fyne's graphics failure.
func (w *Watcher) Write(p []byte) (int, error) {
	n, err := w.out.Write(p)
	line := string(p)
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, after, ok := strings.Cut(line, "PlatformError: "); ok {
		// go-gl/glfw logs platform errors and carries on; the panic
		// that follows (see Recover) is explained by this one.
		w.platform = strings.TrimSpace(after)
	}
	switch {
	case w.done:
	case w.pending:
		cause := ""
		if _, after, ok := strings.Cut(line, "Cause:"); ok {
			cause = strings.TrimSpace(after)
		}
		w.fail(cause)
	case Reason(line):
		w.pending = true
	}
	return n, err
}

// fail shows the message and ends the process; w.mu is held.
func (w *Watcher) fail(cause string) {
	w.done = true
	w.show(Title, Message(cause))
	w.exit(1)
}

// Recover is for a deferred call in main around the GUI: a panic from
// GLFW or OpenGL (go-gl/glfw panics with "NotInitialized: The GLFW
// library is not initialized" when glfwInit failed on a platform error)
// shows the message and ends the process; any other panic goes on.
func (w *Watcher) Recover(r any) {
	if r == nil {
		return
	}
	text := fmt.Sprint(r)
	if !graphicsPanic(text) {
		panic(r)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	cause := text
	if w.platform != "" {
		cause = w.platform + " (" + text + ")"
	}
	w.fail(cause)
}

// graphicsPanic reports whether a panic's text comes from GLFW or OpenGL.
func graphicsPanic(text string) bool {
	for _, s := range []string{"GLFW", "OpenGL", "WGL", "GLX", "EGL"} {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}
