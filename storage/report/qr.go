package report

import (
	"rsc.io/qr"
)

// drawQR draws text as a QR code (error correction M) of the given width
// at (x, y), as filled vector rectangles: one per horizontal run of dark
// modules, so the output is exact at any zoom and reproducible. The caller
// keeps a quiet zone of four modules free around it.
func drawQR(d *doc, text string, x, y, size float64) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		d.pdf.SetError(err)
		return
	}
	m := size / float64(code.Size)
	d.fill(rgb{0, 0, 0})
	for row := 0; row < code.Size; row++ {
		for col := 0; col < code.Size; {
			if !code.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < code.Size && code.Black(col, row) {
				col++
			}
			d.pdf.Rect(x+float64(start)*m, y+float64(row)*m, float64(col-start)*m, m, "F")
		}
	}
}
