package tabular

import (
	"encoding/csv"
	"io"
	"regexp"
)

// csvWriter is the one way this program writes CSV (recap, consolidation,
// their GUI exports): every cell goes through csvCell first.
type csvWriter struct{ *csv.Writer }

func newCSVWriter(out io.Writer) csvWriter { return csvWriter{csv.NewWriter(out)} }

// Write neutralises every cell, then writes the record.
func (w csvWriter) Write(record []string) error {
	safe := make([]string, len(record))
	for i, c := range record {
		safe[i] = csvCell(c)
	}
	return w.Writer.Write(safe)
}

// csvNumber is a cell a spreadsheet must keep reading as a number.
var csvNumber = regexp.MustCompile(`^[+-]?[0-9]+([.,][0-9]+)?$`)

// csvCell applies OWASP's rule against CSV injection: a cell that starts
// with = + - @, a tab or a carriage return could be run as a formula by
// a spreadsheet (=HYPERLINK(…), =cmd|…), so it gets a leading single quote
// and is shown as text. Plain numbers (-1, +2,5) are left alone so
// numeric columns stay numeric; the columns that carry text from a
// bundle (kode, nama, instansi, predikat, catatan, penanggung jawab …)
// are the ones this ever changes.
func csvCell(s string) string {
	if s == "" || csvNumber.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
