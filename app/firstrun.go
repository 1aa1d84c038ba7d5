package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// firstRun asks for the language and the data folder. The profile comes
// next (profileForm), once the folder is open: a folder brought on a USB
// stick may already hold one.
type firstRun struct {
	u        *UI
	language *widget.RadioGroup
	folder   *widget.RadioGroup
	role     *widget.RadioGroup // nil without the assessor's workspace
	next     *widget.Button
	folders  map[string]string // radio option → path
}

func newFirstRun(u *UI) *firstRun {
	f := &firstRun{u: u, folders: map[string]string{}}
	f.language = widget.NewRadioGroup([]string{"Bahasa Indonesia", "English"}, f.onLanguage)
	f.language.Required = true
	if languageOf(u.prefs, "") == langEN {
		f.language.Selected = "English"
	} else {
		f.language.Selected = "Bahasa Indonesia"
	}
	var options []string
	add := func(label, path string) {
		if path != "" {
			opt := label + ": " + path
			options = append(options, opt)
			f.folders[opt] = path
		}
	}
	add(tr("first.folderDefault"), u.deps.DefaultDataDir)
	add(tr("first.folderPortable"), u.deps.PortableDataDir)
	if d := u.deps.Settings.DataDir; d != "" {
		add(tr("first.folderGiven"), d)
	}
	f.folder = widget.NewRadioGroup(options, nil)
	f.folder.Required = true
	if len(options) > 0 {
		f.folder.Selected = options[len(options)-1]
		if u.deps.Settings.DataDir == "" {
			f.folder.Selected = options[0]
		}
	}
	if u.deps.OpenAsesor != nil {
		f.role = widget.NewRadioGroup([]string{tr("first.roleOPD"), tr("first.roleAsesor")}, nil)
		f.role.Required = true
		f.role.Selected = tr("first.roleOPD")
		if u.workspace() == workspaceAsesor {
			f.role.Selected = tr("first.roleAsesor")
		}
	}
	f.next = widget.NewButton(tr("first.next"), f.onNext)
	f.next.Importance = widget.HighImportance
	return f
}

func (f *firstRun) view() fyne.CanvasObject {
	form := container.NewVBox(
		heading(tr("first.title")),
		wrapped(tr("first.intro")),
		widget.NewSeparator(),
		bold(tr("first.language")),
		f.language,
		widget.NewSeparator(),
		bold(tr("first.folder")),
		wrapped(tr("first.folderHint")),
		f.folder,
	)
	if f.role != nil {
		form.Add(widget.NewSeparator())
		form.Add(bold(tr("first.role")))
		form.Add(f.role)
	}
	form.Add(container.NewHBox(f.next))
	return container.NewVScroll(container.NewPadded(centered(form, 760)))
}

func (f *firstRun) leave() {}

// onLanguage switches the language at once and rebuilds the screen.
func (f *firstRun) onLanguage(choice string) {
	code := langID
	if choice == "English" {
		code = langEN
	}
	if code == languageOf(f.u.prefs, "") {
		return
	}
	f.u.prefs.SetString(prefLanguage, code)
	applyLanguage(code)
	f.u.show(newFirstRun(f.u))
}

func (f *firstRun) onNext() {
	dir, ok := f.folders[f.folder.Selected]
	if !ok {
		return
	}
	if f.role != nil && f.role.Selected == tr("first.roleAsesor") {
		f.u.openAsesor(dir)
		return
	}
	f.u.openDataDir(dir)
}
