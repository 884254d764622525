package petrarch

import (
	"errors"
	"os"
	"regexp"
	"strings"
)

// Coding is one coded event: source and target actor codes and the event code.
type Coding struct {
	Source, Target, Code string
}

// Root is the CAMEO root of the coding's event code (its first two characters).
func (c Coding) Root() string {
	if len(c.Code) < 2 {
		return c.Code
	}
	return c.Code[:2]
}

// Record is one unit-test record.
type Record struct {
	ID, Category string
	Date         int // YYYYMMDD
	Text, Parse  string
	Expected     []Coding
	NoEvents     bool   // expected to code nothing
	Error        string // an expected error (bad parse, discard): also codes nothing
}

var (
	sentenceRE = regexp.MustCompile(`(?s)<Sentence\s([^>]*)>(.*?)</Sentence>`)
	attrRE     = regexp.MustCompile(`(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	codingRE   = regexp.MustCompile(`<EventCoding\s([^>]*)>`)
	commentRE  = regexp.MustCompile(`(?s)<!--.*?-->`)
	textRE     = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	parseRE    = regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`)
)

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRE.FindAllStringSubmatch(s, -1) {
		m[a[1]] = a[2] + a[3]
	}
	return m
}

// ReadRecords reads a PETRARCH validation file.
func ReadRecords(path string) ([]Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := commentRE.ReplaceAllString(string(b), "")
	var out []Record
	for _, m := range sentenceRE.FindAllStringSubmatch(s, -1) {
		a := attrs(m[1])
		r := Record{ID: a["id"], Category: a["category"], Date: parseDate(a["date"])}
		if t := textRE.FindStringSubmatch(m[2]); t != nil {
			r.Text = strings.Join(strings.Fields(t[1]), " ")
		}
		if p := parseRE.FindStringSubmatch(m[2]); p != nil {
			r.Parse = p[1]
		}
		for _, c := range codingRE.FindAllStringSubmatch(m[2], -1) {
			ca := attrs(c[1])
			switch {
			case ca["noevents"] != "":
				r.NoEvents = true
			case ca["error"] != "":
				r.Error = ca["error"]
			default:
				r.Expected = append(r.Expected, Coding{Source: strings.Trim(ca["sourcecode"], `"`),
					Target: strings.Trim(ca["targetcode"], `"`), Code: ca["eventcode"]})
			}
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, errors.New("no <Sentence> records in " + path)
	}
	return out, nil
}

// node is a node of a Penn Treebank tree.
type node struct {
	label    string
	word     string // leaves only
	children []*node
	parent   *node
	leaf     int // index among the leaves, leaves only
	first    int // first and last leaf index covered
	last     int
}

func (n *node) isLeaf() bool { return n.word != "" }

// parseTree reads "(ROOT (S (NP (NNP Arnor)) ...))". It returns an error when brackets do
// not balance.
func parseTree(s string) (*node, []*node, error) {
	s = strings.ReplaceAll(s, "(", " ( ")
	s = strings.ReplaceAll(s, ")", " ) ")
	toks := strings.Fields(s)
	var leaves []*node
	var stack []*node
	var root *node
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "(":
			n := &node{}
			if i+1 < len(toks) && toks[i+1] != "(" && toks[i+1] != ")" {
				n.label = toks[i+1]
				i++
			}
			if len(stack) > 0 {
				n.parent = stack[len(stack)-1]
				n.parent.children = append(n.parent.children, n)
			} else if root == nil {
				root = n
			} else {
				return nil, nil, errors.New("several roots")
			}
			stack = append(stack, n)
		case ")":
			if len(stack) == 0 {
				return nil, nil, errors.New("unbalanced parse: extra )")
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, nil, errors.New("word outside the tree")
			}
			top := stack[len(stack)-1]
			top.word = toks[i]
			top.leaf = len(leaves)
			leaves = append(leaves, top)
		}
	}
	if len(stack) != 0 || root == nil {
		return nil, nil, errors.New("unbalanced parse")
	}
	var span func(n *node)
	span = func(n *node) {
		if n.isLeaf() {
			n.first, n.last = n.leaf, n.leaf
			return
		}
		n.first, n.last = 1<<30, -1
		for _, c := range n.children {
			span(c)
			if c.first < n.first {
				n.first = c.first
			}
			if c.last > n.last {
				n.last = c.last
			}
		}
	}
	span(root)
	return root, leaves, nil
}
