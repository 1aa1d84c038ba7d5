package cli

import "github.com/spbe-mandiri/spbe-mandiri/assessment"

// Services is an opened data folder: its store and its catalog library.
// main.go builds it (storage is never imported here).
type Services struct {
	DataDir string
	Store   assessment.Store
	Library *assessment.Library
}

// Close releases the data folder (its lock and database).
func (s *Services) Close() error { return s.Store.Close() }
