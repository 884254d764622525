package http_test

import (
	"context"
	"testing"
)

// TestHandStore checks the hand-made corpus: every span's offsets give its text.
func TestHandStore(t *testing.T) {
	s := handStore()
	ctx := context.Background()
	for _, d := range s.docs {
		x, _ := s.Extraction(ctx, d.ID)
		for _, sp := range x.Sentences {
			if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
				t.Fatalf("%s: bad sentence %+v", d.ID, sp)
			}
		}
		for _, e := range x.Entities {
			if d.Text[e.Start:e.End] != e.Text {
				t.Errorf("%s: entity %q at %d:%d is %q", d.ID, e.Text, e.Start, e.End, d.Text[e.Start:e.End])
			}
		}
		for _, e := range x.Ties {
			if d.Text[e.B.Start:e.B.End] != e.B.Text {
				t.Errorf("%s: tie end %q is %q", d.ID, e.B.Text, d.Text[e.B.Start:e.B.End])
			}
		}
	}
	if len(s.docs) != 4 || len(s.model.Actors) != 8 {
		t.Fatalf("docs=%d actors=%d", len(s.docs), len(s.model.Actors))
	}
}
