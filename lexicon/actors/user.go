package actors

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// UserEntry is one actor of a user dictionary: the analyst's own list of actors, read from
// the TSV format of docs/dictionary.md or converted from a Phoenix/PETRARCH dictionary.
type UserEntry struct {
	Name    string     // canonical name
	Aliases []string   // other names
	Type    string     // PERSON, ORG, GPE, NORP, LOC, FAC or EVENT
	Country string     // ISO 3166 alpha-3 code, or ""
	Roles   []UserRole // roles held, with their dates
	Line    int        // line of the source, for errors
}

// UserRole is a role held over a date range: "Prime Minister" from 2006-05-20 to
// 2014-09-08. A role "leader_of X" makes the actor a leader of the actor X (a dictionary
// leader_of tie, which resolution uses to tell which of two same-named people held office at
// a document's date). From and To are YYYY, YYYY-MM or YYYY-MM-DD, or "" when open.
type UserRole struct {
	Role     string
	From, To string
}

// userTypes are the entity types a user entry may have.
var userTypes = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "NORP": true, "LOC": true, "FAC": true, "EVENT": true}

// maxUserField bounds one field of a user dictionary line.
const maxUserField = 1000

// ParseUser reads a user dictionary: UTF-8 text, one actor a line, tab-separated columns
//
//	name <tab> aliases separated by | <tab> type <tab> country <tab> roles separated by ;
//
// with a role written "ROLE", "ROLE FROM..TO", "ROLE FROM.." or "ROLE ..TO". Only the name
// is required; empty lines and lines starting with '#' are skipped, and so is a first line
// starting with "name<tab>" (a header). Every malformed line is an error naming its line number; the
// errors are joined, so that a file is imported whole or not at all.
func ParseUser(r io.Reader) ([]UserEntry, error) {
	var out []UserEntry
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	ln := 0
	first := true
	for sc.Scan() {
		ln++
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		if first && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
			first = false
			if strings.HasPrefix(strings.ToLower(line), "name\t") {
				continue // the header
			}
		}
		e, err := ParseUserLine(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", ln, err))
			if len(errs) >= 20 {
				errs = append(errs, errors.New("too many errors"))
				break
			}
			continue
		}
		if e == nil {
			continue
		}
		e.Line = ln
		out = append(out, *e)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line %d: longer than 1 MiB", ln+1)
		}
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// ParseUserLine reads one line of a user dictionary; a blank or comment line gives nil and
// no error.
func ParseUserLine(line string) (*UserEntry, error) {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "\ufeff"), "\r")
	if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
		return nil, nil
	}
	if !utf8.ValidString(line) {
		return nil, errors.New("not UTF-8 text")
	}
	if strings.ContainsRune(line, 0) {
		return nil, errors.New("NUL byte: binary, not a dictionary")
	}
	f := strings.Split(line, "\t")
	if len(f) > 5 {
		return nil, fmt.Errorf("%d columns, want at most 5 (name, aliases, type, country, roles)", len(f))
	}
	for len(f) < 5 {
		f = append(f, "")
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
		if len(f[i]) > maxUserField {
			return nil, fmt.Errorf("column %d is longer than %d bytes", i+1, maxUserField)
		}
	}
	e := &UserEntry{Name: clean(f[0]), Type: strings.ToUpper(f[2]), Country: strings.ToUpper(f[3])}
	if e.Name == "" || Key(e.Name, "") == "" {
		return nil, errors.New("no name in the first column")
	}
	if strings.HasPrefix(e.Name, "#") {
		return nil, errors.New("a name cannot start with # (a comment)")
	}
	seen := map[string]bool{strings.ToLower(e.Name): true}
	for _, a := range strings.Split(f[1], "|") {
		a = clean(a)
		if a == "" || seen[strings.ToLower(a)] {
			continue
		}
		seen[strings.ToLower(a)] = true
		e.Aliases = append(e.Aliases, a)
	}
	if e.Type == "" {
		e.Type = "ORG"
	}
	if !userTypes[e.Type] {
		return nil, fmt.Errorf("type %q: want PERSON, ORG, GPE, NORP, LOC, FAC or EVENT", f[2])
	}
	if e.Country != "" && !isCode3(e.Country) {
		return nil, fmt.Errorf("country %q: want an ISO 3166 alpha-3 code (IRQ) or nothing", f[3])
	}
	for _, r := range strings.Split(f[4], ";") {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		role, err := parseUserRole(r)
		if err != nil {
			return nil, err
		}
		e.Roles = append(e.Roles, role)
	}
	return e, nil
}

// parseUserRole reads "Prime Minister 2006-05-20..2014-09-08".
func parseUserRole(s string) (UserRole, error) {
	var r UserRole
	text := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 && strings.Contains(s[i+1:], "..") {
		text = strings.TrimSpace(s[:i])
		from, to, _ := strings.Cut(s[i+1:], "..")
		if (from != "" && !userDate(from)) || (to != "" && !userDate(to)) || (from != "" && to != "" && to < from) {
			return r, fmt.Errorf("role %q: dates must be YYYY, YYYY-MM or YYYY-MM-DD, FROM..TO in order", s)
		}
		r.From, r.To = from, to
	} else if strings.Contains(s, "..") {
		return r, fmt.Errorf("role %q: write the dates after the role, separated by a space", s)
	}
	r.Role = clean(text)
	if r.Role == "" {
		return r, fmt.Errorf("role %q has no name", s)
	}
	return r, nil
}

// userDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD with a plausible month and day.
func userDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i, c := range s {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	if len(s) >= 7 && (s[5:7] < "01" || s[5:7] > "12") {
		return false
	}
	if len(s) == 10 && (s[8:10] < "01" || s[8:10] > "31") {
		return false
	}
	return true
}

func isCode3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// clean collapses white space and removes the characters that separate fields.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '|', ';', '\n', '\r':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// String writes the entry as one line of the user dictionary format; ParseUserLine reads it
// back.
func (e UserEntry) String() string {
	var roles []string
	for _, r := range e.Roles {
		s := clean(r.Role)
		if r.From != "" || r.To != "" {
			s += " " + r.From + ".." + r.To
		}
		roles = append(roles, s)
	}
	var aliases []string
	for _, a := range e.Aliases {
		aliases = append(aliases, clean(a))
	}
	return strings.Join([]string{clean(e.Name), strings.Join(aliases, "|"), e.Type, e.Country, strings.Join(roles, "; ")}, "\t")
}

// ID is the dictionary id of the entry: the slug of its name.
func (e UserEntry) ID() string { return Slug(e.Name) }

// FromPhoenix converts an entry of a Phoenix/PETRARCH actor dictionary into a user entry:
// the name in title case, synonyms and acronyms as aliases, the country from the first code
// naming one of base (the first three letters of "IRQGOV"), the type PERSON for office
// holders (a "CountryInfo" or "rulers" comment), GPE for a bare country code, ORG otherwise,
// and the dated roles: a government role ("[IRQGOV 20060520-20140908]") as leader_of the
// country, any other as the CAMEO code. Names only, no corrections: see NOTES.md for the
// ones the shipped dictionary makes.
func FromPhoenix(p PhoenixEntry, base *Dictionary) UserEntry {
	name, acr := PhoenixName(p.Name)
	e := UserEntry{Name: titleCase(name), Type: "ORG", Line: p.Line}
	if acr != "" {
		e.Aliases = append(e.Aliases, acr)
	}
	seen := map[string]bool{strings.ToLower(e.Name): true}
	if acr != "" {
		seen[strings.ToLower(acr)] = true
	}
	for _, s := range p.Synonyms {
		n, a := PhoenixName(s)
		for _, x := range []string{titleCase(n), a} {
			if x != "" && !seen[strings.ToLower(x)] {
				seen[strings.ToLower(x)] = true
				e.Aliases = append(e.Aliases, x)
			}
		}
	}
	country := func(code string) *Entry {
		if base == nil || len(code) < 3 || !isCode3(code[:3]) {
			return nil
		}
		return base.Country(code[:3])
	}
	allCountry := len(p.Codes) > 0
	for _, c := range p.Codes {
		if e.Country == "" && country(c) != nil {
			e.Country = c[:3]
		}
		if len(c) != 3 {
			allCountry = false
		}
	}
	for _, r := range p.Roles {
		if e.Country == "" && country(r.Code) != nil {
			e.Country = r.Code[:3]
		}
		role := UserRole{Role: r.Code, From: r.From, To: r.To}
		if c := country(r.Code); c != nil && len(r.Code) == 6 && r.Code[3:] == "GOV" {
			role.Role = "leader_of " + c.Names[0]
		}
		if role.To != "" && role.From != "" && role.To < role.From {
			role.From, role.To = role.To, role.From
		}
		e.Roles = append(e.Roles, role)
	}
	switch {
	case strings.Contains(p.Comment, "CountryInfo") || strings.Contains(p.Comment, "rulers"):
		e.Type = "PERSON"
	case allCountry && len(p.Roles) == 0:
		e.Type = "GPE"
	}
	return e
}

// titleCase writes an upper-case dictionary name in title case, particles lower-case, short
// acronyms kept.
func titleCase(s string) string {
	if len(strings.Fields(s)) == 1 && len(s) <= 5 && strings.ToUpper(s) == s {
		return s
	}
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		parts := strings.Split(w, "-")
		for j, p := range parts {
			if p == "" {
				continue
			}
			switch p {
			case "al", "el", "of", "the", "and", "for", "in", "bin", "de":
				if i > 0 || j > 0 {
					continue
				}
			}
			rs := []rune(p)
			parts[j] = strings.ToUpper(string(rs[0])) + string(rs[1:])
		}
		ws[i] = strings.Join(parts, "-")
	}
	return strings.Join(ws, " ")
}

// With returns a new dictionary: d's entries and ties with the user entries added. A user
// entry whose id is d's replaces that entry (keeping its ISO codes and capital); a name of a
// user entry finds the user entry even where d has it too. Names two user entries share
// find neither. d is not changed.
func (d *Dictionary) With(user []UserEntry) *Dictionary {
	n := &Dictionary{}
	if d != nil {
		n.agents = d.agents
		n.Entries = append(n.Entries, d.Entries...)
		n.Ties = append(n.Ties, d.Ties...)
		for i, e := range n.Entries { // d.byID's ids and numbers
			n.byID.set(e.ID, i)
		}
	}
	var mine []int
	for _, u := range user {
		id := u.ID()
		if id == "" {
			continue
		}
		e := Entry{ID: id, Type: u.Type, Country: u.Country, Names: append([]string{u.Name}, u.Aliases...), Note: "user dictionary"}
		if i, ok := n.byID.get(id); ok {
			old := n.Entries[i]
			e.ISO2, e.Capital = old.ISO2, old.Capital
			if e.Country == "" {
				e.Country = old.Country
			}
			n.Entries[i] = e
			mine = append(mine, i)
		} else {
			n.byID.set(id, len(n.Entries))
			mine = append(mine, len(n.Entries))
			n.Entries = append(n.Entries, e)
		}
		for _, r := range u.Roles {
			t := Tie{A: id, Type: "role", B: r.Role, From: dayFrom(r.From), To: dayTo(r.To), Sector: "USER"}
			if b, ok := strings.CutPrefix(r.Role, "leader_of "); ok {
				t.Type, t.B = "leader_of", Slug(b)
				if d != nil {
					if base := d.Lookup(b, "GPE"); base != nil {
						t.B = base.ID
					}
				}
			}
			n.Ties = append(n.Ties, t)
		}
	}
	n.index()
	// User names win over the base dictionary's.
	owner := map[string]int{}
	for _, i := range mine {
		for _, name := range n.Entries[i].Names {
			k := Key(name, n.Entries[i].Type)
			if k == "" {
				continue
			}
			if j, ok := owner[k]; ok && j != i {
				owner[k] = -1
				continue
			}
			owner[k] = i
		}
	}
	for k, i := range owner {
		if i < 0 {
			n.byKey.remove(k)
		} else {
			n.byKey.set(k, i)
		}
	}
	return n
}

// dayFrom and dayTo give the first and last day of a YYYY or YYYY-MM date, so that dictionary
// ties compare as YYYY-MM-DD strings.
func dayFrom(s string) string {
	switch len(s) {
	case 4:
		return s + "-01-01"
	case 7:
		return s + "-01"
	}
	return s
}

func dayTo(s string) string {
	switch len(s) {
	case 4:
		return s + "-12-31"
	case 7:
		return s + "-31"
	}
	return s
}
