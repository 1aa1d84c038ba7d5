// Package tabular writes the recap and the consolidation as CSV and JSON:
// the bytes `recap --csv`, `consolidate show --csv|--json` print and the
// GUI's CSV and JSON exports save (the Excel workbooks are storage/sheet,
// the PDFs storage/report). Standard library only, so the CLI (app/cli)
// and the services in storage call the same encoder. Columns and JSON
// keys are a contract: they are only ever appended.
package tabular
