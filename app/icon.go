package app

import (
	"fyne.io/fyne/v2"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// appIcon is the window and task-bar icon.
func appIcon() fyne.Resource {
	b := assets.Icon()
	if len(b) == 0 {
		return nil
	}
	return fyne.NewStaticResource("icon.png", b)
}
