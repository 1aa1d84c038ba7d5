package assessment

import "testing"

func TestCanonicalValue(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"3", "3"}, {" 2,5 ", "2.5"}, {"2.5", "2.5"}, {"02,50", "2.5"}, {"3,0", "3"}, {"1", "1"}, {"5", "5"}, {"4,75", "4.75"},
	} {
		got, err := CanonicalValue(c.in)
		if err != nil || got != c.want {
			t.Errorf("CanonicalValue(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"", "5/2", "+3", "25e-1", "0", "5,5", "6", "2,5,1", "-1", "dua", "2.", ",5"} {
		if got, err := CanonicalValue(in); err == nil {
			t.Errorf("CanonicalValue(%q) = %q, want an error", in, got)
		}
	}
}
