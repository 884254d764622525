package figure

import "testing"

// TestNumber1 checks number1 (filter, then map) against the map lookup it replaces, on every
// key and on words around them.
func TestNumber1(t *testing.T) {
	x := New()
	var words []string
	for k := range x.numbers {
		words = append(words, k, k+"s", "x"+k, k[:len(k)-1], k+"-"+k)
	}
	words = append(words, "", "the", "people", "1,600", "twenty-five", "£", "%")
	for _, w := range words {
		n, ok := x.number1(w)
		wn, wok := x.numbers[w]
		if n != wn || ok != wok {
			t.Errorf("number1(%q) = %v, %v; want %v, %v", w, n, ok, wn, wok)
		}
	}
}
