package assessment

import (
	"cmp"
	"errors"
	"fmt"
	"math/big"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// PortalPackage is the layout of the *Paket unggah portal*: what an
// officer uploads to eval.spbe.go.id, indicator by indicator, without
// renaming a file. PlanPortalPackage computes it from a Snapshot; the
// writer (storage/portal) only copies blobs and renders the Lembar isian
// from it, so every naming rule lives here and is table-tested.
type PortalPackage struct {
	Profile      Profile
	Periode      int
	CatalogTitle string // "Indeks Pemerintah Digital (PermenPANRB 8/2026)"
	CatalogShort string // "PermenPANRB 8/2026" (or id and version)
	Provisional  bool   // the catalog is provisional: the lembar says so
	// Source says whose values the package carries: PortalSourceOPD (the
	// OPD's own answers) or PortalSourceInstansi (the assessor's
	// consolidation).
	Source     string
	Indicators []PortalIndicator // in the portal's order (indicator number)
}

// Sources of a package.
const (
	PortalSourceOPD      = "opd"
	PortalSourceInstansi = "instansi"
)

// PortalIndicator is one indicator of the package: its folder, the level
// claimed, the items with their state, the files and the justification.
type PortalIndicator struct {
	Number    int
	Name      string
	Folder    string // "I04"; "" for an externally valued indicator (nothing to upload)
	Level     int    // the level claimed; 0 = not chosen
	LevelName string // "Membangun"; "" when no level
	// Value is a decimal value other than the level (the assessor's
	// consolidated 1.3); "" when the level is the value.
	Value         string
	Justification string
	// External is set for an indicator whose value another agency's index
	// gives (ValuedBy.Imported): no level, no items, no files.
	External *PortalExternal
	Items    []PortalItem // items of levels 1..ShownLevel, portal order
	Files    []PortalFile // the files of Folder in name order
	// Omitted counts evidence files left out: those of an externally
	// valued indicator (the portal takes none there).
	Omitted int
	// RangeNote names the reference index range of the level claimed when
	// the catalog ties levels to one the assessor checks (IKASANDI for
	// Pemdi I10–I12); "" otherwise.
	RangeNote string
}

// PortalItem is one evidence item of the portal with the files of the
// package that support it.
type PortalItem struct {
	Code  string // the portal's code, I4-L1-02
	Level int
	Text  string   // the item's wording; "" when the catalog does not know it
	Files []string // names in the indicator's folder; none = belum
	// Unknown: the code is linked to a file but is not in the catalog
	// (the catalog changed since); it is still named and listed.
	Unknown bool
	// NotAccepted is, in the instansi's package, the assessor's verdict on
	// an item not diterima ("revisi", "ditolak otomatis", "belum ditelaah
	// asesor"): its files are left out. "" otherwise.
	NotAccepted string
}

// Present reports whether the item has a file (ada) or not (belum).
func (it PortalItem) Present() bool { return len(it.Files) > 0 }

// State is the item's state as the Lembar isian writes it.
func (it PortalItem) State() string {
	switch {
	case it.NotAccepted != "":
		return "tidak disertakan (asesor: " + it.NotAccepted + ")"
	case it.Present():
		return "ada"
	}
	return "belum"
}

// PortalFile is one file of an indicator's folder and the blob it copies.
type PortalFile struct {
	Name         string // the name in the folder, I04-L1-02_SK Tim.pdf
	Item         string // the item code it is named by; "" = no item (…-00_)
	Level        int    // the item's level, or the file's own level without an item
	SHA256       string
	Size         int64
	EvidenceID   int64
	OriginalName string
}

// PortalExternal is the agency's score and the value it converts to.
type PortalExternal struct {
	Agency string
	Index  string
	Score  string // as entered ("25.5"); "" when none was entered
	Year   int
	// Value is the converted value, or the catalog's missing value when
	// no score was entered; nil when the catalog has no conversion.
	Value   Value
	Assumed bool // no score: Value is the value assumed while it is missing
	// Problem says why a score gives no value (off the scale, no
	// conversion known); "" otherwise.
	Problem string
}

// ValueText is the value as the lembar prints it: "2,00", or why there is
// none.
func (e PortalExternal) ValueText() string {
	if e.Value == nil {
		return e.Problem + " — isi nilainya di portal sesuai publikasi " + e.Agency
	}
	s := FormatDecimal(e.Value)
	if e.Assumed {
		s += " (belum ada skor: nilai yang dipakai KemenPANRB)"
	}
	return s
}

// ScoreText is the agency's score with its year ("25 (2025)"), or "—".
func (e PortalExternal) ScoreText() string {
	if e.Score == "" {
		return "—"
	}
	s := strings.Replace(e.Score, ".", ",", 1)
	if e.Year > 0 {
		s += " (" + strconv.Itoa(e.Year) + ")"
	}
	return s
}

// maxNameRunes caps the officer's part of a file name: Windows Explorer
// refuses paths over 260 characters, and the package may sit a few
// folders deep on a stick.
const maxNameRunes = 60

// maxNameBytes caps it in bytes too: Linux and macOS count a name's 255
// in bytes, and 60 four-byte characters (emoji) would exceed them.
const maxNameBytes = 180

// noItem is the item number in the name of a file linked to no item:
// I04-L1-00_… (see portalFileName).
const noItem = 0

// PlanPortalPackage lays out the package of a snapshot: per indicator, in
// number order (the order the portal lists them), a folder I04 with the
// evidence files renamed by item code. An error only without a catalog.
func PlanPortalPackage(s Snapshot) (PortalPackage, error) {
	c := s.Catalog
	if c == nil {
		return PortalPackage{}, errors.New("paket portal: snapshot tanpa katalog")
	}
	p := portalHeader(s.Profile, s.Assessment.Periode, c, PortalSourceOPD)
	answers := map[int]Answer{}
	for _, a := range s.Answers {
		answers[a.Indicator] = a
	}
	evidence := map[int][]Evidence{}
	for _, e := range s.Evidence {
		evidence[e.Indicator] = append(evidence[e.Indicator], e)
	}
	width := folderDigits(c)
	for _, in := range sortedIndicators(c) {
		a := answers[in.Number]
		pi := PortalIndicator{Number: in.Number, Name: in.Name, Justification: a.Justification}
		if in.ValuedBy != nil && in.ValuedBy.Imported {
			pi.External = portalExternal(*in.ValuedBy, a.External)
			pi.Omitted = len(evidence[in.Number])
		} else {
			pi.Folder = fmt.Sprintf("I%0*d", width, in.Number)
			if a.Answered() {
				pi.Level, pi.LevelName = a.Level, c.LevelName(in, a.Level)
			}
			pi.Files = portalFiles(pi.Folder, in, evidence[in.Number])
			pi.Items = portalItems(in, pi.Level, pi.Files)
			pi.RangeNote = rangeNote(in, pi.Level)
		}
		p.Indicators = append(p.Indicators, pi)
	}
	return p, nil
}

func portalHeader(pr Profile, periode int, c *Catalog, source string) PortalPackage {
	short := c.LegalBasis.Short
	if short == "" {
		short = c.ID + " " + c.Version
	}
	return PortalPackage{Profile: pr, Periode: periode, CatalogTitle: c.Title, CatalogShort: short,
		Provisional: c.Provisional(), Source: source}
}

func sortedIndicators(c *Catalog) []Indicator {
	ins := slices.Clone(c.Indicators)
	slices.SortFunc(ins, func(a, b Indicator) int { return a.Number - b.Number })
	return ins
}

// folderDigits is the width indicator numbers are zero-padded to, at
// least 2 (I04 … I20; I04 … I47): folders and file names then sort in the
// portal's order in Explorer, whose "natural" sort other tools lack.
func folderDigits(c *Catalog) int {
	n := 2
	for _, in := range c.Indicators {
		n = max(n, len(strconv.Itoa(in.Number)))
	}
	return n
}

// portalExternal is the agency's score converted, or the missing value.
func portalExternal(vb ValuedBy, ext *ExternalScore) *PortalExternal {
	e := &PortalExternal{Agency: vb.Agency, Index: vb.Index}
	if ext == nil || ext.Score == "" {
		e.Value, e.Assumed = vb.MissingValueOf(), true
		return e
	}
	e.Score, e.Year = ext.Score, ext.Year
	r, ok := new(big.Rat).SetString(ext.Score)
	if !ok {
		e.Problem = "skor " + ext.Score + " bukan angka"
		return e
	}
	v, err := Convert(vb, r)
	if err != nil {
		e.Problem = err.Error()
		return e
	}
	e.Value = v
	return e
}

// rangeNote is "rentang IKASANDI (BSSN) untuk level 2: 1,5–2,5" for a
// level tied to a range of an index the assessor checks.
func rangeNote(in Indicator, level int) string {
	if in.ValuedBy == nil || level == 0 {
		return ""
	}
	r := in.Level(level).ScoreRange
	if r == nil {
		return ""
	}
	comma := func(n string) string { return strings.Replace(n, ".", ",", 1) }
	return fmt.Sprintf("rentang %s (%s) untuk level %d: %s–%s — sertakan hasil penilaiannya", in.ValuedBy.Index,
		in.ValuedBy.Agency, level, comma(string(r.Min)), comma(string(r.Max)))
}

// portalEntry is one (file, item) pair before naming.
type portalEntry struct {
	ev    Evidence
	code  string
	level int
	item  int
}

// portalFiles names the indicator's files. A file supporting several
// items appears once per item: the portal takes uploads per item, and an
// officer who uploads folder Ixx in order must find each item's file
// under that item's code, without deciding which item a shared file was
// meant for (it costs only disk space on the stick). A file linked to no
// item is named by its own level with item number 00, I04-L1-00_… (the
// general level 0 gives I04-L0-00_…): it sorts before that level's items,
// no real item is ever 00, and the lembar lists it as "tanpa butir".
func portalFiles(folder string, in Indicator, evs []Evidence) []PortalFile {
	var entries []portalEntry
	seen := map[string]bool{}
	// In evidence order, so that of two copies the first attached is kept.
	evs = slices.Clone(evs)
	slices.SortFunc(evs, func(a, b Evidence) int { return cmp.Compare(a.ID, b.ID) })
	for _, e := range evs {
		for _, t := range entryTargets(in, e) {
			// The same content twice for one item (attached twice, or under
			// two names) is uploaded once.
			key := t.code + "\x00" + strconv.Itoa(t.level) + "\x00" + e.Blob.SHA256
			if seen[key] {
				continue
			}
			seen[key] = true
			entries = append(entries, t)
		}
	}
	slices.SortStableFunc(entries, func(a, b portalEntry) int {
		if a.level != b.level {
			return a.level - b.level
		}
		if a.item != b.item {
			return a.item - b.item
		}
		return cmp.Compare(a.ev.ID, b.ev.ID)
	})
	taken := map[string]bool{}
	files := make([]PortalFile, 0, len(entries))
	for _, t := range entries {
		name := uniqueName(portalFileName(folder, t), taken)
		files = append(files, PortalFile{Name: name, Item: t.code, Level: t.level, SHA256: t.ev.Blob.SHA256,
			Size: t.ev.Blob.Size, EvidenceID: t.ev.ID, OriginalName: t.ev.OriginalName})
	}
	return files
}

// entryTargets are the items a file is named by: the items it supports
// (FileItems: its item codes of this indicator, and the synthetic item
// I4-L3-00 of its level when that level has no catalog items), or its own
// level when it supports none. A code of another indicator or not in the
// portal's form names nothing.
func entryTargets(in Indicator, e Evidence) []portalEntry {
	var out []portalEntry
	for _, code := range FileItems(in, e.Level, e.Items) {
		n, l, item, ok := ParseItemRef(code)
		if ok && n == in.Number {
			out = append(out, portalEntry{ev: e, code: code, level: l, item: item})
		}
	}
	if len(out) == 0 {
		out = append(out, portalEntry{ev: e, level: min(max(e.Level, 0), 5), item: noItem})
	}
	return out
}

// portalFileName is "I04-L1-02_<nama>": the folder's zero-padded number,
// the level and the item number, then the original name made valid
// UTF-8 and safe for Windows (LocalFileName) and shortened to maxNameRunes, keeping its
// extension.
func portalFileName(folder string, t portalEntry) string {
	// Broken UTF-8 (a name from an old stick) cannot name a file on
	// Windows, nor go into the lembar's XML.
	orig := LocalFileName(strings.ToValidUTF8(t.ev.OriginalName, "_"), "bukti")
	return fmt.Sprintf("%s-L%d-%02d_%s", folder, t.level, t.item, shorten(orig, maxNameRunes))
}

// shorten cuts name's stem so that the whole has at most n runes and
// maxNameBytes bytes; the extension (up to 10 characters) is kept.
func shorten(name string, n int) string {
	if utf8.RuneCountInString(name) <= n && len(name) <= maxNameBytes {
		return name
	}
	ext := path.Ext(name)
	if utf8.RuneCountInString(ext) > 10 {
		ext = ""
	}
	stem := []rune(strings.TrimSuffix(name, ext))
	stem = stem[:max(1, min(len(stem), n-utf8.RuneCountInString(ext)))]
	for len(stem) > 1 && len(string(stem))+len(ext) > maxNameBytes {
		stem = stem[:len(stem)-1]
	}
	return strings.TrimRight(string(stem), ". ") + ext
}

// uniqueName returns name, or name_2.ext, name_3.ext …: the first not
// taken yet in the folder, compared without case (Windows and macOS see
// "SK.pdf" and "sk.pdf" as one file). Files come in a fixed order, so
// the same snapshot always gives the same names.
func uniqueName(name string, taken map[string]bool) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	out := name
	for i := 2; taken[strings.ToLower(out)]; i++ {
		out = stem + "_" + strconv.Itoa(i) + ext
	}
	taken[strings.ToLower(out)] = true
	return out
}

// portalItems lists the catalog's items of levels 1..shown with the
// files naming them, and after them codes that files name but the
// catalog lacks. shown is the level claimed, raised to the highest level
// a file is linked to, and at least 1: an officer sees what level 1
// needs before choosing, and what a file claims beyond the chosen level.
func portalItems(in Indicator, level int, files []PortalFile) []PortalItem {
	shown := max(level, 1)
	byCode := map[string][]string{}
	for _, f := range files {
		if f.Item != "" {
			byCode[f.Item] = append(byCode[f.Item], f.Name)
			shown = max(shown, f.Level)
		}
	}
	var items []PortalItem
	known := map[string]bool{}
	for l := 1; l <= min(shown, 5); l++ {
		for _, it := range LevelItems(in, l) {
			known[it.Code] = true
			text := ""
			if !it.Missing() {
				text = it.Text.Text
			}
			items = append(items, PortalItem{Code: it.Code, Level: l, Text: text, Files: byCode[it.Code]})
		}
	}
	for _, f := range files {
		if f.Item != "" && !known[f.Item] {
			known[f.Item] = true
			items = append(items, PortalItem{Code: f.Item, Level: f.Level, Files: byCode[f.Item], Unknown: true})
		}
	}
	return items
}

// Unlinked are the files of the indicator named by no item (…-00_).
func (pi PortalIndicator) Unlinked() []PortalFile {
	var out []PortalFile
	for _, f := range pi.Files {
		if f.Item == "" {
			out = append(out, f)
		}
	}
	return out
}

// LevelText is the claimed level as the lembar prints it ("2 — Membangun",
// the value and the level for a consolidation, the agency's value for an
// externally valued indicator, "belum dipilih").
func (pi PortalIndicator) LevelText() string {
	switch {
	case pi.External != nil:
		return "dinilai " + pi.External.Agency + ": " + pi.External.ValueText()
	case pi.Value != "":
		v := strings.Replace(pi.Value, ".", ",", 1)
		if pi.Level > 0 {
			return v + " (level " + strconv.Itoa(pi.Level) + " — " + pi.LevelName + ")"
		}
		return v
	case pi.Level == 0:
		return "belum dipilih"
	case pi.LevelName == "":
		return strconv.Itoa(pi.Level)
	}
	return strconv.Itoa(pi.Level) + " — " + pi.LevelName
}

// PortalLine is one line of an indicator's item list on the lembar.
type PortalLine struct {
	Text string
	// Attention: an item without a file (belum) or a file without an item:
	// printed in red.
	Attention bool
	// Detail is the item's wording, printed small below it on the PDF.
	Detail string
}

// ItemLines are the indicator's items as the lembar lists them, one line
// each: "I4-L1-02 ada: I04-L1-02_SK.pdf" or "I4-L1-03 belum", then the
// files without an item and, for an externally valued indicator, why
// nothing is uploaded.
func (pi PortalIndicator) ItemLines() []string {
	var out []string
	for _, l := range pi.Lines() {
		out = append(out, l.Text)
	}
	return out
}

// Lines are ItemLines with what needs the officer's attention marked.
func (pi PortalIndicator) Lines() []PortalLine {
	if pi.External != nil {
		lines := []PortalLine{{Text: "skor " + pi.External.Index + ": " + pi.External.ScoreText()},
			{Text: "tidak ada bukti yang diunggah: nilai dari indeks instansi lain"}}
		if pi.Omitted > 0 {
			lines = append(lines, PortalLine{Text: fmt.Sprintf("%d berkas bukti di aplikasi tidak disertakan", pi.Omitted)})
		}
		return lines
	}
	var lines []PortalLine
	for _, it := range pi.Items {
		line := it.Code + " " + it.State()
		if it.Unknown {
			line += " (butir tidak ada di katalog)"
		}
		if it.Present() {
			line += ": " + strings.Join(it.Files, ", ")
		}
		lines = append(lines, PortalLine{Text: line, Attention: !it.Present(), Detail: it.Text})
	}
	for _, f := range pi.Unlinked() {
		lines = append(lines, PortalLine{Text: "tanpa butir: " + f.Name + " — pilih butirnya sendiri di portal", Attention: true})
	}
	if len(lines) == 0 {
		lines = append(lines, PortalLine{Text: "katalog tidak memuat butir untuk level ini"})
	}
	if pi.RangeNote != "" {
		lines = append(lines, PortalLine{Text: pi.RangeNote})
	}
	return lines
}

// FileCount is the number of files the package copies.
func (p PortalPackage) FileCount() int {
	n := 0
	for _, pi := range p.Indicators {
		n += len(pi.Files)
	}
	return n
}

// ByteCount is the bytes the package copies.
func (p PortalPackage) ByteCount() int64 {
	var n int64
	for _, pi := range p.Indicators {
		for _, f := range pi.Files {
			n += f.Size
		}
	}
	return n
}

// MissingItems are the codes of the items listed without a file (belum),
// in the portal's order.
func (p PortalPackage) MissingItems() []string {
	var out []string
	for _, pi := range p.Indicators {
		for _, it := range pi.Items {
			if !it.Present() {
				out = append(out, it.Code)
			}
		}
	}
	return out
}

// UnlinkedCount is the number of files named without an item (…-00_).
func (p PortalPackage) UnlinkedCount() int {
	n := 0
	for _, pi := range p.Indicators {
		n += len(pi.Unlinked())
	}
	return n
}

// FolderCount is the number of indicator folders.
func (p PortalPackage) FolderCount() int {
	n := 0
	for _, pi := range p.Indicators {
		if pi.Folder != "" && len(pi.Files) > 0 {
			n++
		}
	}
	return n
}

// FolderText is the indicator's folder as the lembar shows it; only an
// indicator with files gets a folder in the package.
func (pi PortalIndicator) FolderText() string {
	switch {
	case pi.External != nil:
		return "— (tanpa unggah bukti)"
	case len(pi.Files) == 0:
		return "— (belum ada berkas)"
	}
	return pi.Folder
}
