package app

import (
	"errors"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// failureWidth is the text column of an error dialog: wide enough that a
// reason and its advice read as sentences at 1366×768. Fyne's own error
// dialog sizes itself to the text and draws its icon behind it, so a short
// reason such as "Frasa sandi salah" ended up under the icon.
const failureWidth = 460

// failureAdvice is what the user can do about a failed job, for the domain
// errors where there is something to do; "" when the reason says it all.
func failureAdvice(err error) string {
	switch {
	case errors.Is(err, assessment.ErrWrongPassphrase):
		return tr("fail.wrongPassphrase")
	default:
		return ""
	}
}

// failureView is the body of an error dialog: the icon in its own column
// beside the reason (first letter capitalised, as Fyne does) and, below
// it, the advice.
func failureView(err error) fyne.CanvasObject {
	reason := err.Error()
	if r, size := utf8.DecodeRuneInString(reason); r != utf8.RuneError {
		reason = string(unicode.ToUpper(r)) + reason[size:]
	}
	text := container.NewVBox(bold(reason))
	if advice := failureAdvice(err); advice != "" {
		text.Add(wrapped(advice))
	}
	icon := widget.NewIcon(theme.ErrorIcon())
	left := container.NewVBox(container.NewGridWrap(fyne.NewSquareSize(2*theme.IconInlineSize()), icon))
	return border(nil, nil, left, nil, fixedWidth(text, failureWidth))
}

// showFailure shows a failed job's reason and advice over win.
func showFailure(err error, win fyne.Window) {
	dialog.NewCustom(lang.L("Error"), lang.L("OK"), failureView(err), win).Show()
}
