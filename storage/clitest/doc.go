// Package clitest runs the spbe-mandiri command line end to end against
// the real SQLite store. It lives here, not in app/cli, because app/cli
// must not import storage, and package main needs cgo for the GUI.
//
// The policy tests that ran in package main (the feedback trust rules on
// real stores, the portal package, the report and key-form PDFs, the
// assessor's recap and consolidation exports) run here on realEnv, a copy
// of main's cliEnv with the embedded catalogs; the root's
// TestCLIEnvMatchesClitest fails when the two wire different fields. The
// tests written for this package keep the 4-indicator fixture catalog.
package clitest
