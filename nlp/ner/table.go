package ner

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
)

// A word table maps words to a small unsigned value: a capitalisation bucket (caps.go, one
// byte) or a word's packed classes (clusters.go, four bytes). The model file stores it as a
// little-endian uint32 count, then for each entry, sorted by word, the word, a 0 byte and
// the value in little-endian order.

// encodeTable returns m in the model file's word-table layout.
func encodeTable[V uint8 | uint32](m map[string]V) []byte {
	size := valueSize[V]()
	var b bytes.Buffer
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(m))))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		b.WriteString(k)
		b.WriteByte(0)
		v := uint32(m[k])
		for i := range size {
			b.WriteByte(byte(v >> (8 * i)))
		}
	}
	return b.Bytes()
}

// decodeTable reads a table written by encodeTable and returns it and the rest of b; what
// names the table in errors ("capitalisation", "cluster").
func decodeTable[V uint8 | uint32](b []byte, what string) (map[string]V, []byte, error) {
	size := valueSize[V]()
	if len(b) < 4 {
		return nil, nil, fmt.Errorf("short %s table", what)
	}
	n := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if n > len(b) {
		return nil, nil, fmt.Errorf("bad %s table", what)
	}
	m := make(map[string]V, n)
	for range n {
		z := bytes.IndexByte(b, 0)
		if z < 0 || z+1+size > len(b) {
			return nil, nil, fmt.Errorf("bad %s table", what)
		}
		var v uint32
		for i := range size {
			v |= uint32(b[z+1+i]) << (8 * i)
		}
		m[string(b[:z])] = V(v)
		b = b[z+1+size:]
	}
	return m, b, nil
}

// valueSize is the number of bytes a table value of type V takes in the file.
func valueSize[V uint8 | uint32]() int {
	var zero V
	if _, ok := any(zero).(uint8); ok {
		return 1
	}
	return 4
}
