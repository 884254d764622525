package network

import "testing"

func FuzzParseEdit(f *testing.F) {
	for _, s := range []string{"A~B=+1", "a~b=-1", "x~y=", "~=", "a~~b=1", "α~β=-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseEdit(s)
		if err != nil {
			return
		}
		if e.A == "" || e.B == "" || e.A == e.B || (e.Sign != 1 && e.Sign != -1) {
			t.Errorf("ParseEdit(%q) = %+v", s, e)
		}
	})
}

func FuzzValidDate(f *testing.F) {
	for _, s := range []string{"2006", "2006-11", "2006-11-07", "2006-13", "20x6", "2006-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		first, last, ok := dayRange(s)
		if ok && first > last {
			t.Errorf("dayRange(%q) = %d > %d", s, first, last)
		}
	})
}
