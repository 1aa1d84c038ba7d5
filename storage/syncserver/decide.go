package syncserver

import (
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
)

// decide is the import policy of the desktop (storage/asesor decide), on
// the server's state: key listed and not revoked, the OPD code bound to
// this key (KUNCI BERBEDA), the sequence high-water mark per key, then
// new / new version / conflict against the accepted bundle of the same
// OPD + periode. Reasons are the desktop's, in Bahasa Indonesia.
//
// TODO(issue 10): replace with the shared pure decision function from
// assessment/ once w-intake's "intake decision:" commits are merged.
func decide(b serverdb.Bundle, s serverdb.State) serverdb.Decision {
	reject := func(code, reason string) serverdb.Decision {
		return serverdb.Decision{Outcome: syncapi.OutcomeRejected, Code: code, Reason: reason}
	}
	switch {
	case s.Key == nil:
		return reject(syncapi.CodeUnknownKey, fmt.Sprintf("kunci %.16s… tidak ada di daftar kunci Tim Asesor: minta Tim Asesor "+
			"mendaftarkan berkas kunci publik OPD %s, lalu kirim lagi", b.KeyID, b.OPDKode))
	case s.Key.Status == "revoked":
		return reject(syncapi.CodeRevokedKey, fmt.Sprintf("kunci %.16s… sudah dicabut; bundel yang ditandatanganinya tidak diterima — "+
			"ekspor dengan kunci baru yang sudah didaftarkan", b.KeyID))
	case s.Key.OPDKode != b.OPDKode || (s.LiveKeyOfOPD != nil && s.LiveKeyOfOPD.KeyID != b.KeyID):
		return reject(syncapi.CodeDifferentKey, fmt.Sprintf("KUNCI BERBEDA: OPD %s terdaftar dengan kunci lain; bundel tidak disimpan", b.OPDKode))
	case b.Sequence <= s.LastSequence:
		return reject(syncapi.CodeSequence, fmt.Sprintf("nomor urut %d tidak lebih besar dari nomor urut tertinggi %d yang sudah "+
			"diterima dengan kunci ini: bundel lama yang diputar ulang, atau kunci dipulihkan dari cadangan lama. "+
			"Ekspor ulang (nomor urutnya akan lebih besar)", b.Sequence, s.LastSequence))
	case s.AcceptedID == "":
		return serverdb.Decision{Outcome: syncapi.OutcomeNew}
	case b.SupersedesID == s.AcceptedID && b.SupersedesSHA == s.AcceptedSHA:
		return serverdb.Decision{Outcome: syncapi.OutcomeNewVersion, Supersedes: s.AcceptedID}
	}
	return serverdb.Decision{Outcome: syncapi.OutcomeConflict, ConflictWith: s.AcceptedID}
}
