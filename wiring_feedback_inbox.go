package main

import (
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// feedbackInboxFor is app.Deps.FeedbackInbox: the store the GUI opened is
// a *storage.DB (see guiDeps); anything else has no inbox.
func feedbackInboxFor(s assessment.Store) assessment.FeedbackInbox {
	db, ok := s.(*storage.DB)
	if !ok {
		return nil
	}
	return db.FeedbackInbox()
}
