package ner

import (
	"bytes"
	"testing"

	"github.com/faultline/faultline/models"
)

// TestModelRoundTrip checks that the shipped model, read and written again, is the same
// bytes: the word tables and the weights survive the file format unchanged.
func TestModelRoundTrip(t *testing.T) {
	tg, err := readTagger(models.NER, newLexicon())
	if err != nil {
		t.Fatal(err)
	}
	var w bytes.Buffer
	if _, err := tg.WriteTo(&w); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Bytes(), models.NER) {
		t.Fatalf("model written back is %d bytes, read %d, or differs", w.Len(), len(models.NER))
	}
}

// TestTableErrors checks that a truncated word table is an error, not a panic.
func TestTableErrors(t *testing.T) {
	full := encodeTable(map[string]uint32{"alpha": 7, "beta": 1 << 20})
	m, rest, err := decodeTable[uint32](full, "cluster")
	if err != nil || len(rest) != 0 || m["alpha"] != 7 || m["beta"] != 1<<20 {
		t.Fatalf("decode: %v %v %d", m, err, len(rest))
	}
	for n := 0; n < len(full); n++ {
		if _, _, err := decodeTable[uint32](full[:n], "cluster"); err == nil {
			t.Errorf("%d of %d bytes: no error", n, len(full))
		}
	}
	b := encodeTable(map[string]byte{"x": 3})
	if got := []byte{1, 0, 0, 0, 'x', 0, 3}; !bytes.Equal(b, got) {
		t.Errorf("byte table %v, want %v", b, got)
	}
}
