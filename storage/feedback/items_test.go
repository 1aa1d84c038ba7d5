package feedback

import (
	"bytes"
	"crypto/ed25519"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// itemsManifest is feedback with the review per evidence item (format 2).
func itemsManifest() Manifest {
	m := manifest()
	m.Items[0].Computed = "1"
	m.Items[0].Value = "1.25"
	m.Items[0].EvidenceItems = []ItemNote{
		{Code: "I1-L1-01", Status: "diterima"},
		{Code: "I1-L2-01", Status: "revisi", Reason: "bukti tidak tepat", Note: "SK tahun lalu"},
		{Code: "I1-L3-01", Status: "revisi", Reason: "ditolak otomatis", Note: "Otomatis ditolak karena tingkat kematangan sebelumnya ditolak"},
	}
	return m
}

// TestFormatItems: per-item notes make the file format 2 and verify back;
// a file without them stays format 1 (as before), and a format 1 file
// that carries them is refused.
func TestFormatItems(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	pub := priv.Public().(ed25519.PublicKey)
	old, err := Sign(priv, manifest())
	if err != nil {
		t.Fatal(err)
	}
	if m, err := Verify(old, pub); err != nil || m.Format != FormatVersion || bytes.Contains(old, []byte("evidence_items")) {
		t.Fatalf("without items: format %d, %v", m.Format, err)
	}
	data, err := Sign(priv, itemsManifest())
	if err != nil {
		t.Fatal(err)
	}
	m, err := Verify(data, pub)
	if err != nil || m.Format != FormatItems || m.Items[0].Computed != "1" || len(m.Items[0].EvidenceItems) != 3 ||
		m.Items[0].EvidenceItems[1].Note != "SK tahun lalu" || m.Items[0].EvidenceItems[2].Reason != "ditolak otomatis" {
		t.Fatalf("with items: %+v %v", m, err)
	}
	raw := itemsManifest()
	raw.Format = FormatVersion
	raw.Asesor.KeyID, raw.Asesor.Fingerprint = keys.KeyID(pub), keys.Fingerprint(pub)
	if _, err := Verify(signRaw(t, priv, raw), pub); err == nil || !strings.Contains(err.Error(), "format 2") {
		t.Fatalf("format 1 with items: %v", err)
	}
}

func TestItemNotesRefused(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	tests := map[string]func(*Item){
		"another indicator's item": func(it *Item) { it.EvidenceItems[0].Code = "I2-L1-01" },
		"not an item code":         func(it *Item) { it.EvidenceItems[0].Code = "I1-1-01" },
		"twice":                    func(it *Item) { it.EvidenceItems[1].Code = it.EvidenceItems[0].Code },
		"diterima with a reason":   func(it *Item) { it.EvidenceItems[0].Reason = "belum diunggah" },
		"revisi without a reason":  func(it *Item) { it.EvidenceItems[1].Reason = "" },
		"unknown status":           func(it *Item) { it.EvidenceItems[1].Status = "ditolak" },
		"computed not canonical":   func(it *Item) { it.Computed = "1,0" },
	}
	for name, change := range tests {
		m := itemsManifest()
		change(&m.Items[0])
		data, err := Sign(priv, m)
		if err == nil {
			_, err = Verify(data, priv.Public().(ed25519.PublicKey))
		}
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// A note on a synthetic per-level item (I1-L4-00: a level whose official
// items are unknown) travels back to the OPD like any item's.
func TestSyntheticItemNoteVerifies(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	m := itemsManifest()
	m.Items[0].EvidenceItems = append(m.Items[0].EvidenceItems,
		ItemNote{Code: "I1-L4-00", Status: "revisi", Reason: "belum diunggah", Note: "Unggah laporan evaluasi."})
	data, err := Sign(priv, m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Verify(data, priv.Public().(ed25519.PublicKey))
	if err != nil || got.Items[0].EvidenceItems[3].Code != "I1-L4-00" {
		t.Fatalf("synthetic item note: %+v %v", got, err)
	}
}
