package assessment

import "strings"

// The justification template: FAKTA → ANALISIS → JUSTIFIKASI, the
// structure assessors expect. It is always Bahasa Indonesia, whatever the
// GUI's language, because what the officer types goes into the signed
// Indonesian report and the national portal.
const (
	tplFactsHead    = "FAKTA:"
	tplAnalysisHead = "ANALISIS:"
	tplLevelHead    = "JUSTIFIKASI LEVEL:"
	// tplGap marks every place the officer still has to fill in. A line
	// that still holds it is template, not content.
	tplGap = "…"
)

// JustificationTemplate is the template for an answer whose evidence
// files are named files and whose chosen level reads level ("" when no
// level is chosen yet).
func JustificationTemplate(files []string, level string) string {
	var facts []string
	for _, f := range files {
		facts = append(facts, "- Berkas bukti: "+f+" (nomor, tanggal, pasal/halaman: "+tplGap+")")
	}
	if len(facts) == 0 {
		facts = append(facts, "- Dokumen: "+tplGap+" (nomor, tanggal, pasal/halaman, nama berkas bukti)")
	}
	levelLine := "- Level " + tplGap + " karena " + tplGap
	if level != "" {
		levelLine = "- Level " + level + " karena " + tplGap
	}
	return tplFactsHead + "\n" + strings.Join(facts, "\n") + "\n\n" +
		tplAnalysisHead + "\n- Dibandingkan dengan kriteria level: " + tplGap + "\n\n" +
		tplLevelHead + "\n" + levelLine
}

// Justified reports whether text says something of the officer's own: a
// line that is neither a template heading nor a line still holding the
// template's gap mark. An untouched inserted template is not a
// justification, however long it is.
func Justified(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		if lineHasContent(line) {
			return true
		}
	}
	return false
}

func lineHasContent(line string) bool {
	s := strings.TrimSpace(line)
	for _, head := range []string{tplFactsHead, tplAnalysisHead, tplLevelHead, "JUSTIFIKASI:"} {
		if len(s) >= len(head) && strings.EqualFold(s[:len(head)], head) {
			s = strings.TrimSpace(s[len(head):])
			break
		}
	}
	s = strings.TrimSpace(strings.TrimLeft(s, "-•*"))
	return s != "" && !strings.Contains(s, tplGap)
}
