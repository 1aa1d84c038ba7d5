package storage

import (
	"mime"
	"net/http"
	"path/filepath"
	"strings"
)

// knownTypes fixes the media types of formats OPDs commonly upload, where
// content sniffing only sees "a zip" or "text" and the OS MIME table may
// be missing (Windows without Office) or differ between machines.
var knownTypes = map[string]string{
	".pdf":  "application/pdf",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".doc":  "application/msword",
	".xls":  "application/vnd.ms-excel",
	".ppt":  "application/vnd.ms-powerpoint",
	".odt":  "application/vnd.oasis.opendocument.text",
	".ods":  "application/vnd.oasis.opendocument.spreadsheet",
	".csv":  "text/csv; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".json": "application/json",
	".mp4":  "video/mp4",
	".mov":  "video/quicktime",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".png":  "image/png",
	".zip":  "application/zip",
}

// sniffMediaType trusts the content for specific types (PDF, images,
// video…) and the extension where the content is generic: a .docx sniffs
// as application/zip, a .csv as text/plain.
func sniffMediaType(head []byte, name string) string {
	sniffed := http.DetectContentType(head)
	ext := strings.ToLower(filepath.Ext(name))
	byExt := knownTypes[ext]
	if byExt == "" && ext != "" {
		byExt = mime.TypeByExtension(ext)
	}
	if byExt != "" && isGeneric(sniffed) {
		return byExt
	}
	return sniffed
}

func isGeneric(t string) bool {
	base, _, _ := strings.Cut(t, ";")
	switch base {
	case "application/octet-stream", "text/plain", "application/zip", "application/x-gzip", "text/xml":
		return true
	}
	return false
}
