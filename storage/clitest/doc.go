// Package clitest runs the spbe-mandiri command line end to end against
// the real SQLite store. It lives here, not in app/cli, because app/cli
// must not import storage, and package main needs cgo for the GUI.
package clitest
