package ner

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Word clusters: classes of words that occur in similar contexts, learnt from unlabelled
// text at training time (the training sentences and UD English EWT train) by the exchange
// algorithm of Kneser and Ney (1993) / Martin, Liermann and Ney (1998): every word is moved
// to the class that most raises the likelihood of a class bigram model, until few words
// move. Words in one class behave alike ("album" and "film", "signed" and "joined"), so a
// feature that fires on the class carries what the tagger learnt about some of its words to
// the others: the classic cheap help for text unlike the training data. Two runs give two
// granularities (coarseClasses, fineClasses); words seen fewer than minClusterCount times
// have no class.

const (
	coarseClasses   = 64
	fineClasses     = 320
	minClusterCount = 3
	clusterRounds   = 12
)

// clusterKey is the form of a word that is clustered: as written, with any word holding a
// digit reduced to its shape (1990 and 2006 are one word).
func clusterKey(w string) string {
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return string(appendClusterKey(nil, w))
	}
	return w
}

// appendClusterKey appends clusterKey(w) to b.
func appendClusterKey(b []byte, w string) []byte {
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return shapeBytes(append(b, "<d>"...), w)
	}
	return append(b, w...)
}

// learnClusters clusters the words of sents and returns, per word (clusterKey), its coarse
// class + 1 in the low 16 bits and its fine class + 1 in the high 16 bits.
func learnClusters(sents [][]string) map[string]uint32 {
	// vocabulary: words seen minClusterCount times or more; the others are two pseudo-words
	// (capitalised or not) that take part in the counts but get no class of their own.
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			count[clusterKey(w)]++
		}
	}
	const bos, rareCap, rareLow = "<s>", "<rare:X>", "<rare:x>"
	var vocab []string
	for w, n := range count {
		if n >= minClusterCount {
			vocab = append(vocab, w)
		}
	}
	vocab = append(vocab, bos, rareCap, rareLow)
	sort.Slice(vocab, func(i, j int) bool {
		ni, nj := count[vocab[i]], count[vocab[j]]
		if ni != nj {
			return ni > nj
		}
		return vocab[i] < vocab[j]
	})
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i)
	}
	idOf := func(w string) int32 {
		k := clusterKey(w)
		if count[k] >= minClusterCount {
			return id[k]
		}
		if isCap(w) {
			return id[rareCap]
		}
		return id[rareLow]
	}
	// bigram counts, as adjacency lists in both directions
	pair := map[[2]int32]int32{}
	uni := make([]int64, len(vocab))
	for _, s := range sents {
		prev := id[bos]
		uni[prev]++
		for _, w := range s {
			c := idOf(w)
			pair[[2]int32{prev, c}]++
			uni[c]++
			prev = c
		}
		pair[[2]int32{prev, id[bos]}]++
	}
	type nb struct{ v, n int32 }
	right := make([][]nb, len(vocab))
	left := make([][]nb, len(vocab))
	keys := make([][2]int32, 0, len(pair))
	for k := range pair {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		n := pair[k]
		right[k[0]] = append(right[k[0]], nb{k[1], n})
		left[k[1]] = append(left[k[1]], nb{k[0], n})
	}
	var total int64
	for _, n := range uni {
		total += n
	}
	run := func(nc int) []int32 {
		class := make([]int32, len(vocab))
		for i := range class {
			class[i] = int32(i % nc)
		}
		big := make([]int64, nc*nc)
		cnt := make([]int64, nc)
		for _, k := range keys {
			big[int(class[k[0]])*nc+int(class[k[1]])] += int64(pair[k])
		}
		for i, n := range uni {
			cnt[class[i]] += n
		}
		rw := make([]int64, nc)
		lw := make([]int64, nc)
		var rt, lt []int32
		for round := 0; round < clusterRounds; round++ {
			moved := 0
			for w := range vocab {
				a := int(class[w])
				rt, lt = rt[:0], lt[:0]
				var self int64
				for _, e := range right[w] {
					if int(e.v) == w {
						self += int64(e.n)
						continue
					}
					c := class[e.v]
					if rw[c] == 0 {
						rt = append(rt, c)
					}
					rw[c] += int64(e.n)
				}
				for _, e := range left[w] {
					if int(e.v) == w {
						continue
					}
					c := class[e.v]
					if lw[c] == 0 {
						lt = append(lt, c)
					}
					lw[c] += int64(e.n)
				}
				nw := uni[w]
				// take w out of its class
				for _, c := range rt {
					big[a*nc+int(c)] -= rw[c]
				}
				for _, c := range lt {
					big[int(c)*nc+a] -= lw[c]
				}
				big[a*nc+a] -= self
				cnt[a] -= nw
				best, bestGain := a, math.Inf(-1)
				for b := 0; b < nc; b++ {
					g := -2 * (xlogx(cnt[b]+nw) - xlogx(cnt[b]))
					row := big[b*nc : b*nc+nc]
					for _, c := range rt {
						x := row[c]
						g += xlogx(x+rw[c]) - xlogx(x)
					}
					for _, c := range lt {
						x := big[int(c)*nc+b]
						g += xlogx(x+lw[c]) - xlogx(x)
					}
					// the cell (b, b) gets rw[b], lw[b] and the self bigrams at once
					bb := big[b*nc+b]
					g += xlogx(bb+rw[b]+lw[b]+self) - xlogx(bb+rw[b]) - xlogx(bb+lw[b]) + xlogx(bb)
					if g > bestGain+1e-9 {
						best, bestGain = b, g
					}
				}
				for _, c := range rt {
					big[best*nc+int(c)] += rw[c]
				}
				for _, c := range lt {
					big[int(c)*nc+best] += lw[c]
				}
				big[best*nc+best] += self
				cnt[best] += nw
				if best != a {
					class[w] = int32(best)
					moved++
				}
				for _, c := range rt {
					rw[c] = 0
				}
				for _, c := range lt {
					lw[c] = 0
				}
			}
			if moved*1000 < len(vocab) {
				break
			}
		}
		return class
	}
	coarse := run(coarseClasses)
	fine := run(fineClasses)
	out := make(map[string]uint32, len(vocab))
	for i, w := range vocab {
		if w == bos || w == rareCap || w == rareLow {
			continue
		}
		out[w] = uint32(coarse[i]+1) | uint32(fine[i]+1)<<16
	}
	return out
}

// xlogx is x·ln x (0 for 0), from a table for small counts.
func xlogx(x int64) float64 {
	if x < int64(len(xlogxTab)) {
		return xlogxTab[x]
	}
	f := float64(x)
	return f * math.Log(f)
}

var xlogxTab = func() []float64 {
	t := make([]float64, 1<<16)
	for i := 1; i < len(t); i++ {
		f := float64(i)
		t[i] = f * math.Log(f)
	}
	return t
}()
