package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// Languages the GUI speaks; Bahasa Indonesia is the default.
const (
	langID = "id"
	langEN = "en"
)

// tr translates a key of assets/translations/*.json.
func tr(key string) string { return lang.L(key) }

// trf translates a key whose text is a fmt format.
func trf(key string, a ...any) string { return fmt.Sprintf(lang.L(key), a...) }

// applyLanguage makes code ("id" or "en") the language of the GUI and of
// Fyne's own dialogs. Fyne picks its language from the operating system's
// locale only, so the chosen language's texts are also registered under
// the system locale (and its base language), which the locale matcher then
// prefers. Only there: every language's file under its own tag as well
// (lang.AddTranslationsFS) kept 0.9 MB more of parsed messages in the
// heap for the whole run, which the matcher never chose over the exact
// system locale. Call on the UI goroutine, then rebuild the visible
// screen.
func applyLanguage(code string) {
	if code != langEN {
		code = langID
	}
	data := assets.Translation(code)
	sys := lang.SystemLocale()
	for _, l := range []fyne.Locale{sys, fyne.Locale(sys.LanguageString())} {
		if err := lang.AddTranslationsForLocale(data, l); err != nil {
			fyne.LogError("translations", err)
		}
	}
}

// languageOf returns the language to use: the override, else the
// remembered one, else Bahasa Indonesia.
func languageOf(p Prefs, override string) string {
	if override == langEN || override == langID {
		return override
	}
	if p.StringWithFallback(prefLanguage, langID) == langEN {
		return langEN
	}
	return langID
}
