package app

import (
	"context"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// asesorConflict settles a konflik of one OPD and periode: its bundles in
// contention (the accepted one and those in conflict) side by side, one
// column each, and a button under each to make it the accepted one. The
// others become superseded (kept); the workspace records who decided.
type asesorConflict struct {
	u         *UI
	row       assessment.RecapRow
	dlg       dialog.Dialog
	state     *widget.Label
	body      *fyne.Container
	bundles   []assessment.ReviewBundle
	choose    []*widget.Button // one per bundle, in the order of bundles
	confirm   *dialog.ConfirmDialog
	onSettled func()
}

// showConflict opens the dialog for row; onSettled runs on the UI
// goroutine after a choice was saved.
func showConflict(u *UI, row assessment.RecapRow, onSettled func()) *asesorConflict {
	c := &asesorConflict{u: u, row: row, onSettled: onSettled, state: wrapped(tr("asesor.conflict.loading")),
		body: container.NewVBox()}
	intro := wrapped(trf("asesor.conflict.intro", row.OPDKode, row.OPDNama, row.Periode))
	after := wrapped(tr("asesor.conflict.after"))
	content := container.NewBorder(container.NewVBox(intro, after, c.state), nil, nil, nil, container.NewScroll(c.body))
	c.dlg = dialog.NewCustom(trf("asesor.conflict.title", row.OPDKode, row.Periode), tr("common.close"), content, u.win)
	c.dlg.Resize(fyne.NewSize(900, 640))
	c.dlg.Show()
	c.load()
	return c
}

// load reads the stored bundles off the UI goroutine and keeps those of
// this OPD and periode that are accepted or in conflict.
func (c *asesorConflict) load() {
	w := c.u.asesor
	if w == nil {
		return
	}
	load(c.u, c.state, w.Bundles, func(all []assessment.ReviewBundle) {
		c.bundles = c.bundles[:0]
		for _, b := range all {
			if b.OPDKode == c.row.OPDKode && b.Periode == c.row.Periode && (b.Status == "accepted" || b.Status == "conflict") {
				c.bundles = append(c.bundles, b)
			}
		}
		slices.SortFunc(c.bundles, func(a, b assessment.ReviewBundle) int { return compareUint(a.Sequence, b.Sequence) })
		c.state.SetText(trf("asesor.conflict.count", len(c.bundles)))
		c.build()
	})
}

func compareUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// build lays the bundles out side by side: a column of field names, then
// one column per bundle, the choice buttons in the last row.
func (c *asesorConflict) build() {
	c.body.RemoveAll()
	c.choose = nil
	grid := container.NewGridWithColumns(len(c.bundles) + 1)
	fields := []struct {
		key  string
		text func(assessment.ReviewBundle) fyne.CanvasObject
	}{
		{"asesor.conflict.status", func(b assessment.ReviewBundle) fyne.CanvasObject { return bundleStatusBadge(b.Status) }},
		{"asesor.conflict.sequence", func(b assessment.ReviewBundle) fyne.CanvasObject {
			return widget.NewLabel(strconv.FormatUint(b.Sequence, 10))
		}},
		{"asesor.conflict.created", func(b assessment.ReviewBundle) fyne.CanvasObject { return wrapped(opdClock(b.CreatedAt)) }},
		{"asesor.conflict.imported", func(b assessment.ReviewBundle) fyne.CanvasObject { return widget.NewLabel(formatTime(b.Imported)) }},
		{"asesor.conflict.index", func(b assessment.ReviewBundle) fyne.CanvasObject {
			return wrapped(recapIndex(b.Index) + " " + b.Predicate)
		}},
		{"asesor.conflict.key", func(b assessment.ReviewBundle) fyne.CanvasObject {
			l, imp := keyStatusBadge(b.KeyStatus)
			return badge(l, imp)
		}},
		{"asesor.conflict.bundle", func(b assessment.ReviewBundle) fyne.CanvasObject { return widget.NewLabel(shortBundleID(b.BundleID)) }},
	}
	for _, f := range fields {
		grid.Add(bold(tr(f.key)))
		for _, b := range c.bundles {
			grid.Add(f.text(b))
		}
	}
	grid.Add(widget.NewLabel(""))
	for _, b := range c.bundles {
		grid.Add(c.chooseButton(b))
	}
	c.body.Add(grid)
}

// chooseButton makes b the accepted one after a confirmation. On the
// accepted bundle it keeps it and sets the conflicting ones aside.
func (c *asesorConflict) chooseButton(b assessment.ReviewBundle) *widget.Button {
	key := "asesor.conflict.choose"
	if b.Status == "accepted" {
		key = "asesor.conflict.keep"
	}
	btn := widget.NewButton(tr(key), func() { c.askConfirm(b) })
	btn.Importance = widget.HighImportance
	if b.KeyStatus == assessment.KeyRevoked {
		btn.Disable() // the workspace refuses it; say so before asking
		btn.SetText(tr("asesor.conflict.revoked"))
	}
	c.choose = append(c.choose, btn)
	return btn
}

func (c *asesorConflict) askConfirm(b assessment.ReviewBundle) {
	c.confirm = dialog.NewConfirm(tr("asesor.conflict.confirmTitle"),
		trf("asesor.conflict.confirm", b.Sequence, opdClock(b.CreatedAt), c.row.OPDKode, c.row.Periode),
		func(ok bool) {
			if ok {
				c.accept(b)
			}
		}, c.u.win)
	c.confirm.SetConfirmText(tr("asesor.conflict.confirmYes"))
	c.confirm.Show()
}

// accept saves the choice off the UI goroutine.
func (c *asesorConflict) accept(b assessment.ReviewBundle) {
	w := c.u.asesor
	for _, btn := range c.choose {
		btn.Disable()
	}
	c.state.SetText(tr("asesor.conflict.saving"))
	c.u.jobs.submit(func(ctx context.Context) error { return w.AcceptBundle(ctx, b.BundleID) }, func(err error) {
		if err != nil {
			c.state.SetText(err.Error())
			c.u.showError(err)
			c.build()
			return
		}
		c.dlg.Hide()
		if c.onSettled != nil {
			c.onSettled()
		}
	})
}

// bundleStatusBadge is the word and colour of a stored bundle's status.
func bundleStatusBadge(s string) *widget.Label {
	switch s {
	case "accepted":
		return badge(tr("asesor.conflict.statusAccepted"), widget.SuccessImportance)
	case "conflict":
		return badge(tr("asesor.conflict.statusConflict"), widget.WarningImportance)
	case "superseded":
		return badge(tr("asesor.conflict.statusSuperseded"), widget.MediumImportance)
	}
	return badge(s, widget.MediumImportance)
}

// opdClock shows a bundle's created_at (RFC 3339, the OPD device's clock)
// with the OPD's own offset, as written in the bundle.
func opdClock(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	}
	return t.Format("02/01/2006 15.04 -07:00")
}

// shortBundleID is the start and end of a bundle id: bundles made the
// same day share their first digits (UUIDv7), so the end tells them apart.
func shortBundleID(id string) string {
	if len(id) > 13 {
		return id[:8] + "…" + id[len(id)-6:]
	}
	return id
}
