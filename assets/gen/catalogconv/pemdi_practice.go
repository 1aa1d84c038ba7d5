package catalogconv

// How the Pemdi 2026 evaluation runs in practice, from the sources that
// ../shared/reference/pemdi-2026-practice.md names (P1–P8). The reference
// JSON has none of this, so it is transcribed here, verbatim where a
// source has wording, each text with its provenance; nothing is invented:
// an item whose code was seen on the portal but whose wording no source
// gives is "missing".

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Provenance references of the practice data.
const (
	refP1 = "Transkrip dek asesor eksternal KemenPANRB, 21 Sep 2026 (Niumination/PemdiAcehTengah data/evaluasi-asesor-2026.json @426abdda)"
	refP2 = "Kode butir di eval.spbe.go.id, penilaian tahap 1 (Niumination/PemdiAcehTengah scripts/apply-eval-tahap1.py)"
	refP4 = "Modul Indikator KemenPANRB, ekstraksi pihak ketiga berkeandalan rendah (Niumination/PemdiAcehTengah data/modul-indikator.json @08eeb8f8)"
	refP5 = "Modul Indikator KemenPANRB, ekstraksi NotebookLM pihak ketiga (Niumination/PemdiAcehTengah data/kebutuhan-bukti-dukung.json @102eb448), butir "
	refP8 = "Parafrase portal evaluasi Pemkab Minahasa Selatan (pemdiminsel-sys/portal-evaluasi-pemdi-v2 @ad7c13cb)"

	missingItemText = "Kode butir terlihat di eval.spbe.go.id (penilaian tahap 1); nama butir tidak tersedia dalam sumber"
)

// pemdiLevelDigest are the level descriptions of the digest of
// PermenPANRB 8/2026, Tabel 4 (P7 `tingkatKematangan`), verbatim.
var pemdiLevelDigest = map[int]string{
	1: "Implementasi Pemdi berada pada fase minimal dan/atau ad-hoc. Instansi masih menyusun perencanaan strategis yang terstruktur; pelaksanaan menyesuaikan kebutuhan organisasi.",
	2: "Pelaksanaan Pemdi sudah terencana melalui Rencana Aksi Pemdi, namun belum menyeluruh. Digitalisasi meningkatkan efisiensi di beberapa area, tetapi dampak ke layanan publik masih terbatas dan belum merata.",
	3: "Pemdi dilaksanakan sistematis dan menyeluruh di setiap unit kerja dengan SOP baku. Integrasi sistem & data antar unit mulai diinisiasi sehingga alur kerja lebih lancar dan efisien.",
	4: "Implementasi menyeluruh dengan reviu berkala. Terdapat kolaborasi & interoperabilitas internal maupun antarinstansi; data dikelola sebagai aset strategis dan berkontribusi pada program prioritas nasional.",
	5: "Instansi proaktif & berkelanjutan melakukan tindak lanjut perbaikan, diperkuat komitmen pimpinan terhadap inovasi. Layanan publik bersifat personal, humanis, dan prediktif dengan partisipasi pemangku kepentingan.",
}

// pemdiStatusPractice extends the catalog's status_note with what the
// practice sources say about names, predicates and the headline.
const pemdiStatusPractice = "Deskripsi umum tingkat adalah parafrase ringkasan PermenPANRB 8/2026 (Tabel 4), menggantikan teks konsep 2025. " +
	"Konflik batas predikat: ringkasan Tabel 4 memakai Kurang 1,00–<1,50, Cukup 1,50–<2,50, Baik 2,50–<3,50, Sangat Baik 3,50–<4,00, " +
	"Memuaskan 4,00–5,00 (dipakai katalog ini); portal Pemkab Minahasa Selatan menulis 1,00–1,50 / 1,51–2,50 / 2,51–3,50 / 3,51–4,00 / " +
	"4,01–5,00, sehingga batas atas inklusif (1,50 menjadi Kurang). Naskah resmi belum terlihat. " +
	"Dek asesor KemenPANRB memberi nama nilai dengan nama tingkat SPBE menurut bilangan bulat di bawahnya (1,5 \"Rintisan\", 2,0 dan 2,5 " +
	"\"Terkelola\"; skala \"1,00 (Rintisan) s.d. 5,00 (Optimum)\"); katalog ini memakai nama Merintis … Unggul. " +
	"Butir bukti dukung I{indikator}-L{tingkat}-{NN} memuat kode yang terlihat di eval.spbe.go.id dan nama butir dari ekstraksi Modul " +
	"bila ada; daftar butir belum lengkap. Indikator 5, 6, 7 dan 18 dinilai dari indeks instansi lain (nilai 1 bila tidak ada); " +
	"indeks sementara utama menghitung indikator tanpa nilai sebagai 1, seperti yang diterbitkan KemenPANRB. "

// pemdiItem is one known evidence item: its code and, when a source gives
// it, the Modul wording with the P5 item id.
type pemdiItem struct {
	code, text, p5 string
}

// pemdiItems are the evidence items known from the portal (P2 codes) and
// the Modul extraction (P5 `bukti_terkait` names, GT.I{n}_L{l}_{k} = item
// I{n}-L{l}-0{k}), verbatim.
var pemdiItems = []pemdiItem{
	{"I1-L1-01", "Rancangan dokumen perencanaan Instansi Pemerintah yang berisi substansi Rencana Aksi Nasional Pemerintah Digital pada perencanaan Instansi Pemerintah dalam tahap penyusunan.", "GT.I1_L1_1"},
	{"I1-L2-01", "", ""},
	{"I1-L2-02", "Pengisian Arsitektur Pemerintah Digital pada sebagian Layanan Digital Pemerintah melalui SIAP Digital.", "GT.I1_L2_2"},
	{"I1-L2-03", "", ""},
	{"I2-L1-01", "", ""},
	{"I2-L1-02", "Bukti Pelaksanaan Manajemen pada Layanan Digital Pemerintah sesuai dengan kebutuhan internal.", "GT.I2_L1_2"},
	{"I2-L2-01", "Bukti Pelaksanaan Manajemen pada sebagian Layanan Digital Pemerintah.", "GT.I2_L2_1"},
	{"I3-L1-01", "Peta Kompetensi untuk pelaksanaan Pemerintah Digital.", "GT.I3_L1_1"},
	{"I3-L1-02", "", ""},
	{"I3-L1-03", "Dokumentasi pelaksanaan komunitas belajar.", "GT.I3_L1_3"},
	{"I3-L2-02", "Laporan peningkatan kompetensi digital.", "GT.I3_L2_2"},
	{"I3-L2-04", "Laporan penggunaan pembelajaran digital nasional.", "GT.I3_L2_4"},
	{"I4-L1-01", "Penetapan Tim Koordinasi Pemerintah Digital Instansi Pemerintah.", "GT.I4_L1_1"},
	{"I4-L1-02", "", ""},
	{"I4-L1-03", "", ""},
	{"I4-L2-01", "Substansi Rencana Aksi Nasional Pemerintah Digital pada perencanaan Instansi Pemerintah dengan rincian rencana kolaborasi antar Instansi Pemerintah dalam menerapkan Pemerintah Digital.", "GT.I4_L2_1"},
	{"I4-L2-02", "", ""},
	{"I8-L1-01", "", ""},
	{"I8-L2-03", "Dokumen penunjukkan Pejabat/Petugas PDP (DPO) (SK penunjukan, surat tugas, atau SOTK).", "GT.I8_L2_3"},
	{"I9-L1-01", "Penetapan Tim Audit yang ditetapkan oleh Koordinator Pemerintah Digital di setiap IPPD.", "GT.I9_L1_1"},
	{"I9-L1-02", "Dokumen Perencanaan Audit IPPD.", "GT.I9_L1_2"},
	{"I9-L2-01", "Laporan Hasil Audit Internal Keamanan Pemerintah Digital dan Teknologi Pemerintah Digital Internal.", "GT.I9_L2_1"},
	{"I10-L1-01", "1. Nilai IKASANDI pada area Keamanan Siber. 0 < IKASANDI < 1,5.", "GT.I10_L1_1"},
	{"I10-L2-01", "Dokumentasi Identifikasi Infrastruktur Informasi Vital*. (* Dokumentasi Identifikasi IIV dapat berupa surat dari Instansi Pemerintah ke BSSN terkait pelaksanaan identifikasi IIV, laporan hasil identifikasi mandiri, atau laporan hasil pelaksanaan verifikasi).", "GT.I10_L2_1"},
	{"I10-L2-02", "Nilai IKASANDI pada area Keamanan Siber. 1,50 < IKASANDI < 2,50.", "GT.I10_L2_2"},
	{"I11-L1-01", "", ""},
	{"I12-L1-01", "Dokumentasi pelaksanaan penanganan insiden.", "GT.I12_L1_1"},
	{"I12-L1-02", "", ""},
	{"I12-L2-01", "Penetapan TTIS.", "GT.I12_L2_1"},
	{"I12-L2-02", "Nilai IKASANDI pada area Penanganan Insiden Siber. 1,50 < IKASANDI < 2,50.", "GT.I12_L2_2"},
	{"I13-L1-01", "Bukti Pelaksanaan Pengembangan Aplikasi**, yang mencakup: Dokumentasi siklus pengembangan aplikasi (formal & terdokumentasi), Bukti konsultasi dengan unit pengelola TIK, Notulensi pembahasan antara unit pengusul dan pengelola TIK, Bukti koordinasi dan kesepakatan pengembangan aplikasi.", "GT.I13_L1_1"},
	{"I13-L1-02", "", ""},
	{"I13-L2-01", "", ""},
	{"I13-L2-02", "", ""},
	{"I13-L2-03", "Laporan hasil reviu Unit Pengelola Layanan Digital**, berupa Laporan Reviu yang sudah tertera pada Risalah Rapat disertakan dokumentasi dan bukti hadir.", "GT.I13_L2_3"},
	{"I13-L3-01", "", ""},
	{"I14-L1-01", "", ""},
	{"I14-L1-02", "", ""},
	{"I14-L1-03", "Screenshot Topologi Jaringan Intra IPPD atau Pusat Data yang digunakan dengan terhubung ke ekosistem Pemdi dengan Jaringan Intra Pemerintah.", "GT.I14_L1_3"},
	{"I14-L2-01", "Laporan pemanfaatan Infrastruktur Pemerintah digital pada sebagian Layanan Digital IPPD.", "GT.I14_L2_1"},
	{"I15-L1-01", "Proses Bisnis Pemerintah Digital untuk mendukung Layanan Digital pada Arsitektur Pemerintah Digital dari SIAP Digital.", "GT.I15_L1_1"},
	{"I15-L2-02", "Proses bisnis to-be yang mendukung keterpaduan Layanan Digital Pemerintah.", "GT.I15_L2_2"},
	{"I16-L1-01", "", ""},
	{"I16-L2-02", "Laporan pelaksanaan integrasi aplikasi pada sebagian layanan yang berisikan uraian pelaksanaan dan matriks pemantauan Integrasi Aplikasi.", "GT.I16_L2_2"},
	{"I17-L1-01", "", ""},
	{"I17-L1-02", "", ""},
	{"I17-L2-01", "", ""},
	{"I17-L2-02", "Portal Layanan Digital Pemerintah pada Instansi Pemerintah pada sebagian Layanan Digital Pemerintah berbasis siklus hidup.", "GT.I17_L2_2"},
	{"I19-L1-01", "Dokumen Service Level Agreement (SLA) Layanan Digital.", "GT.I19_L1_1"},
	{"I19-L1-02", "", ""},
	{"I20-L1-01", "", ""},
	{"I20-L1-02", "", ""},
	{"I20-L1-03", "", ""},
	{"I20-L1-04", "", ""},
}

// Conversion bands, [from, to, value_from, value_to].
var (
	// SDI (Bappenas), Modul I5 (P4): ≤12,5 → 1–1,5; 12,5–37,5 → 1,5–2,5;
	// 37,5–62,5 → 2,5–3,5; 62,5–75 → 3,5–4; 75–100 → 4–5. Its worked
	// examples SDI 25 → 2,00 and 68,75 → 3,75 reproduce with this map.
	sdiBands = [][4]string{{"0", "12.5", "1", "1.5"}, {"12.5", "37.5", "1.5", "2.5"}, {"37.5", "62.5", "2.5", "3.5"}, {"62.5", "75", "3.5", "4"}, {"75", "100", "4", "5"}}
	// SJIG (BIG) is already on the 1–5 scale.
	sjigBands = [][4]string{{"1", "5", "1", "5"}}
)

const (
	assumedOne = "Dek asesor KemenPANRB: \"N/A — Indikator dinilai dari indeks eksternal/nasional\", dengan aturan \"Asumsi nilai dari indikator yang menggunakan indeks lain = 1\"."
	sdiNote    = assumedOne + " Konversi Modul I5: skor SDI ≤12,5 → 1–1,5; 12,5–37,5 → 1,5–2,5; 37,5–62,5 → 2,5–3,5; 62,5–75 → 3,5–4,0; 75–100 → 4,0–5,0 (linear di dalam tiap pita; contoh Modul: SDI 25 → 2,00, SDI 68,75 → 3,75; \"Nilai konversi ini secara otomatis akan masuk ke dalam sistem tauval\")."
	ikasandi   = "Modul I10–I12: tiap tingkat sesuai rentang nilai IKASANDI (BSSN): tingkat 1 0–1,5; tingkat 2 1,5–2,5; tingkat 3 2,5–3,5; tingkat 4 3,5–4,0; tingkat 5 4,0–5,0. Bukan impor otomatis: asesor memeriksanya sebagai bukti (catatan asesor pada I10-L1-01: \"semestinya adalah hasil penilaian IKASANDI yang dilaksanakan maksimal 1 tahun terakhir\")."
)

// ikasandiRanges are the IKASANDI ranges of levels 1–5 (P4, P5).
var ikasandiRanges = [][2]string{{"0", "1.5"}, {"1.5", "2.5"}, {"2.5", "3.5"}, {"3.5", "4"}, {"4", "5"}}

// pemdiValuedBy are the indicators valued by another agency's index.
func pemdiValuedBy() map[int]*assessment.ValuedBy {
	sec := func(s, ref string) assessment.Text {
		return assessment.Text{Text: s, Source: assessment.FromSecondary, Ref: ref}
	}
	sdi := func() *assessment.ValuedBy {
		return &assessment.ValuedBy{Agency: "Bappenas", Index: "Indeks Satu Data Indonesia (SDI)", Imported: true,
			ScaleMin: "0", ScaleMax: "100", Conversion: bands(sdiBands), MissingValue: "1", Note: sec(sdiNote, refP1+"; "+refP4)}
	}
	ika := func() *assessment.ValuedBy {
		return &assessment.ValuedBy{Agency: "BSSN", Index: "IKASANDI", ScaleMin: "0", ScaleMax: "5", Note: sec(ikasandi, refP4+"; "+refP2)}
	}
	return map[int]*assessment.ValuedBy{
		5: sdi(),
		6: {Agency: "BIG", Index: "Indeks SJIG (Simpul Jaringan Informasi Geospasial)", Imported: true, ScaleMin: "1", ScaleMax: "5",
			Conversion: bands(sjigBands), MissingValue: "1",
			Note: sec(assumedOne+" Skor SJIG sudah berskala 1–5 dan dipakai langsung.", refP1+"; "+refP4)},
		// The sources give the IPS bands but neither the bottom of its scale
		// nor the map onto the indicator value: no scale, no conversion.
		7: {Agency: "BPS", Index: "Indeks Pembangunan Statistik (IPS, hasil EPSS)", Imported: true, MissingValue: "1",
			Note: sec(assumedOne+" Pita IPS menurut Modul: <1,8 / 1,8–2,6 / 2,6–3,5 / 3,5–4,2 / 4,2–5,0. Cara mengonversi skor IPS ke nilai indikator "+
				"tidak tercantum dalam sumber, jadi katalog ini tidak menghitungnya.", refP1+"; "+refP4)},
		10: ika(),
		11: ika(),
		12: ika(),
		18: sdi(),
	}
}

func bands(b [][4]string) []assessment.ConversionBand {
	out := make([]assessment.ConversionBand, len(b))
	for i, x := range b {
		out[i] = assessment.ConversionBand{From: json.Number(x[0]), To: json.Number(x[1]), ValueFrom: json.Number(x[2]), ValueTo: json.Number(x[3])}
	}
	return out
}

// pemdiDeckNames are the names the official assessor deck (P1) and the
// Modul (P4) use where they differ from the catalog's, appended to the
// guidance so an officer recognises the indicator on eval.spbe.go.id.
var pemdiDeckNames = map[int]string{
	6:  "Nama pada dek asesor KemenPANRB (eval.spbe.go.id): \"Operasional Pemanfaatan Informasi Geospasial\"; judul Modul: \"Tingkat Kematangan Penyelenggaraan Informasi Geospasial (Indeks SJIG)\".",
	15: "Nama pada dek asesor KemenPANRB (eval.spbe.go.id): \"Keterpaduan Proses Bisnis Lintas Sektor\"; judul Modul: \"Tingkat Kematangan Keterpaduan Proses Bisnis Lintas Sektor\".",
	20: "Nama pada dek asesor KemenPANRB (eval.spbe.go.id): \"Kepuasan Pengguna Layanan Digital Pemerintah\" (portal Pemkab Minahasa Selatan: \"Tingkat Kepuasan…\").",
}

// pemdiNotes are the known conflicts between sources, per indicator.
var pemdiNotes = map[int][]assessment.Text{
	9: {{Text: "Konflik urutan tingkat (belum terselesaikan): ekstraksi Modul menaruh \"Audit Eksternal … untuk layanan digital prioritas … telah dilaksanakan\" di tingkat 3 " +
		"dan \"Tindak Lanjut atas hasil Audit Eksternal\" di tingkat 4; kriteria katalog ini (parafrase) menaruh audit internal dengan tindak lanjutnya di tingkat 3, " +
		"audit eksternal di tingkat 4 dan tindak lanjut di tingkat 5. Periksa naskah resmi sebelum mengklaim tingkat 3 atau 4.",
		Source: assessment.FromSecondary, Ref: refP4 + "; " + refP8}},
	11: {{Text: "Konflik urutan tingkat (belum terselesaikan): ekstraksi Modul menulis tingkat 3 \"…seluruh Layanan Digital prioritas … di 2 siklus data; telah dilakukan evaluasi\" " +
		"dan tingkat 4 \"tindak lanjut hasil evaluasi\"; kriteria katalog ini (parafrase) menulis tingkat 3 \"sebagian Layanan di 2 siklus data\" dan tingkat 4 " +
		"\"seluruh layanan prioritas di 2 siklus data\" — pergeseran satu tingkat yang sama seperti indikator 9.",
		Source: assessment.FromSecondary, Ref: refP4 + "; " + refP8}},
	20: {{Text: "Kriteria tingkat 1 katalog ini (parafrase) tidak lengkap: Modul dan bimtek menyebut survei yang menyasar minimal 1 kelompok rentan (disabilitas, lansia, atau perempuan) " +
		"yang telah ditindaklanjuti; catatan asesor I20: \"Belum ada bukti pelaksanaan survei terhadap kelompok rentan dan laporan tindak lanjut\".",
		Source: assessment.FromSecondary, Ref: refP4 + "; " + refP1}},
}

// applyPemdiPractice adds the items, valued-by blocks, IKASANDI ranges,
// deck names and notes to the converted Pemdi catalog.
func applyPemdiPractice(c *assessment.Catalog) error {
	byNumber := map[int]*assessment.Indicator{}
	for i := range c.Indicators {
		byNumber[c.Indicators[i].Number] = &c.Indicators[i]
	}
	for _, it := range pemdiItems {
		n, l, _, ok := assessment.ParseItemCode(it.code)
		in := byNumber[n]
		if !ok || in == nil {
			return fmt.Errorf("practice item %s: no such indicator or bad code", it.code)
		}
		t := missing(missingItemText)
		if it.text != "" {
			t = assessment.Text{Text: it.text, Source: assessment.FromSecondary, Ref: refP5 + it.p5}
		}
		k := levelKey(l)
		lt := in.Levels[k]
		lt.Items = append(lt.Items, assessment.EvidenceItem{Code: it.code, Text: t})
		in.Levels[k] = lt
	}
	for n, vb := range pemdiValuedBy() {
		in := byNumber[n]
		in.ValuedBy = vb
		if vb.Index == "IKASANDI" {
			for l, r := range ikasandiRanges {
				k := levelKey(l + 1)
				lt := in.Levels[k]
				lt.ScoreRange = &assessment.ScoreRange{Min: json.Number(r[0]), Max: json.Number(r[1])}
				in.Levels[k] = lt
			}
		}
	}
	for n, name := range pemdiDeckNames {
		g := &byNumber[n].Guidance
		if g.Missing() {
			return fmt.Errorf("indicator %d: no guidance to add the deck name to", n)
		}
		g.Text = strings.TrimSpace(g.Text) + "\n\n" + name
		g.Ref += "; nama dek asesor: " + refP1
	}
	for n, notes := range pemdiNotes {
		byNumber[n].Notes = notes
	}
	return nil
}
