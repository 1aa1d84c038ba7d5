package quietlocale

import "testing"

func TestApply(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "id"},
		{map[string]string{"LC_ALL": "POSIX.utf8", "LANG": "en_US.UTF-8"}, "id"},
		{map[string]string{"LANG": "C"}, ""},                                // Fyne is quiet for plain C
		{map[string]string{"LANG": "en_US.UTF-8"}, ""},                      // a real locale stays
		{map[string]string{"LC_ALL": "id_ID.UTF-8", "LANG": "C.UTF-8"}, ""}, // LC_ALL wins
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en"}, "en"},      // the user's choice stays
		{map[string]string{}, ""},
	} {
		env := map[string]string{}
		for k, v := range c.env {
			env[k] = v
		}
		Apply(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
		if env["LANGUAGE"] != c.want {
			t.Errorf("%v: LANGUAGE = %q, want %q", c.env, env["LANGUAGE"], c.want)
		}
	}
}
