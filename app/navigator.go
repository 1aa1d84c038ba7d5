package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// navigator is the tree domains → aspects → indicators (aspects →
// indicators for catalogs without domains) with a status per indicator,
// a search field and a filter for what is incomplete.
type navigator struct {
	q          *questionnaire
	search     *textEntry
	incomplete *widget.Check
	tree       *widget.Tree
	children   map[widget.TreeNodeID][]widget.TreeNodeID
	selecting  bool
	// notes are the assessor's newest feedback on the assessment (loaded
	// once when it opens); revLegend explains the revisi marker.
	notes     assessment.FeedbackNotes
	revLegend *fyne.Container
}

func newNavigator(q *questionnaire) *navigator {
	n := &navigator{q: q}
	n.search = newTextEntry(false)
	n.search.SetPlaceHolder(tr("nav.search"))
	n.search.shortcuts = q.onShortcut
	n.search.OnChanged = func(string) { n.rebuild() }
	n.search.OnSubmitted = func(string) { n.openFirstHit() }
	n.incomplete = widget.NewCheck(tr("nav.incomplete"), func(bool) { n.rebuild() })
	n.tree = widget.NewTree(n.childUIDs, n.isBranch, n.create, n.update)
	n.tree.OnSelected = n.onSelected
	caption := widget.NewLabel(tr("feedback.navLegend"))
	caption.SizeName = theme.SizeNameCaptionText
	n.revLegend = container.NewHBox(widget.NewIcon(revisionIcon()), caption)
	n.revLegend.Hide()
	n.rebuild()
	n.loadNotes()
	return n
}

// revisionIcon marks an indicator the assessor sent back (revisi).
func revisionIcon() fyne.Resource { return theme.NewErrorThemedResource(theme.ErrorIcon()) }

// loadNotes reads the assessor's feedback off the UI goroutine, then marks
// the indicators to revise and shows the open indicator's note.
func (n *navigator) loadNotes() {
	inbox := n.q.u.feedbackInbox()
	if inbox == nil {
		return
	}
	id := n.q.s.a.ID
	load(n.q.u, nil, func(ctx context.Context) (assessment.FeedbackNotes, error) {
		return inbox.Notes(ctx, id)
	}, n.setNotes)
}

func (n *navigator) setNotes(notes assessment.FeedbackNotes) {
	n.notes = notes
	n.revLegend.Hide()
	for _, it := range notes.Items {
		if it.NeedsRevision() {
			n.revLegend.Show()
		}
	}
	n.rebuild()
	if n.q.pane != nil {
		n.q.pane.showNote()
	}
}

// note is the assessor's note on indicator num, if any.
func (n *navigator) note(num int) (assessment.FeedbackNote, bool) {
	it, ok := n.notes.Items[num]
	return it, ok
}

func (n *navigator) needsRevision(num int) bool {
	it, ok := n.note(num)
	return ok && it.NeedsRevision()
}

func (n *navigator) view() fyne.CanvasObject {
	legend := widget.NewLabel(tr("nav.legend"))
	legend.Wrapping = fyne.TextWrapWord
	legend.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(n.search, n.incomplete, n.revLegend)
	return border(top, legend, nil, nil, n.tree)
}

func indicatorUID(num int) widget.TreeNodeID { return "i:" + strconv.Itoa(num) }

func uidIndicator(uid widget.TreeNodeID) (int, bool) {
	if !strings.HasPrefix(uid, "i:") {
		return 0, false
	}
	v, err := strconv.Atoi(uid[2:])
	return v, err == nil
}

// rebuild recomputes the visible tree for the search text and filter.
func (n *navigator) rebuild() {
	c := n.q.s.cat
	n.children = map[widget.TreeNodeID][]widget.TreeNodeID{}
	for _, a := range sortedAspects(c) {
		aUID := "a:" + strconv.Itoa(a.Number)
		for _, in := range c.IndicatorsOfAspect(a.Number) {
			if n.visible(in.Number, in.Name) {
				n.children[aUID] = append(n.children[aUID], indicatorUID(in.Number))
			}
		}
		if len(n.children[aUID]) == 0 {
			continue
		}
		parent := widget.TreeNodeID("")
		if len(c.Domains) > 0 {
			parent = "d:" + strconv.Itoa(a.Domain)
			if len(n.children[parent]) == 0 {
				n.children[""] = append(n.children[""], parent)
			}
		}
		n.children[parent] = append(n.children[parent], aUID)
	}
	n.tree.Refresh()
	n.tree.OpenAllBranches()
}

func (n *navigator) visible(num int, name string) bool {
	// "belum lengkap" keeps what the assessor sent back for revision.
	if n.incomplete.Checked && n.q.s.status(num) == statusDone && !n.needsRevision(num) && num != n.q.current {
		return false
	}
	term := strings.ToLower(strings.TrimSpace(n.search.Text))
	if term == "" {
		return true
	}
	return strings.Contains(strconv.Itoa(num), term) || strings.Contains(strings.ToLower(name), term)
}

// openFirstHit opens the first indicator the tree shows (Enter in the
// search field): typing "23" and Enter goes to indicator 23, without a
// trip to the mouse.
func (n *navigator) openFirstHit() {
	if num, ok := n.firstHit(""); ok {
		n.q.goTo(num)
	}
}

// firstHit is the first indicator under uid, in the tree's order.
func (n *navigator) firstHit(uid widget.TreeNodeID) (int, bool) {
	for _, c := range n.children[uid] {
		if num, ok := uidIndicator(c); ok {
			return num, true
		}
		if num, ok := n.firstHit(c); ok {
			return num, true
		}
	}
	return 0, false
}

func (n *navigator) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID { return n.children[uid] }

func (n *navigator) isBranch(uid widget.TreeNodeID) bool {
	_, leaf := uidIndicator(uid)
	return !leaf
}

func (n *navigator) create(bool) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	flag := widget.NewIcon(revisionIcon())
	flag.Hide()
	return container.NewBorder(nil, nil, widget.NewIcon(nil), flag, l)
}

func (n *navigator) update(uid widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	label := box.Objects[0].(*widget.Label)
	icon := box.Objects[1].(*widget.Icon)
	flag := box.Objects[2].(*widget.Icon)
	// Refreshed only when it changes: every switch refreshes the tree, and
	// a truncated label measures its text again on each refresh.
	if text := n.label(uid); label.Text != text || label.TextStyle.Bold != branch {
		label.Text = text
		label.TextStyle.Bold = branch
		label.Refresh()
	}
	num, _ := uidIndicator(uid)
	if want := !branch && n.needsRevision(num); want != flag.Visible() {
		if want {
			flag.Show()
		} else {
			flag.Hide()
		}
		box.Refresh() // lay out again: the marker takes room only when shown
	}
	if branch {
		icon.Hide()
		return
	}
	icon.SetResource(statusIcon(n.q.s.status(num)))
	icon.Show()
}

func (n *navigator) label(uid widget.TreeNodeID) string {
	c := n.q.s.cat
	num, _ := strconv.Atoi(uid[2:])
	switch uid[0] {
	case 'd':
		d, _ := c.Domain(num)
		return trf("nav.domain", num, d.Name)
	case 'a':
		a, _ := c.Aspect(num)
		return trf("nav.aspect", num, a.Name)
	default:
		in, _ := c.Indicator(num)
		return strconv.Itoa(num) + ". " + n.q.s.missingItemsHint(num) + navName(in.Name)
	}
}

// navName drops the words every indicator name starts with ("Tingkat
// Kematangan Kebijakan Internal …"), which the narrow navigator would
// otherwise show as ten identical truncated labels; the aspect heading
// above and the indicator pane still give the full name.
func navName(name string) string {
	short := strings.TrimPrefix(name, "Tingkat Kematangan ")
	short = strings.TrimPrefix(short, "Kebijakan Internal ")
	if short == "" {
		return name
	}
	return strings.ToUpper(short[:1]) + short[1:]
}

func statusIcon(s indicatorStatus) fyne.Resource {
	switch s {
	case statusDone:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case statusNoEvidence, statusNoJustification:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	default:
		return theme.RadioButtonIcon()
	}
}

func (n *navigator) onSelected(uid widget.TreeNodeID) {
	num, ok := uidIndicator(uid)
	if !ok || n.selecting {
		return
	}
	n.q.goTo(num)
}

// selectIndicator marks num in the tree without navigating again.
func (n *navigator) selectIndicator(num int) {
	n.selecting = true
	defer func() { n.selecting = false }()
	uid := indicatorUID(num)
	n.tree.Select(uid)
	n.tree.ScrollTo(uid)
}

// refresh redraws status icons; with the filter on, the tree is rebuilt.
func (n *navigator) refresh() {
	if n.incomplete.Checked {
		n.rebuild()
		return
	}
	n.tree.Refresh()
}
