package ingest

import (
	"strings"
	"unicode"
)

// Near-duplicate detection (wire copies): MinHash signatures over word shingles, indexed
// with locality-sensitive hashing so that each new document is compared only with likely
// matches.
//
// A document's shingles are its word 5-grams (lower-cased, letters and digits only). Two
// documents are near-duplicates when the estimated containment of the smaller shingle set in
// the larger is at least Containment: the same story with a different headline, byline or a
// few edited words, or a copy cut short (the first 60% of the story is contained in the full
// one). Documents with fewer than MinShingles shingles are too short to judge and never
// marked.
const (
	ShingleWords = 5
	Hashes       = 128 // MinHash functions; estimates of Jaccard similarity err by about 0.04
	Bands        = 32  // LSH bands of Hashes/Bands rows: pairs with Jaccard 0.4 are candidates with p ≈ 0.7, 0.5 with p ≈ 0.87
	Containment  = 0.8
	MinShingles  = 20
)

const rows = Hashes / Bands

// Signature is a document's MinHash signature and the size of its shingle set.
type Signature struct {
	Min      [Hashes]uint64
	Shingles int
}

// seeds are the fixed salts of the MinHash functions (splitmix64 of the index): signatures
// are the same in every run and every process.
var seeds = func() (s [Hashes]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()

// mix is the splitmix64 finaliser, a fast 64-bit hash of a 64-bit value.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// fnv hashes a string (FNV-1a, 64 bits).
func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Sign computes the MinHash signature of text.
func Sign(text string) Signature {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var sig Signature
	for i := range sig.Min {
		sig.Min[i] = ^uint64(0)
	}
	seen := map[uint64]bool{}
	for i := 0; i+ShingleWords <= len(words); i++ {
		h := fnv(strings.Join(words[i:i+ShingleWords], " "))
		if seen[h] {
			continue
		}
		seen[h] = true
		for j := range sig.Min {
			if v := mix(h ^ seeds[j]); v < sig.Min[j] {
				sig.Min[j] = v
			}
		}
	}
	sig.Shingles = len(seen)
	return sig
}

// Jaccard estimates the Jaccard similarity of the shingle sets of two signatures.
func (s *Signature) Jaccard(o *Signature) float64 {
	same := 0
	for i := range s.Min {
		if s.Min[i] == o.Min[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// Contained estimates the share of the smaller shingle set that the larger one contains.
func (s *Signature) Contained(o *Signature) float64 {
	if s.Shingles == 0 || o.Shingles == 0 {
		return 0
	}
	j := s.Jaccard(o)
	c := j * float64(s.Shingles+o.Shingles) / ((1 + j) * float64(min(s.Shingles, o.Shingles)))
	return min(c, 1)
}

// Dedup finds near-duplicates among the documents added to it. It is not safe for
// concurrent use.
type Dedup struct {
	ids     []string
	sigs    []*Signature
	origin  []string // the original each document duplicates ("" for originals)
	buckets map[[2]uint64][]int
}

// NewDedup returns an empty index.
func NewDedup() *Dedup { return &Dedup{buckets: map[[2]uint64][]int{}} }

// band returns the key of band b of a signature.
func band(sig *Signature, b int) [2]uint64 {
	h := uint64(b)
	for _, v := range sig.Min[b*rows : (b+1)*rows] {
		h = mix(h ^ v)
	}
	return [2]uint64{uint64(b), h}
}

// Find returns the id of the earliest added document that sig nearly duplicates (following
// a duplicate back to its original) and the estimated containment, or "" and 0.
func (d *Dedup) Find(sig *Signature) (string, float64) {
	if sig.Shingles < MinShingles {
		return "", 0
	}
	best, bestC := -1, 0.0
	seen := map[int]bool{}
	for b := 0; b < Bands; b++ {
		for _, i := range d.buckets[band(sig, b)] {
			if seen[i] {
				continue
			}
			seen[i] = true
			if c := sig.Contained(d.sigs[i]); c >= Containment && (best < 0 || i < best) {
				best, bestC = i, c
			}
		}
	}
	if best < 0 {
		return "", 0
	}
	if o := d.origin[best]; o != "" {
		return o, bestC
	}
	return d.ids[best], bestC
}

// Add indexes a document; duplicateOf is the original it duplicates, or "".
func (d *Dedup) Add(id string, sig *Signature, duplicateOf string) {
	if sig.Shingles < MinShingles {
		return
	}
	i := len(d.ids)
	d.ids, d.sigs, d.origin = append(d.ids, id), append(d.sigs, sig), append(d.origin, duplicateOf)
	for b := 0; b < Bands; b++ {
		k := band(sig, b)
		d.buckets[k] = append(d.buckets[k], i)
	}
}

// Len returns the number of documents indexed.
func (d *Dedup) Len() int { return len(d.ids) }
