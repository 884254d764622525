package actors

import "testing"

func TestPeopleCue(t *testing.T) {
	tests := []struct {
		where, w string
		want     bool
	}{
		{"before", "most", true},
		{"of", "millions", true},
		{"after", "who", true},
		{"before", "the", false},   // "the Iranians" may be the state acting
		{"after", "signed", false}, // a state's act
		{"after", "most", false},   // a cue only in its position
	}
	for _, tt := range tests {
		if got := PeopleCue(tt.where, tt.w); got != tt.want {
			t.Errorf("PeopleCue(%q, %q) = %v, want %v", tt.where, tt.w, got, tt.want)
		}
	}
}
