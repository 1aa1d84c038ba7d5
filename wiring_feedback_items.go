package main

import (
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
)

// cliItemNotes are the same for the CLI.
func cliItemNotes(it feedback.Item) []cli.FeedbackItemNote {
	var out []cli.FeedbackItemNote
	for _, n := range it.EvidenceItems {
		out = append(out, cli.FeedbackItemNote{Code: n.Code, Status: n.Status, Reason: n.Reason, Note: n.Note})
	}
	return out
}
