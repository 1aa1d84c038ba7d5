package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// cardMode is how much of one level card is shown.
type cardMode int

const (
	cardNone      cardMode = iota // not built yet
	cardFull                      // name, criterion, expected evidence
	cardCriterion                 // name and criterion: the level above the chosen one
	cardLine                      // only its button, in the row of other levels beside the heading
)

// compactMode is the rule of the compact level cards: the chosen level in
// full, the next one's criterion (what the OPD reaches for), the others
// together on one line (still a button each to choose them).
func compactMode(level, chosen int) cardMode {
	switch level {
	case chosen:
		return cardFull
	case chosen + 1:
		return cardCriterion
	default:
		return cardLine
	}
}

// cardParts are the pieces of one level card; the texts are created the
// first time a mode needs them and kept for the pane's life.
type cardParts struct {
	name string
	text assessment.LevelText
	body *fyne.Container // the card's padded content, replaced per mode
	mode cardMode
	// texts holds the criterion (and evidence); hidden while scrolled far
	// out of view, so that they are not rasterised (inview.go).
	texts *inView

	nameLabel *widget.Label // bold, wrapped, under the button
	criterion fyne.CanvasObject
	evCaption *widget.Label // "Bukti yang diharapkan"
	evidence  fyne.CanvasObject
}

// show puts the card in mode m around the level's button; in cardLine
// mode the card is empty and the caller puts the button elsewhere.
func (c *cardParts) show(m cardMode, button *widget.Button) {
	if c.mode == m {
		return
	}
	c.mode = m
	var content fyne.CanvasObject
	switch m {
	case cardLine:
		c.body.Objects = nil
		c.body.Refresh()
		return
	default:
		if c.nameLabel == nil {
			c.nameLabel = wrapped(c.name)
			c.nameLabel.TextStyle.Bold = true
			c.criterion = instrumentText(c.text.Criterion)
		}
		texts := container.NewVBox(c.criterion)
		if c.texts == nil {
			c.texts = newInView(texts)
		}
		c.texts.Objects = []fyne.CanvasObject{texts}
		if m == cardFull {
			if c.evidence == nil {
				c.evCaption, c.evidence = caption(tr("level.evidence")), instrumentText(c.text.Evidence)
			}
			texts.Add(c.evCaption)
			texts.Add(c.evidence)
		}
		left := fixedWidth(container.NewVBox(button, c.nameLabel), 170)
		content = border(nil, nil, left, nil, c.texts)
	}
	c.body.Objects = []fyne.CanvasObject{content}
	c.body.Refresh()
}
