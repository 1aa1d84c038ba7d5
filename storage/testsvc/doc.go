// Package testsvc starts the real engines the collection server runs on,
// for tests: a throwaway PostgreSQL cluster (initdb in a temp dir, Unix
// socket only, as the postgres user when the tests run as root) and a real
// S3 server (versitygw, posix backend in a temp dir, on 127.0.0.1). No
// mocks: the server's SQL, constraints and S3 calls meet the engines they
// meet in production.
//
// One cluster and one gateway per test binary, started on first use and
// stopped by Main (call it from TestMain); every test gets its own
// database, cloned from a template that is prepared once (migrations), and
// its own bucket.
//
// When a binary is missing the tests skip with the command that installs
// it — except under CI (CI set), where a missing engine fails the run.
package testsvc
