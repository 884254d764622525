package actors

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// refDict is the dictionary as Parse built it before its indexes were packed (plain maps of
// strings, a bufio.Scanner over the lines): the reference the packed one must match.
type refDict struct {
	Entries []Entry
	Ties    []Tie
	byID    map[string]int
	byKey   map[string]int
	ties    map[string][]int
}

func parseRef(r io.Reader) (*refDict, error) {
	d := &refDict{byID: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		switch f[0] {
		case "E":
			if len(f) < 5 || f[1] == "" || f[4] == "" {
				return nil, fmt.Errorf("actors: line %d: entry needs id, type, country and names", ln)
			}
			e := Entry{ID: f[1], Type: f[2], Country: f[3], Names: strings.Split(f[4], "|")}
			if len(f) > 5 {
				e.ISO2 = f[5]
			}
			if len(f) > 6 {
				e.Capital = f[6]
			}
			if len(f) > 7 {
				e.Note = f[7]
			}
			if _, dup := d.byID[e.ID]; dup {
				return nil, fmt.Errorf("actors: line %d: duplicate id %q", ln, e.ID)
			}
			d.byID[e.ID] = len(d.Entries)
			d.Entries = append(d.Entries, e)
		case "T":
			if len(f) < 4 || f[1] == "" || f[2] == "" || f[3] == "" {
				return nil, fmt.Errorf("actors: line %d: tie needs a, type and b", ln)
			}
			t := Tie{A: f[1], Type: f[2], B: f[3]}
			if len(f) > 4 {
				t.From = f[4]
			}
			if len(f) > 5 {
				t.To = f[5]
			}
			if len(f) > 6 {
				t.Sector = f[6]
			}
			d.Ties = append(d.Ties, t)
		default:
			return nil, fmt.Errorf("actors: line %d: unknown record %q", ln, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	d.byKey, d.ties = map[string]int{}, map[string][]int{}
	amb := map[string]bool{}
	for i, e := range d.Entries {
		for _, n := range e.Names {
			k := Key(n, e.Type)
			if k == "" {
				continue
			}
			if j, ok := d.byKey[k]; ok && j != i {
				amb[k] = true
				continue
			}
			d.byKey[k] = i
		}
	}
	for k := range amb {
		delete(d.byKey, k)
	}
	for i, t := range d.Ties {
		d.ties[t.A] = append(d.ties[t.A], i)
	}
	return d, nil
}

// sameDict fails t unless d answers every lookup as ref: entries, ties, ids, name keys (and
// names that are no key), ties by id.
func sameDict(t *testing.T, d *Dictionary, ref *refDict) {
	t.Helper()
	if !reflect.DeepEqual(d.Entries, ref.Entries) && (len(d.Entries) > 0 || len(ref.Entries) > 0) ||
		!reflect.DeepEqual(d.Ties, ref.Ties) && (len(d.Ties) > 0 || len(ref.Ties) > 0) {
		t.Fatalf("entries or ties differ:\n%+v\n%+v", d.Entries, ref.Entries)
	}
	probes := []string{"", "x", "nobody at all"}
	for id, i := range ref.byID {
		if e := d.Entry(id); e == nil || e != &d.Entries[i] {
			t.Fatalf("Entry(%q) = %v, want entry %d", id, e, i)
		}
		probes = append(probes, id, id+"x")
	}
	for k, i := range ref.byKey {
		if e := d.LookupKey(k); e == nil || e != &d.Entries[i] {
			t.Fatalf("LookupKey(%q) = %v, want entry %d", k, e, i)
		}
	}
	for _, e := range ref.Entries {
		for _, n := range e.Names {
			probes = append(probes, Key(n, e.Type), n, Key(n, "ORG"))
		}
	}
	for _, p := range probes {
		i, ok := ref.byKey[p]
		if e := d.LookupKey(p); (e != nil) != ok || ok && e != &d.Entries[i] {
			t.Fatalf("LookupKey(%q) = %v, want %v", p, e, ok)
		}
		if _, ok := ref.byID[p]; (d.Entry(p) != nil) != ok {
			t.Fatalf("Entry(%q) found = %v, want %v", p, !ok, ok)
		}
		var want []Tie
		for _, i := range ref.ties[p] {
			want = append(want, ref.Ties[i])
		}
		if got := d.TiesOf(p); !reflect.DeepEqual(got, want) {
			t.Fatalf("TiesOf(%q) = %v, want %v", p, got, want)
		}
	}
	for id := range ref.ties {
		var want []Tie
		for _, i := range ref.ties[id] {
			want = append(want, ref.Ties[i])
		}
		if got := d.TiesOf(id); !reflect.DeepEqual(got, want) {
			t.Fatalf("TiesOf(%q) = %v, want %v", id, got, want)
		}
	}
}

// TestParseMatchesRef pins the shipped dictionary (Default) and Parse against parseRef.
func TestParseMatchesRef(t *testing.T) {
	ref, err := parseRef(strings.NewReader(dictTSV))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sameDict(t, d, ref)
	d, err = Parse(strings.NewReader(dictTSV))
	if err != nil {
		t.Fatal(err)
	}
	sameDict(t, d, ref)
}

// FuzzParseMatchesRef: Parse and parseRef accept the same inputs, fail with the same error and
// answer the same lookups.
func FuzzParseMatchesRef(f *testing.F) {
	f.Add("E\tx\tORG\tIRQ\tX Front|XF\tIQ\tBaghdad\tnote\r\nT\tx\tleader_of\ty\t2001\t\tGOV\nT\tx\tmember_of\tz")
	f.Add("E\ta\tORG\t\tSame Name\nE\tb\tORG\t\tSame Name|B\nE\ta\tGPE\t\tA\n")
	f.Add("E\t\t\t\t|||\n")
	f.Add("T\ta\tb\tc\n#\n\n\r\nX\n")
	f.Fuzz(func(t *testing.T, s string) {
		ref, rerr := parseRef(strings.NewReader(s))
		d, err := Parse(strings.NewReader(s))
		if fmt.Sprint(err) != fmt.Sprint(rerr) {
			t.Fatalf("Parse error %v, reference %v", err, rerr)
		}
		if err == nil {
			sameDict(t, d, ref)
		}
	})
}

// TestParseLongLine: a line of 4 MiB fails as it did with bufio.Scanner.
func TestParseLongLine(t *testing.T) {
	for _, n := range []int{maxLine - 2, maxLine - 1, maxLine} {
		s := "# " + strings.Repeat("x", n-2) + "\nE\ta\tORG\t\tA\n"
		_, err := Parse(strings.NewReader(s))
		_, rerr := parseRef(strings.NewReader(s))
		if fmt.Sprint(err) != fmt.Sprint(rerr) {
			t.Errorf("line of %d bytes: Parse error %v, reference %v", n, err, rerr)
		}
	}
}

// TestParseReadError: a read error after the text fails as it did with bufio.Scanner, which
// still reads the last line, cut short by the error, and reports a malformed one.
func TestParseReadError(t *testing.T) {
	for _, s := range []string{"E\ta\tORG\t\tA\nX", "E\ta\tORG\t\tA\nE\ta\tORG\t\tB", "E\ta\tORG\t\tA\n", "E\ta\tORG\t\tA"} {
		boom := errors.New("boom")
		_, err := Parse(io.MultiReader(strings.NewReader(s), iotest.ErrReader(boom)))
		_, rerr := parseRef(io.MultiReader(strings.NewReader(s), iotest.ErrReader(boom)))
		if fmt.Sprint(err) != fmt.Sprint(rerr) {
			t.Errorf("%q then a read error: Parse error %v, reference %v", s, err, rerr)
		}
	}
}
