package actors

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Agent is a noun that names an actor by its role rather than its name ("a farmer", "the
// riot police"), with the entity type it gives such an actor and, when it comes from a
// CAMEO/PETRARCH agent dictionary, the agent code (GOV, MIL, REB, COP, ...). Resolution types
// an actor that only descriptions name by the agent noun at their head.
type Agent struct {
	Noun string // lower case, words separated by single spaces
	Type string // PERSON (one person) or ORG (an institution or a body of people)
	Code string // CAMEO agent code without its "~", or ""
}

// Bounds on an agent dictionary: the bytes of one line, the nouns one noun with macros
// may stand for.
const (
	maxAgentLine  = 4096
	maxExpansions = 1000
)

// ParsePhoenixAgents reads a CAMEO/PETRARCH agent dictionary in the Phoenix format:
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN       a macro, expanded where !PERSON! appears
//	FARM_WORKER {FARM_WORKERS} [~AGR]       a noun, its plurals in braces, its agent code
//	POLICE [~COP] # a comment
//
// Underscores stand for spaces. The plurals of a person noun name a body of people (ORG);
// institution nouns (ministry, police, army, ...) are ORG; the rest are PERSON. A malformed
// line is an error naming it; the whole file is refused then.
func ParsePhoenixAgents(r io.Reader) ([]Agent, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, maxAgentLine), maxAgentLine)
	macros := map[string][]string{}
	var out []Agent
	seen := map[string]bool{}
	add := func(noun, typ, code string) {
		if noun != "" && !seen[noun] {
			seen[noun] = true
			out = append(out, Agent{Noun: noun, Type: typ, Code: code})
		}
	}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("line %d: not UTF-8", n)
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "!") {
			name, list, ok := strings.Cut(line, "=")
			name = strings.TrimSpace(name)
			if !ok || len(name) < 3 || !strings.HasSuffix(name, "!") || strings.Contains(name[1:len(name)-1], "!") {
				return nil, fmt.Errorf("line %d: a macro is !NAME! = WORD, WORD, ...", n)
			}
			var words []string
			for _, w := range strings.Split(list, ",") {
				if w = strings.TrimSpace(w); w != "" {
					words = append(words, w)
				}
			}
			if len(words) == 0 {
				return nil, fmt.Errorf("line %d: macro %s has no words", n, name)
			}
			macros[name] = words
			continue
		}
		open, close := strings.LastIndexByte(line, '['), strings.LastIndexByte(line, ']')
		if open < 0 || close < open || strings.TrimSpace(line[close+1:]) != "" {
			return nil, fmt.Errorf("line %d: want NOUN {PLURALS} [~CODE]", n)
		}
		code := strings.TrimSpace(line[open+1 : close])
		if !strings.HasPrefix(code, "~") || len(code) < 2 || strings.ContainsAny(code[1:], " \t~[]{}") {
			return nil, fmt.Errorf("line %d: agent code %q: want ~ and letters (~GOV)", n, code)
		}
		code = code[1:]
		head := strings.TrimSpace(line[:open])
		var plurals []string
		if i := strings.IndexByte(head, '{'); i >= 0 {
			j := strings.IndexByte(head, '}')
			if j < i || strings.TrimSpace(head[j+1:]) != "" {
				return nil, fmt.Errorf("line %d: unclosed {plurals}", n)
			}
			for _, p := range strings.Split(head[i+1:j], ",") {
				if p = strings.TrimSpace(p); p != "" {
					plurals = append(plurals, p)
				}
			}
			head = strings.TrimSpace(head[:i])
		}
		if head == "" || strings.ContainsAny(head, " \t{}") {
			return nil, fmt.Errorf("line %d: want one NOUN (words joined by _) before the code", n)
		}
		nouns, err := expandMacros(head, macros)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		for _, noun := range nouns {
			add(agentNoun(noun), agentTypeOf(agentNoun(noun), false), code)
		}
		for _, p := range plurals {
			ps, err := expandMacros(p, macros)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			for _, noun := range ps {
				add(agentNoun(noun), agentTypeOf(agentNoun(noun), true), code)
			}
		}
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, fmt.Errorf("a line longer than %d bytes", maxAgentLine)
		}
		return nil, err
	}
	return out, nil
}

// expandMacros returns the words a noun with !MACRO! parts stands for.
func expandMacros(noun string, macros map[string][]string) ([]string, error) {
	i := strings.IndexByte(noun, '!')
	if i < 0 {
		return []string{noun}, nil
	}
	j := strings.IndexByte(noun[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("unclosed macro in %q", noun)
	}
	name := noun[i : i+j+2]
	words, ok := macros[name]
	if !ok {
		return nil, fmt.Errorf("macro %s used before it is defined", name)
	}
	var out []string
	for _, w := range words {
		rest, err := expandMacros(noun[i+j+2:], macros)
		if err != nil {
			return nil, err
		}
		for _, r := range rest {
			out = append(out, noun[:i]+w+r)
		}
		if len(out) > maxExpansions {
			return nil, fmt.Errorf("%q stands for more than %d nouns", noun, maxExpansions)
		}
	}
	return out, nil
}

// agentNoun is the lower-case, space-separated form of a dictionary noun.
func agentNoun(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
}

// agentTypeOf types an agent noun: an institution or body (by its head word, or by the
// shipped agent table) is ORG, as is the plural of a person noun; the rest is PERSON.
func agentTypeOf(noun string, plural bool) string {
	if t := AgentType(noun); t != "" {
		return t
	}
	if plural {
		return "ORG"
	}
	ws := strings.Fields(noun)
	if len(ws) == 0 {
		return "PERSON"
	}
	head := ws[len(ws)-1]
	if strings.HasSuffix(head, "men") {
		return "ORG" // herdsmen, gunmen: a body of people
	}
	for _, suf := range []string{"ry", "ries", "ment", "ments", "tion", "tions", "ity", "ities", "cy", "cies", "ate", "ates", "ure", "ures"} {
		if strings.HasSuffix(head, suf) && len(head) > len(suf)+2 {
			return "ORG"
		}
	}
	return "PERSON"
}

// WithAgents returns a new dictionary: d with the agent nouns added; an added noun wins over
// the shipped agent table. d is not changed.
func (d *Dictionary) WithAgents(agents []Agent) *Dictionary {
	n := *d
	n.agents = map[string]string{}
	for k, v := range d.agents {
		n.agents[k] = v
	}
	for _, a := range agents {
		n.agents[a.Noun] = a.Type
	}
	return &n
}

// AgentType is the package's AgentType with the agent nouns added to d (WithAgents) looked up
// first: the longest added noun that ends the description wins.
func (d *Dictionary) AgentType(desc string) string {
	if d != nil && len(d.agents) > 0 {
		ws := strings.Fields(strings.ToLower(desc))
		for i := range ws {
			if t, ok := d.agents[strings.Trim(strings.Join(ws[i:], " "), ".,;:!?\"'’")]; ok {
				return t
			}
		}
	}
	return AgentType(desc)
}

// String is the agent in the form the store keeps it: noun <tab> type <tab> code.
func (a Agent) String() string { return a.Noun + "\t" + a.Type + "\t" + a.Code }

// ParseAgentLine reads an agent back from its String form.
func ParseAgentLine(s string) (Agent, error) {
	f := strings.Split(s, "\t")
	if len(f) != 3 || f[0] == "" || (f[1] != "PERSON" && f[1] != "ORG") {
		return Agent{}, fmt.Errorf("agent %q: want noun, PERSON or ORG, code", s)
	}
	return Agent{Noun: f[0], Type: f[1], Code: f[2]}, nil
}
