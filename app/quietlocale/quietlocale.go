// Package quietlocale keeps Fyne from complaining about the C locale.
//
// Under LANG=C.UTF-8 (Debian's default for services, containers and many
// terminals) Fyne's lang package parses "C" as a language tag while it
// initialises and logs "Error parsing user locale C" to stderr — before
// main runs, for every CLI command. Its locale lookup consults LANGUAGE
// when the locale is C.<codeset>, so setting LANGUAGE=id there makes the
// lookup succeed and the app fall back to Bahasa Indonesia, its default.
//
// main imports this package for its init. Go initialises packages in
// import-path order among those whose imports are ready; this package
// imports only "os", and fyne.io/fyne/v2/lang waits for golang.org/x/text,
// which sorts after this module's path, so this init always runs first.
package quietlocale

import "os"

func init() { Apply(os.Getenv, os.Setenv) }

// Apply sets LANGUAGE=id when the effective locale (the first of LC_ALL,
// LC_MESSAGES, LANG that is set) is C.<codeset> or POSIX.<codeset> and
// LANGUAGE is not set.
func Apply(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if hasPrefix(v, "C.") || hasPrefix(v, "POSIX.") {
			_ = setenv("LANGUAGE", "id")
		}
		return
	}
}

// hasPrefix is strings.HasPrefix; importing strings would let other
// packages initialise ahead of this one.
func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }
