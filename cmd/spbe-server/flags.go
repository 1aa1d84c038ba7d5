package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"strings"
)

// errUsage: the flag package already printed what is wrong.
var errUsage = errors.New("usage")

// flagSet is a flag set whose string flags default to an environment
// variable, named in the help text.
type flagSet struct{ *flag.FlagSet }

func newFlags(name string, stderr io.Writer) flagSet {
	fs := flag.NewFlagSet("spbe-server "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return flagSet{fs}
}

func (f flagSet) env(name, envVar, def, help string) *string {
	if v, ok := os.LookupEnv(envVar); ok {
		def = v
	}
	return f.String(name, def, help+" (env "+envVar+")")
}

func (f flagSet) parse(args []string) error {
	if err := f.Parse(args); err != nil {
		return errUsage
	}
	if f.NArg() > 0 {
		f.Usage()
		return errUsage
	}
	return nil
}

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ", ") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func (f flagSet) db() *string {
	return f.env("db", "SPBE_SERVER_DB", "", "PostgreSQL DSN, e.g. host=/run/postgresql dbname=spbe")
}
