package figure

import (
	"testing"
)

func TestFind(t *testing.T) {
	type want struct {
		text  string
		value float64
		unit  string
	}
	tests := []struct {
		in   string
		want []want
	}{
		{"Some 1.6 million are displaced inside the country.", []want{{"Some 1.6 million are displaced", 1600000, "people"}}},
		{"Gunmen seized £20m worth of weapons.", []want{{"£20m", 20000000, "pounds"}}},
		{"Turnout was 92 per cent in the south.", []want{{"92 per cent", 92, "percent"}}},
		{"Turnout was 61% in Basra.", []want{{"61%", 61, "percent"}}},
		{"A 100,000-strong militia paraded.", []want{{"100,000-strong", 100000, ""}}},
		{"More than 9,000 people fled the town.", []want{{"More than 9,000 people", 9000, "people"}}},
		{"The bomb killed 17 soldiers and wounded twenty-five civilians.", []want{{"17 soldiers", 17, "soldiers"}, {"twenty-five civilians", 25, "people"}}},
		{"Two major parties compete.", []want{{"Two major parties", 2, "parties"}}},
		{"Roughly a third of the voters stayed home.", []want{{"Roughly a third", 0.333, "fraction"}}},
		{"Tens of thousands of families left.", []want{{"Tens of thousands", 10000, ""}}},
		{"The war of 1980-88 and the 1991 uprising.", nil},
		{"On 7 November and on August 28 they met at 10:30.", nil},
		{"It was the 21st attack since 2003.", nil},
		{"The two of them met; one said no.", nil},
		{"About 1,000 a week are fleeing.", []want{{"About 1,000", 1000, ""}}},
		{"A budget of $3bn was approved.", []want{{"$3bn", 3e9, "dollars"}}},
		{"The rebels declared a three-month truce.", []want{{"three-month truce", 3, "months"}}},
		{"After a five-day ground offensive the town fell.", []want{{"five-day ground offensive", 5, "days"}}},
		{"Officials imposed a 10-day curfew on the port.", []want{{"10-day curfew", 10, "days"}}},
		{"A 19-year-old recruit was held.", []want{{"19-year-old", 19, ""}}},
	}
	x := New()
	for _, tt := range tests {
		got := x.Find(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %d figures %+v, want %d", tt.in, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Text != w.text || tt.in[g.Start:g.End] != g.Text || g.Value != w.value || g.Unit != w.unit {
				t.Errorf("%q: figure %d = %q %v %q, want %q %v %q", tt.in, i, g.Text, g.Value, g.Unit, w.text, w.value, w.unit)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("1,600-strong £20m 92 per cent a third of tens of thousands of 1980-88")
	x := New()
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range x.Find(s) {
			if g.Start < 0 || g.End > len(s) || g.Start >= g.End || s[g.Start:g.End] != g.Text {
				t.Fatalf("bad span %+v", g)
			}
		}
	})
}

func TestShares(t *testing.T) {
	x := New()
	for in, want := range map[string]float64{
		"About two thirds are farmers.":   0.667,
		"one quarter Turkmen":             0.25,
		"three-fourths of the casualties": 0.75,
		"twenty to forty at a time":       20,
	} {
		got := x.Find(in)
		if len(got) == 0 || got[0].Value != want {
			t.Errorf("%q: got %+v, want value %v", in, got, want)
		}
	}
}
