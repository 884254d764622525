package actors

import "testing"

func TestGeneric(t *testing.T) {
	tests := []struct {
		name string
		want GenericKind
		ok   bool
	}{
		{"the police", GenericKind{State: true, Family: "police"}, true},
		{"insurgents", GenericKind{Family: "insurgency"}, true},
		// patterns: "<country>-led forces", "<any>-led government"
		{"the US-led forces", GenericKind{Family: "coalition"}, true},
		{"American-led coalition", GenericKind{Family: "coalition"}, true},
		{"army-led forces", GenericKind{}, false}, // not a country
		{"Shiite-led government", GenericKind{State: true, Family: "government"}, true},
		{"army-dominated government", GenericKind{State: true, Family: "government"}, true},
		{"-led government", GenericKind{}, false},
		{"US-funded government", GenericKind{}, false},
		{"Shiite-led militia", GenericKind{}, false},
		{"Syrian villages", GenericKind{}, false},
	}
	for _, tc := range tests {
		got, ok := Generic(tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Generic(%q) = %+v, %v, want %+v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
	if f := GroupFamily("Sunni insurgents"); f != "insurgency" {
		t.Errorf("GroupFamily(Sunni insurgents) = %q", f)
	}
	if f := GroupFamily("US-led forces"); f != "" {
		t.Errorf("GroupFamily(US-led forces) = %q, want \"\" (patterns are whole descriptions)", f)
	}
}
