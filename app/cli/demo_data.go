package cli

import "github.com/spbe-mandiri/spbe-mandiri/assessment"

// The sample data of `spbe-mandiri demo`. Everything here is FICTIONAL:
// the regulations, numbers, dates, applications and people are invented
// to look like what a Diskominfo of a kabupaten would enter, so that a
// newcomer sees a populated app. Only the names of national laws and
// national platforms (Perpres 132/2022, SP4N-LAPOR!, SRIKANDI, SIPD, SPSE,
// JDIHN, Indeks KAMI) are real.

// demoProfile is the sample installation.
var demoProfile = assessment.Profile{
	Instansi: "Pemerintah Kabupaten Sigi",
	OPDKode:  "DISKOMINFO",
	OPDNama:  "Dinas Komunikasi, Informatika, Statistik dan Persandian",
	Operator: "Rahmat Hidayat",
}

// demoAssessment is one sample assessment: the catalog it is made on, its
// periode and its answers.
type demoAssessment struct {
	Catalog string
	Periode int
	Answers []demoAnswer
}

// demoAnswer is one answered indicator. Its justification is written
// FAKTA → ANALISIS → JUSTIFIKASI LEVEL; the level's name is taken from
// the catalog. Every document in Docs is cited by file name in Facts.
type demoAnswer struct {
	Indicator int
	Level     int
	Facts     []string
	Analysis  []string
	Because   string // completes "Level N (Nama) karena …"
	Docs      []demoDoc
}

// demoDoc is one generated PDF evidence file.
type demoDoc struct {
	File  string // the evidence file name shown in the app
	Level int    // the level it supports; 0 = general
	Title string
	Lines []string // body paragraphs
}

var demoAssessments = []demoAssessment{
	{Catalog: "spbe-2020", Periode: 2025, Answers: demoSPBE},
	{Catalog: "pemdi-2026", Periode: 2026, Answers: demoPemdi},
}

// demoSPBE: 24 of the 47 SPBE 2020 indicators, in every domain and aspect.
var demoSPBE = []demoAnswer{
	{
		Indicator: 1, Level: 3,
		Facts: []string{
			"Peraturan Bupati Sigi Nomor 12 Tahun 2023 tentang Arsitektur SPBE, ditetapkan di Bora 14 Juni 2023 dan diundangkan dalam Berita Daerah Kabupaten Sigi Tahun 2023 Nomor 12 (berkas Indikator1-Perbup-Arsitektur-SPBE.pdf).",
			"Pasal 4 sampai Pasal 11 mengatur referensi arsitektur dan enam domain: proses bisnis, data dan informasi, layanan, aplikasi, infrastruktur, dan keamanan SPBE (hlm. 3-6).",
		},
		Analysis: []string{
			"Kebijakan telah ditetapkan dan memuat secara lengkap pengaturan referensi dan domain Arsitektur SPBE, sesuai kriteria tingkat 3.",
			"Belum ada pasal yang mengatur integrasi SPBE antar instansi dengan berpedoman pada Arsitektur SPBE Nasional (Perpres 132/2022), sehingga kriteria tingkat 4 belum terpenuhi.",
		},
		Because: "kebijakan sudah ditetapkan dan memuat seluruh domain Arsitektur SPBE, tetapi belum mengatur integrasi SPBE antar instansi.",
		Docs: []demoDoc{{
			File: "Indikator1-Perbup-Arsitektur-SPBE.pdf", Level: 3,
			Title: "Peraturan Bupati Sigi Nomor 12 Tahun 2023 tentang Arsitektur Sistem Pemerintahan Berbasis Elektronik",
			Lines: []string{
				"Menimbang: bahwa untuk mewujudkan keterpaduan penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di lingkungan Pemerintah Kabupaten Sigi diperlukan Arsitektur SPBE sebagai kerangka dasar.",
				"Pasal 4: Arsitektur SPBE Kabupaten Sigi terdiri atas referensi arsitektur dan domain arsitektur.",
				"Pasal 5: Domain arsitektur meliputi proses bisnis, data dan informasi, layanan, aplikasi, infrastruktur, dan keamanan SPBE.",
				"Ditetapkan di Bora pada tanggal 14 Juni 2023. BUPATI SIGI.",
			},
		}},
	},
	{
		Indicator: 2, Level: 3,
		Facts: []string{
			"Peraturan Bupati Sigi Nomor 13 Tahun 2023 tentang Peta Rencana SPBE Kabupaten Sigi Tahun 2023-2027 (berkas Indikator2-Perbup-Peta-Rencana-SPBE.pdf).",
			"Bab III memuat muatan peta rencana: tata kelola, manajemen, layanan, infrastruktur, aplikasi, keamanan, dan audit TIK (hlm. 4-9).",
		},
		Analysis: []string{
			"Kebijakan telah ditetapkan dan muatannya lengkap sesuai kriteria tingkat 3.",
			"Peta rencana belum dikaitkan dengan Peta Rencana SPBE Nasional dan belum pernah direviu, sehingga tingkat 4 belum tercapai.",
		},
		Because: "kebijakan peta rencana telah ditetapkan dengan muatan lengkap, namun belum selaras dengan peta rencana nasional.",
		Docs: []demoDoc{{
			File: "Indikator2-Perbup-Peta-Rencana-SPBE.pdf", Level: 3,
			Title: "Peraturan Bupati Sigi Nomor 13 Tahun 2023 tentang Peta Rencana SPBE Kabupaten Sigi Tahun 2023-2027",
			Lines: []string{
				"Pasal 2: Peta Rencana SPBE menjadi pedoman bagi perangkat daerah dalam menyusun program dan kegiatan SPBE tahun 2023 sampai 2027.",
				"Pasal 3: Muatan Peta Rencana SPBE meliputi tata kelola, manajemen, layanan, infrastruktur, aplikasi, keamanan, dan audit teknologi informasi dan komunikasi.",
				"Ditetapkan di Bora pada tanggal 14 Juni 2023. BUPATI SIGI.",
			},
		}},
	},
	{
		Indicator: 3, Level: 2,
		Facts: []string{
			"Peraturan Bupati Sigi Nomor 7 Tahun 2022 tentang Penyelenggaraan Satu Data Kabupaten Sigi (berkas Indikator3-Perbup-Satu-Data-Sigi.pdf).",
			"Perbup mengatur walidata, produsen data dan forum satu data (Pasal 6-12), tetapi belum mengatur arsitektur data, standar data dan kualitas data.",
		},
		Analysis: []string{
			"Kebijakan internal manajemen data telah ditetapkan, sesuai kriteria tingkat 2.",
			"Muatan manajemen data belum lengkap (arsitektur data, data induk, data referensi, basis data, kualitas data, interoperabilitas data), sehingga kriteria tingkat 3 belum terpenuhi.",
		},
		Because: "kebijakan sudah ditetapkan tetapi belum memuat seluruh pengaturan manajemen data.",
		Docs: []demoDoc{{
			File: "Indikator3-Perbup-Satu-Data-Sigi.pdf", Level: 2,
			Title: "Peraturan Bupati Sigi Nomor 7 Tahun 2022 tentang Penyelenggaraan Satu Data Kabupaten Sigi",
			Lines: []string{
				"Pasal 6: Dinas Komunikasi, Informatika, Statistik dan Persandian ditetapkan sebagai walidata tingkat kabupaten.",
				"Pasal 9: Setiap perangkat daerah selaku produsen data menyampaikan data sektoral kepada walidata paling lambat bulan Maret setiap tahun.",
				"Ditetapkan di Bora pada tanggal 3 Maret 2022. BUPATI SIGI.",
			},
		}},
	},
	{
		Indicator: 8, Level: 3,
		Facts: []string{
			"Peraturan Bupati Sigi Nomor 21 Tahun 2023 tentang Manajemen Keamanan Informasi dan Persandian (berkas Indikator8-Perbup-Keamanan-Informasi.pdf).",
			"Pasal 5-14 mengatur penetapan ruang lingkup, penanggung jawab, perencanaan, dukungan pengoperasian, evaluasi kinerja dan perbaikan berkelanjutan keamanan informasi.",
		},
		Analysis: []string{
			"Kebijakan telah ditetapkan dan memuat seluruh tahapan manajemen keamanan informasi sesuai kriteria tingkat 3.",
			"Belum ada pengaturan koordinasi keamanan informasi dengan BSSN dan instansi lain (kriteria tingkat 4).",
		},
		Because: "kebijakan keamanan informasi sudah lengkap untuk lingkup internal Pemerintah Kabupaten Sigi.",
		Docs: []demoDoc{{
			File: "Indikator8-Perbup-Keamanan-Informasi.pdf", Level: 3,
			Title: "Peraturan Bupati Sigi Nomor 21 Tahun 2023 tentang Manajemen Keamanan Informasi dan Persandian",
			Lines: []string{
				"Pasal 5: Manajemen keamanan informasi dilaksanakan melalui penetapan ruang lingkup, penetapan penanggung jawab, perencanaan, dukungan pengoperasian, evaluasi kinerja, dan perbaikan berkelanjutan.",
				"Pasal 7: Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian bertanggung jawab atas keamanan informasi SPBE.",
				"Ditetapkan di Bora pada tanggal 2 Oktober 2023. BUPATI SIGI.",
			},
		}},
	},
	{
		Indicator: 10, Level: 3,
		Facts: []string{
			"Keputusan Bupati Sigi Nomor 555/145/DISKOMINFO/2024 tentang Pembentukan Tim Koordinasi SPBE Kabupaten Sigi (berkas Indikator10-Kepbup-Tim-Koordinasi-SPBE.pdf).",
			"Diktum KEDUA dan Lampiran memuat susunan keanggotaan (ketua: Sekretaris Daerah) serta tugas tim.",
		},
		Analysis: []string{
			"Kebijakan pembentukan tim telah ditetapkan dan memuat susunan serta tugas tim secara lengkap sesuai kriteria tingkat 3.",
		},
		Because: "keputusan pembentukan tim sudah ditetapkan lengkap dengan susunan dan tugasnya.",
		Docs: []demoDoc{{
			File: "Indikator10-Kepbup-Tim-Koordinasi-SPBE.pdf", Level: 3,
			Title: "Keputusan Bupati Sigi Nomor 555/145/DISKOMINFO/2024 tentang Pembentukan Tim Koordinasi SPBE Kabupaten Sigi",
			Lines: []string{
				"KESATU: Membentuk Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kabupaten Sigi dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran.",
				"KEDUA: Tim bertugas mengoordinasikan perencanaan, pelaksanaan, pemantauan dan evaluasi SPBE di lingkungan Pemerintah Kabupaten Sigi.",
				"Ditetapkan di Bora pada tanggal 8 Januari 2024. BUPATI SIGI.",
			},
		}},
	},
	{
		Indicator: 11, Level: 3,
		Facts: []string{
			"Dokumen Arsitektur SPBE Kabupaten Sigi Tahun 2023-2027, Lampiran Perbup Nomor 12 Tahun 2023 (berkas Indikator11-Dokumen-Arsitektur-SPBE-2023-2027.pdf).",
			"Bab 2 sampai Bab 7 memuat referensi dan domain proses bisnis, data, layanan, aplikasi, infrastruktur dan keamanan.",
		},
		Analysis: []string{
			"Dokumen telah mencakup seluruh referensi dan domain arsitektur (kriteria tingkat 3).",
			"Dokumen disusun sebelum pemutakhiran Arsitektur SPBE Nasional (Perpres 132/2022) dan belum dipetakan terhadapnya, sehingga tingkat 4 belum terpenuhi.",
		},
		Because: "dokumen arsitektur lengkap untuk seluruh domain, tetapi belum berpedoman pada Arsitektur SPBE Nasional.",
		Docs: []demoDoc{{
			File: "Indikator11-Dokumen-Arsitektur-SPBE-2023-2027.pdf", Level: 3,
			Title: "Dokumen Arsitektur SPBE Kabupaten Sigi Tahun 2023-2027",
			Lines: []string{
				"Bab 2 Referensi Arsitektur: proses bisnis, data dan informasi, layanan, aplikasi, infrastruktur, keamanan.",
				"Bab 5 Domain Arsitektur Aplikasi: 41 aplikasi perangkat daerah dipetakan ke aplikasi umum dan aplikasi khusus.",
				"Bab 7 Domain Arsitektur Keamanan: penerapan kontrol keamanan pada pusat data dan jaringan intra.",
			},
		}},
	},
	{
		Indicator: 12, Level: 2,
		Facts: []string{
			"Dokumen Peta Rencana SPBE Kabupaten Sigi Tahun 2023-2027 (berkas Indikator12-Dokumen-Peta-Rencana-SPBE.pdf).",
			"Rencana program tahunan baru disusun untuk muatan layanan, aplikasi dan infrastruktur; muatan audit TIK dan manajemen belum dirinci.",
		},
		Analysis: []string{
			"Dokumen peta rencana telah tersedia, sesuai kriteria tingkat 2.",
			"Belum mencakup seluruh muatan peta rencana, sehingga tingkat 3 belum terpenuhi.",
		},
		Because: "dokumen tersedia tetapi muatannya belum lengkap.",
		Docs: []demoDoc{{
			File: "Indikator12-Dokumen-Peta-Rencana-SPBE.pdf", Level: 2,
			Title: "Dokumen Peta Rencana SPBE Kabupaten Sigi Tahun 2023-2027",
			Lines: []string{
				"Program 2025: perluasan jaringan intra ke 15 kecamatan; integrasi aplikasi perizinan dengan sistem penghubung layanan.",
				"Program 2026: pembangunan pusat data cadangan; penerapan tanda tangan elektronik pada seluruh perangkat daerah.",
			},
		}},
	},
	{
		Indicator: 13, Level: 2,
		Facts: []string{
			"Notulen Rapat Koordinasi Perencanaan dan Penganggaran Belanja TIK Tahun Anggaran 2025 tanggal 19 Agustus 2024 (berkas Indikator13-Notulen-Rapat-Anggaran-TIK-2025.pdf).",
			"Usulan belanja TIK dari 18 perangkat daerah dibahas bersama Bappeda dan BPKAD sebelum penyusunan KUA-PPAS.",
		},
		Analysis: []string{
			"Rencana dan anggaran SPBE telah dikoordinasikan pada sebagian perangkat daerah (kriteria tingkat 2).",
			"Belum seluruh perangkat daerah mengajukan belanja TIK melalui mekanisme ini, sehingga tingkat 3 belum terpenuhi.",
		},
		Because: "keterpaduan rencana dan anggaran baru berlaku untuk 18 dari 32 perangkat daerah.",
		Docs: []demoDoc{{
			File: "Indikator13-Notulen-Rapat-Anggaran-TIK-2025.pdf", Level: 2,
			Title: "Notulen Rapat Koordinasi Perencanaan dan Penganggaran Belanja TIK Tahun Anggaran 2025",
			Lines: []string{
				"Hari/tanggal: Senin, 19 Agustus 2024. Tempat: Ruang Rapat Bappeda Kabupaten Sigi.",
				"Peserta: Bappeda, BPKAD, Diskominfo dan 18 perangkat daerah pengusul belanja TIK.",
				"Kesimpulan: usulan pengadaan aplikasi baru wajib mendapat rekomendasi Diskominfo sebelum dimasukkan ke RKA.",
			},
		}},
	},
	{
		Indicator: 15, Level: 2,
		Facts: []string{
			"Laporan Pengembangan Aplikasi SIPANTAS (Sistem Informasi Pelayanan Terpadu Sigi) Tahun 2024 (berkas Indikator15-Laporan-Pengembangan-Aplikasi-SIPANTAS.pdf).",
			"Laporan memuat tahapan analisis kebutuhan, desain, pengembangan, pengujian dan UAT.",
		},
		Analysis: []string{
			"Pembangunan aplikasi telah mengikuti siklus pembangunan aplikasi (kriteria tingkat 2).",
			"Tiga aplikasi perangkat daerah tahun 2024 dibangun pihak ketiga tanpa konsultasi ke Diskominfo, sehingga kriteria tingkat 3 belum terpenuhi.",
		},
		Because: "siklus pembangunan aplikasi sudah dijalankan, tetapi belum seluruh pembangunan aplikasi dikonsultasikan ke Diskominfo.",
		Docs: []demoDoc{{
			File: "Indikator15-Laporan-Pengembangan-Aplikasi-SIPANTAS.pdf", Level: 2,
			Title: "Laporan Pengembangan Aplikasi SIPANTAS Tahun 2024",
			Lines: []string{
				"Tahap 1 Analisis kebutuhan: wawancara dengan DPMPTSP, Januari 2024.",
				"Tahap 4 Pengujian: uji fungsional 112 kasus uji, 3 temuan diperbaiki.",
				"Tahap 5 UAT: berita acara UAT ditandatangani 12 Agustus 2024.",
			},
		}},
	},
	{
		Indicator: 16, Level: 3,
		Facts: []string{
			"Laporan Tahunan Layanan Pusat Data Diskominfo Kabupaten Sigi Tahun 2024 (berkas Indikator16-Laporan-Layanan-Pusat-Data-2024.pdf).",
			"Tabel 2 (hlm. 3): seluruh 32 perangkat daerah memakai layanan hosting atau colocation pusat data.",
		},
		Analysis: []string{
			"Layanan pusat data telah digunakan seluruh perangkat daerah (kriteria tingkat 3).",
			"Belum ada interkoneksi dengan Pusat Data Nasional, sehingga tingkat 4 belum terpenuhi.",
		},
		Because: "pusat data sudah dipakai seluruh perangkat daerah tetapi belum terinterkoneksi dengan Pusat Data Nasional.",
		Docs: []demoDoc{{
			File: "Indikator16-Laporan-Layanan-Pusat-Data-2024.pdf", Level: 3,
			Title: "Laporan Tahunan Layanan Pusat Data Kabupaten Sigi Tahun 2024",
			Lines: []string{
				"Jumlah server fisik: 14; mesin virtual: 63; ketersediaan layanan rata-rata 99,2 persen.",
				"Pengguna layanan: 32 perangkat daerah (hosting 27, colocation 5).",
			},
		}},
	},
	{
		Indicator: 17, Level: 3,
		Facts: []string{
			"Dokumen Topologi dan Laporan Layanan Jaringan Intra Pemerintah Kabupaten Sigi Tahun 2024 (berkas Indikator17-Topologi-Jaringan-Intra.pdf).",
			"Seluruh kantor perangkat daerah di Bora terhubung serat optik; 15 kantor kecamatan terhubung melalui VPN.",
		},
		Analysis: []string{
			"Jaringan intra telah digunakan seluruh perangkat daerah (kriteria tingkat 3).",
			"Belum terhubung dengan Jaringan Intra Pemerintah nasional, sehingga tingkat 4 belum terpenuhi.",
		},
		Because: "jaringan intra sudah menjangkau seluruh perangkat daerah.",
		Docs: []demoDoc{{
			File: "Indikator17-Topologi-Jaringan-Intra.pdf", Level: 3,
			Title: "Topologi dan Laporan Layanan Jaringan Intra Pemerintah Kabupaten Sigi 2024",
			Lines: []string{
				"Tulang punggung: cincin serat optik 24 core, 11 km, antarkantor di kompleks perkantoran Bora.",
				"Kecamatan: VPN melalui layanan internet kantor camat, 15 titik.",
			},
		}},
	},
	{
		Indicator: 19, Level: 3,
		Facts: []string{
			"Laporan Pelaksanaan Tugas Tim Koordinasi SPBE Tahun 2024 (berkas Indikator19-Laporan-Tim-Koordinasi-SPBE-2024.pdf).",
			"Notulen rapat Tim Koordinasi SPBE triwulan I-IV 2024 (berkas Indikator19-Notulen-Rapat-Tim-Koordinasi.pdf).",
		},
		Analysis: []string{
			"Program kerja tim 2024 terlaksana seluruhnya: 4 rapat koordinasi, reviu arsitektur, penyusunan rencana anggaran TIK (kriteria tingkat 3).",
			"Program kerja belum dikomunikasikan kepada seluruh perangkat daerah secara berkala, sehingga tingkat 4 belum terpenuhi.",
		},
		Because: "seluruh program kerja tim 2024 telah dilaksanakan.",
		Docs: []demoDoc{{
			File: "Indikator19-Laporan-Tim-Koordinasi-SPBE-2024.pdf", Level: 3,
			Title: "Laporan Pelaksanaan Tugas Tim Koordinasi SPBE Kabupaten Sigi Tahun 2024",
			Lines: []string{
				"Program kerja 2024: 6 kegiatan; terlaksana 6 kegiatan (100 persen).",
				"Rekomendasi 2025: sosialisasi program kerja kepada seluruh perangkat daerah.",
			},
		}, {
			File: "Indikator19-Notulen-Rapat-Tim-Koordinasi.pdf", Level: 2,
			Title: "Notulen Rapat Tim Koordinasi SPBE Triwulan I-IV Tahun 2024",
			Lines: []string{
				"Rapat I (12 Maret 2024): penetapan program kerja.",
				"Rapat IV (10 Desember 2024): evaluasi capaian dan rencana 2025.",
			},
		}},
	},
	{
		Indicator: 20, Level: 2,
		Facts: []string{
			"Perjanjian Kerja Sama antara Diskominfo Kabupaten Sigi dan BPS Kabupaten Sigi tentang Pembinaan Statistik Sektoral, 2024 (berkas Indikator20-PKS-Diskominfo-BPS-Sigi.pdf).",
		},
		Analysis: []string{
			"Kolaborasi penerapan SPBE telah dilaksanakan dengan satu instansi pusat secara terencana (kriteria tingkat 2).",
			"Belum ada kolaborasi dengan perguruan tinggi, masyarakat atau pelaku usaha, sehingga tingkat 3 belum terpenuhi.",
		},
		Because: "kolaborasi sudah terencana tetapi pihak yang terlibat masih terbatas.",
		Docs: []demoDoc{{
			File: "Indikator20-PKS-Diskominfo-BPS-Sigi.pdf", Level: 2,
			Title: "Perjanjian Kerja Sama tentang Pembinaan Statistik Sektoral di Kabupaten Sigi",
			Lines: []string{
				"PARA PIHAK: Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Sigi dan Badan Pusat Statistik Kabupaten Sigi.",
				"Pasal 2 Ruang lingkup: pembinaan statistik sektoral, metadata kegiatan statistik, dan rekomendasi kegiatan statistik.",
			},
		}},
	},
	{
		Indicator: 21, Level: 1,
		Facts: []string{
			"Draf Register Risiko SPBE Diskominfo Tahun 2025, belum ditetapkan (berkas Indikator21-Draf-Register-Risiko-SPBE.pdf).",
		},
		Analysis: []string{
			"Identifikasi risiko baru dilakukan di Diskominfo tanpa program kegiatan manajemen risiko yang terencana (kriteria tingkat 1).",
		},
		Because: "manajemen risiko SPBE belum diterapkan secara terencana.",
		Docs: []demoDoc{{
			File: "Indikator21-Draf-Register-Risiko-SPBE.pdf", Level: 1,
			Title: "Draf Register Risiko SPBE Diskominfo Kabupaten Sigi Tahun 2025",
			Lines: []string{
				"R-01 Gangguan listrik pada ruang server: kemungkinan 3, dampak 4, tingkat risiko tinggi.",
				"R-02 Kebocoran kata sandi akun aplikasi: kemungkinan 2, dampak 5, tingkat risiko tinggi.",
				"Status: DRAF, belum ditetapkan.",
			},
		}},
	},
	{
		Indicator: 22, Level: 2,
		Facts: []string{
			"Laporan Hasil Penilaian Mandiri Indeks KAMI Diskominfo Kabupaten Sigi Tahun 2024 (berkas Indikator22-Laporan-Indeks-KAMI-2024.pdf).",
			"Pengendalian keamanan (antivirus terpusat, firewall, cadangan harian) baru diterapkan di pusat data dan 9 perangkat daerah.",
		},
		Analysis: []string{
			"Pengendalian keamanan informasi telah dilaksanakan pada sebagian perangkat daerah (kriteria tingkat 2).",
		},
		Because: "pengendalian keamanan informasi belum diterapkan di seluruh perangkat daerah.",
		Docs: []demoDoc{{
			File: "Indikator22-Laporan-Indeks-KAMI-2024.pdf", Level: 2,
			Title: "Laporan Hasil Penilaian Mandiri Indeks KAMI Diskominfo Kabupaten Sigi Tahun 2024",
			Lines: []string{
				"Kategori sistem elektronik: Tinggi. Skor total: 412 (Pemenuhan Kerangka Kerja Dasar).",
				"Rekomendasi: perluasan kontrol keamanan ke seluruh perangkat daerah pada 2025.",
			},
		}},
	},
	{
		Indicator: 23, Level: 2,
		Facts: []string{
			"Keputusan Kepala Diskominfo Nomor 800/27/DISKOMINFO/2024 tentang Penunjuk Walidata Pendukung dan Daftar Data Kabupaten Sigi (berkas Indikator23-SK-Walidata-Daftar-Data.pdf).",
			"Daftar data 2024 memuat 214 data dari 21 perangkat daerah.",
		},
		Analysis: []string{
			"Manajemen data diterapkan dengan program yang terarah pada sebagian perangkat daerah (kriteria tingkat 2).",
		},
		Because: "pengelolaan daftar data baru mencakup 21 dari 32 perangkat daerah.",
		Docs: []demoDoc{{
			File: "Indikator23-SK-Walidata-Daftar-Data.pdf", Level: 2,
			Title: "Keputusan Kepala Diskominfo Nomor 800/27/DISKOMINFO/2024 tentang Penunjuk Walidata Pendukung dan Daftar Data",
			Lines: []string{
				"KESATU: Menunjuk walidata pendukung pada 21 perangkat daerah sebagaimana tercantum dalam Lampiran I.",
				"KEDUA: Menetapkan daftar data Kabupaten Sigi Tahun 2024 sebagaimana tercantum dalam Lampiran II.",
			},
		}},
	},
	{
		Indicator: 30, Level: 1,
		Facts: []string{
			"Belum ada laporan audit aplikasi SPBE; pengujian fungsional aplikasi dilakukan oleh pengembang sendiri.",
			"Audit aplikasi oleh pihak independen direncanakan dalam Renja Diskominfo 2026 (bukti belum diunggah).",
		},
		Analysis: []string{
			"Kegiatan audit aplikasi belum dilaksanakan dengan perencanaan yang berkesinambungan (kriteria tingkat 1).",
		},
		Because: "audit aplikasi SPBE belum dilaksanakan secara terencana.",
	},
	{
		Indicator: 32, Level: 3,
		Facts: []string{
			"Tangkapan layar SIPD RI modul perencanaan Pemerintah Kabupaten Sigi, penginputan RKPD 2025 (berkas Indikator32-Tangkapan-Layar-SIPD-Perencanaan.pdf).",
		},
		Analysis: []string{
			"Pengguna dapat melakukan transaksi (penginputan dan verifikasi usulan rencana kerja) secara elektronik, sesuai kriteria tingkat 3.",
		},
		Because: "layanan perencanaan sudah bersifat transaksi.",
		Docs: []demoDoc{{
			File: "Indikator32-Tangkapan-Layar-SIPD-Perencanaan.pdf", Level: 3,
			Title: "Tangkapan Layar SIPD Modul Perencanaan - RKPD Kabupaten Sigi 2025",
			Lines: []string{
				"Gambar 1: daftar usulan program dan kegiatan perangkat daerah, status verifikasi Bappeda.",
				"Gambar 2: formulir penginputan indikator kinerja kegiatan.",
			},
		}},
	},
	{
		Indicator: 35, Level: 4,
		Facts: []string{
			"Laporan Kinerja UKPBJ dan LPSE Kabupaten Sigi Tahun 2024 (berkas Indikator35-Laporan-LPSE-Sigi-2024.pdf).",
			"SPSE terhubung dengan SIRUP dan e-Katalog LKPP; 96 persen paket tender 2024 dilakukan secara elektronik.",
		},
		Analysis: []string{
			"Layanan pengadaan telah berkolaborasi dengan layanan elektronik lain (SIRUP, e-Katalog), sesuai kriteria tingkat 4.",
			"Belum ada perbaikan layanan berdasarkan hasil reviu dan evaluasi yang terdokumentasi (tingkat 5).",
		},
		Because: "layanan pengadaan sudah terintegrasi dengan layanan elektronik lain.",
		Docs: []demoDoc{{
			File: "Indikator35-Laporan-LPSE-Sigi-2024.pdf", Level: 4,
			Title: "Laporan Kinerja UKPBJ dan LPSE Kabupaten Sigi Tahun 2024",
			Lines: []string{
				"Jumlah paket tender: 87; tender elektronik: 84 (96 persen).",
				"Integrasi: SPSE versi 4.5 terhubung dengan SIRUP dan e-Katalog.",
			},
		}},
	},
	{
		Indicator: 36, Level: 3,
		Facts: []string{
			"Panduan Pengguna SIMPEG Kabupaten Sigi versi 2.1, 2024 (berkas Indikator36-Panduan-SIMPEG-Sigi.pdf).",
			"Pegawai dapat mengajukan cuti dan kenaikan pangkat secara elektronik (Bab 4 dan Bab 5).",
		},
		Analysis: []string{
			"Layanan kepegawaian sudah memberikan layanan transaksi (kriteria tingkat 3).",
		},
		Because: "layanan kepegawaian sudah bersifat transaksi.",
		Docs: []demoDoc{{
			File: "Indikator36-Panduan-SIMPEG-Sigi.pdf", Level: 3,
			Title: "Panduan Pengguna SIMPEG Kabupaten Sigi Versi 2.1",
			Lines: []string{
				"Bab 4 Pengajuan cuti: pegawai mengisi formulir, atasan menyetujui secara elektronik.",
				"Bab 5 Usulan kenaikan pangkat: unggah berkas persyaratan dan pelacakan status usulan.",
			},
		}},
	},
	{
		Indicator: 37, Level: 2,
		Facts: []string{
			"Surat Edaran Bupati Sigi Nomor 000.5/112/ORG/2024 tentang Penggunaan Aplikasi SRIKANDI (berkas Indikator37-SE-Bupati-Penggunaan-SRIKANDI.pdf).",
			"SRIKANDI baru dipakai untuk surat masuk dan disposisi di 12 perangkat daerah.",
		},
		Analysis: []string{
			"Layanan kearsipan dinamis sudah bersifat interaksi (kriteria tingkat 2), belum transaksi penuh untuk seluruh naskah dinas.",
		},
		Because: "layanan kearsipan baru sampai tahap interaksi.",
		Docs: []demoDoc{{
			File: "Indikator37-SE-Bupati-Penggunaan-SRIKANDI.pdf", Level: 2,
			Title: "Surat Edaran Bupati Sigi Nomor 000.5/112/ORG/2024 tentang Penggunaan Aplikasi SRIKANDI",
			Lines: []string{
				"Seluruh perangkat daerah agar menggunakan aplikasi SRIKANDI untuk pengelolaan naskah dinas mulai 1 Juli 2024.",
			},
		}},
	},
	{
		Indicator: 42, Level: 4,
		Facts: []string{
			"Laporan Pengelolaan Pengaduan SP4N-LAPOR! Kabupaten Sigi Tahun 2024 (berkas Indikator42-Laporan-SP4N-LAPOR-2024.pdf).",
			"412 aduan diterima, 389 selesai ditindaklanjuti; disposisi ke perangkat daerah dan instansi vertikal melalui SP4N-LAPOR!.",
		},
		Analysis: []string{
			"Layanan pengaduan telah berkolaborasi dengan layanan elektronik nasional (kriteria tingkat 4).",
		},
		Because: "pengaduan dikelola terpadu melalui SP4N-LAPOR! lintas instansi.",
		Docs: []demoDoc{{
			File: "Indikator42-Laporan-SP4N-LAPOR-2024.pdf", Level: 4,
			Title: "Laporan Pengelolaan Pengaduan SP4N-LAPOR! Kabupaten Sigi Tahun 2024",
			Lines: []string{
				"Aduan masuk: 412; selesai: 389 (94 persen); rata-rata waktu tindak lanjut: 6 hari kerja.",
				"Kategori terbanyak: infrastruktur jalan (31 persen), administrasi kependudukan (18 persen).",
			},
		}},
	},
	{
		Indicator: 43, Level: 3,
		Facts: []string{
			"Tangkapan layar Portal Satu Data Kabupaten Sigi: 214 dataset dapat diunduh dalam format CSV dan XLSX (berkas Indikator43-Portal-Satu-Data-Sigi.pdf).",
		},
		Analysis: []string{
			"Pengguna dapat mencari dan mengunduh data (transaksi), sesuai kriteria tingkat 3.",
			"Portal belum terhubung dengan Portal Satu Data Indonesia (tingkat 4).",
		},
		Because: "layanan data terbuka sudah bersifat transaksi.",
		Docs: []demoDoc{{
			File: "Indikator43-Portal-Satu-Data-Sigi.pdf", Level: 3,
			Title: "Tangkapan Layar Portal Satu Data Kabupaten Sigi",
			Lines: []string{
				"Halaman beranda: 214 dataset, 21 organisasi, 9 topik.",
				"Halaman dataset: tombol unduh CSV/XLSX dan metadata.",
			},
		}},
	},
	{
		Indicator: 44, Level: 4,
		Facts: []string{
			"Laporan Integrasi JDIH Kabupaten Sigi dengan JDIHN Tahun 2024 (berkas Indikator44-Laporan-Integrasi-JDIHN.pdf).",
			"1.126 dokumen hukum daerah tersinkronisasi otomatis ke JDIHN; pencarian di aplikasi JDIH daerah (berkas Indikator44-Tangkapan-Layar-JDIH-Sigi.pdf).",
		},
		Analysis: []string{
			"Layanan JDIH telah berkolaborasi dengan JDIHN, sesuai kriteria tingkat 4.",
		},
		Because: "JDIH daerah sudah terintegrasi dengan JDIHN.",
		Docs: []demoDoc{{
			File: "Indikator44-Laporan-Integrasi-JDIHN.pdf", Level: 4,
			Title: "Laporan Integrasi JDIH Kabupaten Sigi dengan JDIHN Tahun 2024",
			Lines: []string{
				"Jumlah dokumen: Perda 148, Perbup 612, Keputusan Bupati 366.",
				"Sinkronisasi: otomatis setiap hari melalui layanan integrasi JDIHN.",
			},
		}, {
			File: "Indikator44-Tangkapan-Layar-JDIH-Sigi.pdf", Level: 0,
			Title: "Tangkapan Layar Aplikasi JDIH Kabupaten Sigi",
			Lines: []string{
				"Gambar 1: pencarian dokumen hukum berdasarkan jenis, nomor dan tahun.",
			},
		}},
	},
}

// demoPemdi: a few answers of the provisional Indeks Pemdi 2026.
var demoPemdi = []demoAnswer{
	{
		Indicator: 1, Level: 2,
		Facts: []string{
			"Peraturan Bupati Sigi Nomor 12 Tahun 2023 tentang Arsitektur SPBE dan Nomor 13 Tahun 2023 tentang Peta Rencana SPBE masih berlaku.",
			"Keputusan Bupati Sigi Nomor 555/145/DISKOMINFO/2024 tentang Tim Koordinasi SPBE (berkas Pemdi1-Kepbup-Tim-Koordinasi.pdf).",
		},
		Analysis: []string{
			"Tata kelola berjalan sesuai pedoman, tetapi belum mencakup seluruh proses pemerintah digital.",
		},
		Because: "tata kelola sudah terarah tetapi belum komprehensif.",
		Docs: []demoDoc{{
			File: "Pemdi1-Kepbup-Tim-Koordinasi.pdf", Level: 2,
			Title: "Keputusan Bupati Sigi Nomor 555/145/DISKOMINFO/2024 tentang Pembentukan Tim Koordinasi SPBE",
			Lines: []string{
				"Salinan untuk penilaian Indeks Pemerintah Digital 2026.",
			},
		}},
	},
	{
		Indicator: 5, Level: 2,
		Facts: []string{
			"Peraturan Bupati Sigi Nomor 7 Tahun 2022 tentang Penyelenggaraan Satu Data Kabupaten Sigi.",
			"Daftar data 2025 memuat 236 data dari 24 perangkat daerah (berkas Pemdi5-Daftar-Data-2025.pdf).",
		},
		Analysis: []string{
			"Tata kelola data mengikuti pedoman Satu Data, tetapi baru pada sebagian perangkat daerah.",
		},
		Because: "tata kelola data belum mencakup seluruh perangkat daerah.",
		Docs: []demoDoc{{
			File: "Pemdi5-Daftar-Data-2025.pdf", Level: 2,
			Title: "Daftar Data Kabupaten Sigi Tahun 2025",
			Lines: []string{
				"236 data dari 24 perangkat daerah; 61 data prioritas.",
			},
		}},
	},
	{
		Indicator: 10, Level: 2,
		Facts: []string{
			"Laporan Hasil Penilaian Mandiri Indeks KAMI Tahun 2025: kerangka kerja dasar terpenuhi.",
		},
		Analysis: []string{
			"Kontrol keamanan sudah diterapkan sesuai pedoman, belum di seluruh sistem elektronik.",
		},
		Because: "keamanan pemerintah digital belum diterapkan menyeluruh.",
	},
	{
		Indicator: 13, Level: 2,
		Facts: []string{
			"Dokumen Arsitektur SPBE Kabupaten Sigi 2023-2027 Bab 5: 41 aplikasi perangkat daerah, 9 di antaranya aplikasi umum nasional.",
		},
		Analysis: []string{
			"Aplikasi dibangun sesuai pedoman, tetapi aplikasi sejenis masih dibangun terpisah oleh beberapa perangkat daerah.",
		},
		Because: "aplikasi pemerintah digital belum terstandar untuk seluruh lingkup.",
	},
	{
		Indicator: 17, Level: 3,
		Facts: []string{
			"Portal layanan Kabupaten Sigi menampilkan 58 layanan dari 14 perangkat daerah dalam satu pintu masuk dengan akun tunggal.",
		},
		Analysis: []string{
			"Portal telah mencakup seluruh layanan prioritas sesuai pedoman.",
		},
		Because: "portal layanan digital sudah terstandar untuk layanan prioritas.",
	},
}
