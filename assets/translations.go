package assets

import "embed"

// The GUI's translations, Bahasa Indonesia (id.json) first and English
// (en.json) second. Besides the application's own keys they translate the
// words Fyne's own dialogs use (OK, Cancel, Open, Save…), for which Fyne
// ships no Indonesian.
//
//go:embed translations/*.json
var translationFS embed.FS

// TranslationsDir is the directory inside Translations() holding the files.
const TranslationsDir = "translations"

// Translations returns the embedded translation files (an fs.FS), in the
// form lang.AddTranslationsFS(Translations(), TranslationsDir) takes.
func Translations() embed.FS { return translationFS }

// Translation returns the JSON of one language ("id" or "en"), or nil.
func Translation(language string) []byte {
	b, err := translationFS.ReadFile(TranslationsDir + "/" + language + ".json")
	if err != nil {
		return nil
	}
	return b
}

//go:embed icon.png
var icon []byte

// Icon is the application icon (256×256 PNG).
func Icon() []byte { return icon }
