// Package petrarch is a small dictionary-driven event coder in the style of PETRARCH2, used
// to run PETRARCH's unit-test records (PETR.UnitTest.records.xml) against the
// PETR.Validate.* actor, agent, verb and discard dictionaries. It reads the Penn Treebank
// parse that each record carries: the subject NP of a verb phrase is the source, the first
// NP after the verb with an actor (directly or inside a PP) the target, "by" phrases of
// passives swap them; actors and agents are matched in the words of those NPs (agents add
// their code to the actor's: "Arnor's foreign minister" = ARN + GOVFRM); the verb's code
// is the default of its verb block or that of the longest matching pattern.
//
// It implements the parts of the dictionary language the unit tests exercise most: actor
// synonyms and date-restricted codes, agent prefixes and suffixes with plurals and
// substitutions, verb forms and irregular forms, multi-word verbs, patterns with
// words before and after the verb ("_" = adjacent, space = gaps allowed) and synsets,
// compound subjects and objects, paired codes ("032:033"), and discards.
package petrarch

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// datedCode is an actor code valid in a date range (YYYYMMDD, inclusive; 0 = open).
type datedCode struct {
	code     string
	from, to int
}

// phrase is a dictionary phrase: upper-case words; adjacent[i] says word i+1 must follow
// word i directly (always true here: actor and agent phrases are contiguous).
type phrase []string

type actor struct {
	words phrase
	exact bool // the entry ended in "_": no stem matching of its last word
	codes []datedCode
}

type agent struct {
	words  phrase
	code   string
	prefix bool // "NGO~": the code goes before the actor's
}

// Dictionaries are the PETRARCH dictionaries a Coder reads.
type Dictionaries struct {
	actors   []actor
	agents   []agent
	verbs    map[string][]*verbForm // by the verb's head word form
	discards [][]string
	synsets  map[string][][]string
	byFirst  map[string][]int // actor indexes by first word
}

// index builds the first-word index of the actors once.
func (d *Dictionaries) index() {
	if d.byFirst != nil {
		return
	}
	d.byFirst = map[string][]int{}
	for i, a := range d.actors {
		if len(a.words) > 0 {
			d.byFirst[a.words[0]] = append(d.byFirst[a.words[0]], i)
		}
	}
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out, sc.Err()
}

// stripComment removes a # comment and XML comment lines.
func stripComment(l string) string {
	if i := strings.Index(l, "#"); i >= 0 {
		l = l[:i]
	}
	return strings.TrimRight(l, " \t\r")
}

func words(s string) phrase {
	s = strings.ReplaceAll(s, "_", " ")
	return phrase(strings.Fields(strings.ToUpper(s)))
}

var codeRE = regexp.MustCompile(`\[([^\]]*)\]`)

// parseDate reads 6-digit (YYMMDD, 19YY) or 8-digit dates.
func parseDate(s string) int {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	if len(s) == 6 {
		return 19000000 + n
	}
	return n
}

// parseCode reads "HOB", "HOB <950601", "HOBREB > 990816", "HOBGOV 19950601 - 19990815".
func parseCode(s string) (datedCode, bool) {
	s = strings.TrimSpace(s)
	f := strings.Fields(s)
	if len(f) == 0 {
		return datedCode{}, false
	}
	c := datedCode{code: f[0]}
	rest := strings.TrimSpace(s[len(f[0]):])
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "<"):
		c.to = parseDate(rest[1:]) - 1
	case strings.HasPrefix(rest, ">"):
		c.from = parseDate(rest[1:]) + 1
	case strings.Contains(rest, "-"):
		a, b, _ := strings.Cut(rest, "-")
		c.from, c.to = parseDate(a), parseDate(b)
	default:
		return datedCode{}, false // a malformed restriction: ignore the line
	}
	if c.from == 0 && c.to == 0 && rest != "" {
		return datedCode{}, false
	}
	return c, true
}

// ReadActors reads an actor dictionary: "NAME [CODE]" lines, "+SYNONYM" lines, and
// indented "[CODE date-restriction]" lines that belong to the latest entry.
func (d *Dictionaries) ReadActors(path string) error {
	lines, err := readLines(path)
	if err != nil {
		return err
	}
	var group []int // indexes of the entries sharing the current codes
	for _, raw := range lines {
		if strings.HasPrefix(strings.TrimSpace(raw), "<") {
			continue
		}
		l := stripComment(raw)
		if strings.TrimSpace(l) == "" {
			continue
		}
		codes := codeRE.FindAllStringSubmatch(l, -1)
		name := strings.TrimSpace(codeRE.ReplaceAllString(l, ""))
		switch {
		case name == "" && len(codes) > 0: // an indented code line
			for _, c := range codes {
				if dc, ok := parseCode(c[1]); ok {
					for _, g := range group {
						d.actors[g].codes = append(d.actors[g].codes, dc)
					}
				}
			}
		case strings.HasPrefix(name, "+"):
			a := actor{words: words(name[1:]), exact: strings.HasSuffix(name, "_")}
			if len(group) > 0 {
				a.codes = append([]datedCode{}, d.actors[group[0]].codes...)
			}
			d.actors = append(d.actors, a)
			group = append(group, len(d.actors)-1)
		default:
			a := actor{words: words(name), exact: strings.HasSuffix(name, "_")}
			for _, c := range codes {
				if dc, ok := parseCode(c[1]); ok {
					a.codes = append(a.codes, dc)
				}
			}
			d.actors = append(d.actors, a)
			group = []int{len(d.actors) - 1}
		}
	}
	return nil
}

// ReadAgents reads an agent dictionary: "!SUB! = A, B" substitutions and
// "PHRASE {PLURALS} [~CODE]" entries ({} alone: regular plural).
func (d *Dictionaries) ReadAgents(path string) error {
	lines, err := readLines(path)
	if err != nil {
		return err
	}
	subs := map[string][]string{}
	for _, raw := range lines {
		if strings.HasPrefix(strings.TrimSpace(raw), "<") {
			continue
		}
		l := stripComment(raw)
		if strings.TrimSpace(l) == "" {
			continue
		}
		if strings.HasPrefix(l, "!") && strings.Contains(l, "=") {
			k, v, _ := strings.Cut(l, "=")
			for _, w := range strings.Split(v, ",") {
				subs[strings.TrimSpace(k)] = append(subs[strings.TrimSpace(k)], strings.TrimSpace(w))
			}
			continue
		}
		m := codeRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		code := strings.TrimSpace(m[1])
		prefix := strings.HasSuffix(code, "~")
		code = strings.Trim(code, "~ ")
		l = strings.TrimSpace(codeRE.ReplaceAllString(l, ""))
		var plurals []string
		regular := false
		if i := strings.Index(l, "{"); i >= 0 {
			j := strings.Index(l, "}")
			if j > i {
				inner := strings.TrimSpace(l[i+1 : j])
				if inner == "" {
					regular = true
				} else {
					plurals = strings.Fields(inner)
				}
				l = strings.TrimSpace(l[:i] + l[j+1:])
			}
		} else {
			regular = true
		}
		forms := []string{l}
		for k, vs := range subs {
			if strings.Contains(l, k) {
				forms = nil
				for _, v := range vs {
					forms = append(forms, strings.ReplaceAll(l, k, v))
				}
			}
		}
		for _, f := range forms {
			all := []string{f}
			if regular {
				all = append(all, plural(f))
			}
			all = append(all, plurals...)
			for _, x := range all {
				d.agents = append(d.agents, agent{words: words(x), code: code, prefix: prefix})
			}
		}
	}
	return nil
}

func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "MAN"):
		return s[:len(s)-3] + "MEN"
	case strings.HasSuffix(s, "Y") && !strings.HasSuffix(s, "EY") && !strings.HasSuffix(s, "AY"):
		return s[:len(s)-1] + "IES"
	case strings.HasSuffix(s, "S") || strings.HasSuffix(s, "SH") || strings.HasSuffix(s, "CH") || strings.HasSuffix(s, "X"):
		return s + "ES"
	}
	return s + "S"
}

// ReadDiscards reads a discard list: phrases whose presence discards the sentence.
func (d *Dictionaries) ReadDiscards(path string) error {
	lines, err := readLines(path)
	if err != nil {
		return err
	}
	for _, raw := range lines {
		l := strings.TrimSpace(stripComment(raw))
		l = strings.TrimPrefix(l, "+")
		if l == "" || strings.HasPrefix(l, "<") {
			continue
		}
		d.discards = append(d.discards, words(l))
	}
	return nil
}

// Load reads the four PETR.Validate.* dictionaries (or any set with the same names) in dir.
func Load(dir string, prefix string) (*Dictionaries, error) {
	d := &Dictionaries{verbs: map[string][]*verbForm{}, synsets: map[string][][]string{}}
	for _, f := range []struct {
		name string
		read func(string) error
	}{{"actors.txt", d.ReadActors}, {"agents.txt", d.ReadAgents}, {"verbs.txt", d.ReadVerbs}, {"discards.txt", d.ReadDiscards}} {
		if err := f.read(dir + "/" + prefix + f.name); err != nil {
			return nil, err
		}
	}
	return d, nil
}
