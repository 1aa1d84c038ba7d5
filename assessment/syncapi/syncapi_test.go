package syncapi

import (
	"net/http"
	"testing"
)

// The HTTP status a client acts on: a stored decision is 201 (konflik too:
// it is stored, and a 409 would make clients retry), a repeat 200, missing
// files 202, refusals by code.
func TestStatus(t *testing.T) {
	cases := []struct {
		a    Answer
		want int
	}{
		{Answer{Outcome: OutcomeNew}, http.StatusCreated},
		{Answer{Outcome: OutcomeNewVersion}, http.StatusCreated},
		{Answer{Outcome: OutcomeConflict}, http.StatusCreated},
		{Answer{Outcome: OutcomeDuplicate}, http.StatusOK},
		{Answer{Outcome: OutcomeWaiting}, http.StatusAccepted},
		{Answer{Outcome: OutcomeRejected, Error: &Error{Code: CodeDifferentKey}}, http.StatusForbidden},
		{Answer{Outcome: OutcomeRejected, Error: &Error{Code: CodeSequence}}, http.StatusConflict},
		{Answer{Outcome: OutcomeRejected, Error: &Error{Code: CodeInvalid}}, http.StatusUnprocessableEntity},
		{Answer{Error: &Error{Code: CodeLocked}}, http.StatusLocked},
		{Answer{Error: &Error{Code: CodeUnavailable}}, http.StatusServiceUnavailable},
		{Answer{}, http.StatusInternalServerError},
	}
	for _, c := range cases {
		if got := Status(c.a); got != c.want {
			t.Errorf("%q %+v: %d, want %d", c.a.Outcome, c.a.Error, got, c.want)
		}
	}
}
