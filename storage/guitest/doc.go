// Package guitest holds integration tests of the desktop GUI (package app)
// against the real SQLite store (package storage), headless with Fyne's
// test driver. It has no non-test code.
package guitest
