package nameheads

import "testing"

func TestKinds(t *testing.T) {
	m := Kinds()
	for w, want := range map[string]string{"river": "place", "records": "org", "jr.": "person"} {
		if m[w] != want {
			t.Errorf("Kinds()[%q] = %q, want %q", w, m[w], want)
		}
	}
	for w, k := range m {
		if k != "place" && k != "org" && k != "person" {
			t.Errorf("%q: unknown kind %q", w, k)
		}
	}
}
