package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// portalEnv is an environment whose portal package records its request.
func portalEnv(t *testing.T, checkDir func(dataDir, dir string) error, res PortalResult, err error) (*Env, *[]PortalRequest, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	data := t.TempDir()
	var reqs []PortalRequest
	var so, se bytes.Buffer
	env := &Env{Stdout: &so, Stderr: &se,
		Output: &outputFuncs{checkDir: checkDir},
	}
	env.Services = func(string) (*Services, error) {
		return &Services{DataDir: data, Store: closeOnly{}, Portal: fakePortal{func(req PortalRequest) (PortalResult, error) {
			reqs = append(reqs, req)
			return res, err
		}}}, nil
	}
	return env, &reqs, &so, &se
}

// fakePortal is the open folder's portal port; the folder it was opened
// on is the one the command checked (portalEnv's data).
type fakePortal struct {
	pkg func(PortalRequest) (PortalResult, error)
}

func (p fakePortal) Package(_ context.Context, req PortalRequest) (PortalResult, error) {
	return p.pkg(req)
}

func (fakePortal) PackageIn(context.Context, string, string, func(float64)) (string, error) {
	return "", errors.New("not in the CLI")
}

func allowDir(string, string) error { return nil }

func TestPortalPackageCommand(t *testing.T) {
	res := PortalResult{Dir: "/media/usb/paket", Files: 3, Bytes: 2048, Indicators: 2,
		MissingItems: []string{"I4-L1-03", "I4-L2-01"}, Unlinked: 1}
	env, reqs, so, se := portalEnv(t, allowDir, res, nil)
	code := Run(env, []string{"portal-package", "--assessment", "a1", "--out", "paket", "--force"})
	if code != ExitOK || len(*reqs) != 1 || (*reqs)[0].AssessmentID != "a1" || (*reqs)[0].OutDir != "paket" || !(*reqs)[0].Force {
		t.Fatalf("exit %d, requests %+v: %s", code, *reqs, se.String())
	}
	for _, w := range []string{"/media/usb/paket", "Berkas bukti        : 3, ukuran 2048 byte", "LANGKAH-UNGGAH.txt"} {
		if !strings.Contains(so.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, so.String())
		}
	}
	for _, w := range []string{"2 butir belum ada bukti", "I4-L1-03, I4-L2-01", "1 berkas belum dikaitkan"} {
		if !strings.Contains(se.String(), w) {
			t.Errorf("warnings lack %q:\n%s", w, se.String())
		}
	}

	env, _, so, _ = portalEnv(t, allowDir, res, nil)
	if code := Run(env, []string{"portal-package", "--assessment", "a1", "--out", "paket", "--json"}); code != ExitOK {
		t.Fatal(code)
	}
	var got PortalResult
	if err := json.Unmarshal(so.Bytes(), &got); err != nil || got.Dir != res.Dir || len(got.MissingItems) != 2 {
		t.Errorf("json %q: %v", so.String(), err)
	}
	env, _, so, _ = portalEnv(t, allowDir, PortalResult{Dir: "/x"}, nil)
	if Run(env, []string{"portal-package", "--assessment", "a1", "--out", "paket", "--json"}) != ExitOK ||
		!strings.Contains(so.String(), `"missing_items": []`) {
		t.Errorf("json without missing items: %s", so.String())
	}
}

// A folder inside the data folder is refused before anything is read.
func TestPortalPackageFolderCheckedFirst(t *testing.T) {
	refuse := errors.New("tidak menulis ke folder data SPBE Mandiri (uji)")
	var asked []string
	env, reqs, _, se := portalEnv(t, func(dataDir, dir string) error { asked = append(asked, dir); return refuse }, PortalResult{}, nil)
	code := Run(env, []string{"portal-package", "--assessment", "a1", "--out", "data/paket"})
	if code != ExitError || len(*reqs) != 0 || len(asked) != 1 || asked[0] != "data/paket" || !strings.Contains(se.String(), "folder data") {
		t.Errorf("exit %d, requests %v, asked %v: %s", code, *reqs, asked, se.String())
	}
}

func TestPortalPackageRefusals(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"portal-package", "--out", "x"}, ExitUsage, "pakai: spbe-mandiri portal-package"},
		{[]string{"portal-package", "--assessment", "a"}, ExitUsage, "pakai:"},
		{[]string{"portal-package", "--assessment", "a", "--out", "x", "lebih"}, ExitUsage, "pakai:"},
		{[]string{"portal-package", "--assessment", "a", "--out", "x"}, ExitError, "folder paket sudah berisi"},
	} {
		env, _, _, se := portalEnv(t, allowDir, PortalResult{}, errors.New("folder paket sudah berisi berkas"))
		if code := Run(env, c.args); code != c.code || !strings.Contains(se.String(), c.want) {
			t.Errorf("%v: exit %d, %q", c.args, code, se.String())
		}
	}
	var se bytes.Buffer
	env := &Env{Stdout: &se, Stderr: &se}
	if code := Run(env, []string{"portal-package", "--assessment", "a", "--out", "x"}); code != ExitError || !strings.Contains(se.String(), "tidak tersedia") {
		t.Errorf("without deps: %d %q", code, se.String())
	}
}

// --instansi writes the consolidation's package from the assessor's
// workspace of the data folder given.
func TestPortalPackageInstansi(t *testing.T) {
	var got []PortalRequest
	var dirs []string
	var so, se bytes.Buffer
	env := &Env{Stdout: &so, Stderr: &se, OpenAsesor: (&asesorStub{
		InstansiPackage: func(_ context.Context, dataDir string, req PortalRequest) (PortalResult, error) {
			got, dirs = append(got, req), append(dirs, dataDir)
			return PortalResult{Dir: "/media/usb/instansi", Files: 5, Indicators: 3}, nil
		}}).open}
	code := Run(env, []string{"--data", "/data/asesor", "portal-package", "--instansi", "--periode", "2026", "--out", "instansi"})
	if code != ExitOK || len(got) != 1 || got[0].Periode != 2026 || got[0].OutDir != "instansi" || got[0].AssessmentID != "" ||
		dirs[0] != "/data/asesor" || !strings.Contains(so.String(), "/media/usb/instansi") {
		t.Fatalf("exit %d, requests %+v in %q: %s %s", code, got, dirs, so.String(), se.String())
	}
	for _, args := range [][]string{
		{"portal-package", "--instansi", "--out", "x"},                                           // no periode
		{"portal-package", "--instansi", "--periode", "2026", "--assessment", "a", "--out", "x"}, // both
	} {
		se.Reset()
		if code := Run(env, args); code != ExitUsage || !strings.Contains(se.String(), "--instansi --periode P") {
			t.Errorf("%v: exit %d %q", args, code, se.String())
		}
	}
}
