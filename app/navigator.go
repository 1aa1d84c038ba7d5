package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
}

func newNavigator(q *questionnaire) *navigator {
	n := &navigator{q: q}
	n.search = newTextEntry(false)
	n.search.SetPlaceHolder(tr("nav.search"))
	n.search.shortcuts = q.onShortcut
	n.search.OnChanged = func(string) { n.rebuild() }
	n.incomplete = widget.NewCheck(tr("nav.incomplete"), func(bool) { n.rebuild() })
	n.tree = widget.NewTree(n.childUIDs, n.isBranch, n.create, n.update)
	n.tree.OnSelected = n.onSelected
	n.rebuild()
	return n
}

func (n *navigator) view() fyne.CanvasObject {
	legend := widget.NewLabel(tr("nav.legend"))
	legend.Wrapping = fyne.TextWrapWord
	legend.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(n.search, n.incomplete)
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
	if n.incomplete.Checked && n.q.s.status(num) == statusDone && num != n.q.current {
		return false
	}
	term := strings.ToLower(strings.TrimSpace(n.search.Text))
	if term == "" {
		return true
	}
	return strings.Contains(strconv.Itoa(num), term) || strings.Contains(strings.ToLower(name), term)
}

func (n *navigator) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID { return n.children[uid] }

func (n *navigator) isBranch(uid widget.TreeNodeID) bool {
	_, leaf := uidIndicator(uid)
	return !leaf
}

func (n *navigator) create(bool) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
}

func (n *navigator) update(uid widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	label := box.Objects[0].(*widget.Label)
	icon := box.Objects[1].(*widget.Icon)
	label.SetText(n.label(uid))
	if branch {
		icon.Hide()
		label.TextStyle.Bold = true
		return
	}
	label.TextStyle.Bold = false
	num, _ := uidIndicator(uid)
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
		return strconv.Itoa(num) + ". " + navName(in.Name)
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
