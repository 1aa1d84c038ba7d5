package assessment

// SheetView names the view an Excel workbook holds.
type SheetView string

// The views written as workbooks.
const (
	SheetRecap         SheetView = "recap"
	SheetConsolidation SheetView = "consolidation"
	SheetReview        SheetView = "review"
)

// SheetRequest asks for one view as an Excel workbook
// (`recap`, `consolidate show`, `review show` with `--xlsx`).
type SheetRequest struct {
	View     SheetView
	Periode  int    // SheetConsolidation
	BundleID string // SheetReview: id or a unique prefix
	Out      string // the .xlsx file to write
	Force    bool   // --force: replace an existing file (never in a data folder)
}

// ConsolidatedPDFRequest asks for the signed consolidated report of one
// periode (asesorport.Workspace.ConsolidatedPDF, `consolidate --pdf`).
type ConsolidatedPDFRequest struct {
	Periode int
	Out     string // the PDF file to write
	Force   bool   // --force: replace an existing file (never one in the data folder)
	// Passphrase reads the passphrase that unlocks the assessor's key in
	// <data>/asesor/keys. It is called only after the key is known to
	// exist, so nobody is asked for the passphrase of a key that is not
	// there.
	Passphrase func() ([]byte, error)
}
