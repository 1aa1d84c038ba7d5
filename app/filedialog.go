package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showFileDialog shows a Fyne file or folder dialog in the GUI's
// language. Fyne translates its buttons and title through lang (our
// translations carry those keys: "Open", "Save", "Cancel", "File",
// "Folder", "New Folder", "file.name", …), but writes the names of the
// places on its left ("Home", "Computer", "Documents", …) as literal
// English (fyne v2.7.1 dialog/file.go loadFavorites). Every file dialog of
// the app goes through here, which relabels those places in the list's
// own item callback, so a redraw or scroll keeps them translated.
func showFileDialog(d *dialog.FileDialog, parent fyne.Window) {
	d.Show()
	pop, ok := parent.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	list := favouritesList(pop.Content)
	if list == nil || list.UpdateItem == nil {
		return // a Fyne whose dialog is built otherwise: English names, nothing broken
	}
	update := list.UpdateItem
	list.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		update(id, o)
		translatePlace(o)
	}
	list.Refresh()
}

// placeKeys are the place names Fyne's file dialog does not translate.
var placeKeys = map[string]string{
	"Home": "files.place.home", "Computer": "files.place.computer", "App Files": "files.place.appFiles",
	"Documents": "files.place.documents", "Desktop": "files.place.desktop", "Downloads": "files.place.downloads",
	"Music": "files.place.music", "Pictures": "files.place.pictures", "Videos": "files.place.videos",
}

// favouritesList finds the places list: the leading side of the dialog's
// split, through containers only (no renderer internals).
func favouritesList(o fyne.CanvasObject) *widget.List {
	switch x := o.(type) {
	case *container.Split:
		if l, ok := x.Leading.(*widget.List); ok {
			return l
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if l := favouritesList(c); l != nil {
				return l
			}
		}
	}
	return nil
}

// translatePlace relabels one item of the places list (an icon and a
// label in a box).
func translatePlace(o fyne.CanvasObject) {
	box, ok := o.(*fyne.Container)
	if !ok {
		return
	}
	for _, c := range box.Objects {
		if l, ok := c.(*widget.Label); ok {
			if key, ok := placeKeys[l.Text]; ok {
				l.SetText(tr(key))
			}
		}
	}
}
