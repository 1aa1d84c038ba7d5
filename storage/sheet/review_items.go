package sheet

import "github.com/spbe-mandiri/spbe-mandiri/assessment"

// SheetItems is the review per evidence item in the review workbook.
const SheetItems = "Butir"

// ItemHeaders are the columns of the "Butir" sheet.
var ItemHeaders = []string{"Indikator", "Butir", "Tingkat", "Ditautkan OPD", "Status", "Alasan", "Catatan", "Asesor",
	"Nilai terhitung indikator"}

// itemTable is one row per evidence item judged on the bundle: what it
// counts as after the cascade ("ditolak otomatis" above a rejected
// level), the assessor's reason and note, and the value the indicator's
// items compute; nil when no indicator has items.
func itemTable(items []assessment.ReviewItem) *table {
	t := table{name: SheetItems, headers: ItemHeaders, keyCol: true}
	for _, it := range items {
		for _, x := range it.Items {
			status, reason, note := x.Status, x.Reason, x.Note
			switch {
			case x.AutoRejected:
				status, reason, note = assessment.ReasonAutoRejected, "", assessment.ReasonAutoRejectedText
			case status == "":
				status = "belum ditelaah"
			}
			t.rows = append(t.rows, []cell{integer(it.Indicator), text(x.Code), level(x.Level), yesNo(x.Linked),
				text(status), text(reason), text(note), text(x.Reviewer), decimal(it.Computed)})
		}
	}
	if len(t.rows) == 0 {
		return nil
	}
	return &t
}
