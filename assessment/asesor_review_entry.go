package assessment

import "time"

// ReviewEntry is one review decision of the assessor as recorded (the
// CLI's `review --json` prints it; its keys are the CLI's contract).
type ReviewEntry struct {
	BundleID   string    `json:"bundle_id"`
	Indicator  int       `json:"indicator"`
	Value      string    `json:"value,omitempty"` // decimal with a point
	Status     string    `json:"status"`          // diterima | revisi
	Reason     string    `json:"reason,omitempty"`
	Note       string    `json:"note,omitempty"`
	Reviewer   string    `json:"reviewer"`
	ReviewedAt time.Time `json:"reviewed_at"`
}

// ItemReviewEntry is one verdict on one evidence item (`review --item`).
type ItemReviewEntry struct {
	BundleID  string `json:"bundle_id"`
	Indicator int    `json:"indicator"`
	Code      string `json:"item"`
	Status    string `json:"status"` // diterima | revisi
	Reason    string `json:"reason,omitempty"`
	Note      string `json:"note,omitempty"`
	// Computed is the indicator value the items give after the verdict.
	Computed   string    `json:"computed_value,omitempty"`
	Reviewer   string    `json:"reviewer"`
	ReviewedAt time.Time `json:"reviewed_at"`
}
