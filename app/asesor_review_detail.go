package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// reviewFormWidth is the assessor's column: wide enough for the form's
// labels and a three-line note, narrow enough that at 1366×768 the OPD's
// side keeps about half the window.
const reviewFormWidth = 420

// reviewSubject is what the assessor judges, on the OPD's side of the
// review screen: the indicator as the catalog asks it, the level the OPD
// claims with its criteria and expected evidence and those of the next
// level (what the OPD would have had to show for more), the evidence
// files and the justification.
type reviewSubject struct {
	title    *widget.Label
	question *fyne.Container
	level    *widget.Label
	criteria *fyne.Container
	evidence *fyne.Container
	items    *fyne.Container // the item review (asesor_review_items.go)
	justify  *widget.Label
	box      *fyne.Container
}

func newReviewSubject() *reviewSubject {
	s := &reviewSubject{title: heading(""), question: container.NewVBox(), level: bold(""),
		criteria: container.NewVBox(), evidence: container.NewVBox(), items: container.NewVBox(), justify: wrapped("")}
	s.title.Wrapping = fyne.TextWrapWord
	// The OPD's own words first (on the first screen at 1366×768), then
	// the criteria they are judged against.
	s.box = container.NewVBox(s.title,
		bold(tr("ind.question")), s.question, widget.NewSeparator(),
		heading(tr("review.opdAnswer")), s.level,
		bold(tr("review.justificationTitle")), s.justify,
		bold(tr("review.evidenceTitle")), s.evidence, s.items, widget.NewSeparator(),
		heading(tr("review.criteriaTitle")), s.criteria)
	return s
}

// show fills the subject for item it of a bundle answered on cat (nil:
// the catalog is not installed here; the OPD's answer is still shown).
func (s *reviewSubject) show(cat *assessment.Catalog, it assessment.ReviewItem, open func(assessment.ReviewEvidence)) {
	in, known := assessment.Indicator{}, false
	if cat != nil {
		in, known = cat.Indicator(it.Indicator)
	}
	s.question.RemoveAll()
	s.criteria.RemoveAll()
	if known {
		s.title.SetText(trf("ind.title", it.Indicator, in.Name))
		s.question.Add(instrumentText(in.Question))
	} else {
		s.title.SetText(trf("review.indicator", it.Indicator))
		s.question.Add(wrapped(tr("review.noCatalog")))
	}
	claimed := 0
	if it.Answered {
		claimed = it.Level
		s.level.SetText(trf("review.level", levelName(cat, in, known, it.Level)))
	} else {
		s.level.SetText(tr("review.unanswered"))
	}
	if known {
		for _, l := range []int{claimed, claimed + 1} {
			if l >= 1 && l <= 5 {
				s.criteria.Add(levelCriteria(cat, in, l, l == claimed))
			}
		}
	}
	s.showEvidence(it.Evidence, open)
	if it.Answered && strings.TrimSpace(it.Justification) != "" {
		s.justify.SetText(it.Justification)
	} else {
		s.justify.SetText(tr("review.noJustification"))
	}
}

func levelName(cat *assessment.Catalog, in assessment.Indicator, known bool, level int) string {
	if known {
		return levelText(cat, in, level)
	}
	return strconv.Itoa(level)
}

// levelCriteria is one level's criterion and expected evidence, the
// claimed one framed like a chosen level card.
func levelCriteria(cat *assessment.Catalog, in assessment.Indicator, level int, claimed bool) fyne.CanvasObject {
	key := "review.criteriaNext"
	if claimed {
		key = "review.criteriaClaimed"
	}
	lt := in.Level(level)
	return container.NewVBox(bold(trf(key, levelText(cat, in, level))), instrumentText(lt.Criterion),
		caption(tr("review.expectedEvidence")), instrumentText(lt.Evidence))
}

func (s *reviewSubject) showEvidence(list []assessment.ReviewEvidence, open func(assessment.ReviewEvidence)) {
	s.evidence.RemoveAll()
	if len(list) == 0 {
		s.evidence.Add(widget.NewLabel(tr("review.noEvidence")))
	}
	for _, e := range list {
		text := trf("review.evidenceItem", e.Name, e.Level)
		if e.Note != "" {
			text += " – " + e.Note
		}
		btn := widget.NewButton(tr("review.openEvidence"), func() { open(e) })
		s.evidence.Add(border(nil, nil, nil, btn, wrapped(text)))
	}
}

// loadReviewer reads the workspace profile's name off the UI goroutine.
func (r *asesorReview) loadReviewer() {
	w := r.u.asesor
	if w == nil {
		return
	}
	var name string
	r.u.jobs.submit(func(ctx context.Context) error {
		var err error
		name, err = w.ReviewerName(ctx)
		return err
	}, func(err error) {
		if err != nil {
			r.u.showError(err)
			return
		}
		r.setReviewer(name)
	})
}

func (r *asesorReview) setReviewer(name string) {
	r.reviewer = name
	if name == "" {
		r.reviewerLbl.SetText(tr("review.reviewerNone"))
		return
	}
	r.reviewerLbl.SetText(trf("review.reviewerAs", name))
}

// withReviewer runs next with the assessor's name: the profile's, or,
// the first time, one asked for and stored in the workspace profile.
func (r *asesorReview) withReviewer(next func(name string)) {
	if r.reviewer != "" {
		next(r.reviewer)
		return
	}
	r.askReviewer(next)
}

// askReviewer asks for the name decisions are recorded under and stores
// it in the workspace profile; next (may be nil) then runs with it.
func (r *asesorReview) askReviewer(next func(name string)) {
	e := widget.NewEntry()
	e.SetText(r.reviewer)
	e.SetPlaceHolder(tr("review.reviewerHint"))
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errEmptyName
		}
		return nil
	}
	items := []*widget.FormItem{widget.NewFormItem(tr("review.reviewerName"), e),
		widget.NewFormItem("", wrapped(tr("review.reviewerWhy")))}
	d := dialog.NewForm(tr("review.reviewerTitle"), tr("review.save"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			r.storeReviewer(strings.TrimSpace(e.Text), next)
		}
	}, r.u.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
	r.u.win.Canvas().Focus(e)
}

func (r *asesorReview) storeReviewer(name string, next func(string)) {
	w := r.u.asesor
	r.u.jobs.submit(func(ctx context.Context) error { return w.SetReviewerName(ctx, name) }, func(err error) {
		if err != nil {
			r.u.showError(err)
			return
		}
		r.setReviewer(name)
		if next != nil {
			next(name)
		}
	})
}

var errEmptyName = errorText("review.reviewerEmpty")

// errorText is an error whose text is translated when shown.
type errorText string

func (e errorText) Error() string { return tr(string(e)) }
