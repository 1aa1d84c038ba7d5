package cli

import (
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// printFeedbackItems lists the assessor's verdicts per evidence item under
// an indicator's note: code → status (reason) — note, and the value the
// items computed when the assessor set another one.
func printFeedbackItems(env *Env, n FeedbackNoteView) {
	if n.Computed != "" && n.Computed != n.Value {
		fmt.Fprintf(env.Stdout, "    nilai terhitung dari butir: %s\n", strings.Replace(n.Computed, ".", ",", 1))
	}
	for _, it := range n.Items {
		s := it.Status
		if it.Reason != "" {
			s += " (" + it.Reason + ")"
		}
		fmt.Fprintf(env.Stdout, "    %s: %s", assessment.InertLine(it.Code), s)
		if it.Note != "" {
			fmt.Fprintf(env.Stdout, " — %s", indented(it.Note))
		}
		fmt.Fprintln(env.Stdout)
	}
}
