package actors

import (
	"bufio"
	"io"
	"strings"
)

// PhoenixEntry is one actor of a PETRARCH/TABARI-style actor dictionary (the Phoenix
// dictionaries): its primary name, synonyms, codes and dated roles, all as written there
// (upper-case, words joined by underscores).
type PhoenixEntry struct {
	Name     string
	Synonyms []string
	// Codes are the bracketed codes on the entry line ("IRQGOV", "PSEREB").
	Codes []string
	// Roles are the bracketed codes on the indented lines below it, with their dates.
	Roles []PhoenixRole
	// Comment is the text after '#' on the entry line ("CountryInfo.txt").
	Comment string
	Line    int
}

// PhoenixRole is a code held over a date range: "[IRQGOV 20060520-20140908]". From and To
// are YYYY-MM-DD or "" when open.
type PhoenixRole struct {
	Code     string
	From, To string
}

// ParsePhoenix reads a Phoenix/PETRARCH actor dictionary. It never fails on odd lines: what
// it cannot read it skips; only read errors are returned.
func ParsePhoenix(r io.Reader) ([]PhoenixEntry, error) {
	var out []PhoenixEntry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	ln := 0
	for sc.Scan() {
		ln++
		raw := sc.Text()
		line, comment := raw, ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line, comment = line[:i], strings.TrimSpace(raw[i+1:])
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch {
		case line[0] == '+':
			if len(out) == 0 {
				continue
			}
			e := &out[len(out)-1]
			for _, s := range strings.Split(line, "+") {
				name, codes, roles := splitCodes(s)
				if name != "" {
					e.Synonyms = append(e.Synonyms, name)
				}
				e.Codes = append(e.Codes, codes...)
				e.Roles = append(e.Roles, roles...)
			}
		case line[0] == ' ' || line[0] == '\t' || line[0] == '[':
			if len(out) == 0 {
				continue
			}
			e := &out[len(out)-1]
			_, codes, roles := splitCodes(line)
			e.Codes = append(e.Codes, codes...)
			e.Roles = append(e.Roles, roles...)
		default:
			name, codes, roles := splitCodes(line)
			if name == "" {
				continue
			}
			out = append(out, PhoenixEntry{Name: name, Codes: codes, Roles: roles, Comment: comment, Line: ln})
		}
	}
	return out, sc.Err()
}

// splitCodes splits "NAME_ [CODE] [CODE 010101-020202]" into the name and its codes:
// undated codes go to codes, dated ones to roles.
func splitCodes(s string) (name string, codes []string, roles []PhoenixRole) {
	if i := strings.IndexByte(s, '['); i >= 0 {
		name = s[:i]
		rest := s[i:]
		for {
			a := strings.IndexByte(rest, '[')
			if a < 0 {
				break
			}
			b := strings.IndexByte(rest[a:], ']')
			if b < 0 {
				break
			}
			f := strings.Fields(rest[a+1 : a+b])
			rest = rest[a+b+1:]
			if len(f) == 0 {
				continue
			}
			if len(f) == 1 {
				codes = append(codes, f[0])
				continue
			}
			from, to := phoenixRange(f[1])
			roles = append(roles, PhoenixRole{Code: f[0], From: from, To: to})
		}
	} else {
		name = s
	}
	return strings.TrimSpace(name), codes, roles
}

// phoenixRange reads "630101-031001", "20060520-20140908", "<20030320" or ">20060520".
func phoenixRange(s string) (from, to string) {
	switch {
	case strings.HasPrefix(s, "<"):
		return "", phoenixDate(s[1:])
	case strings.HasPrefix(s, ">"):
		return phoenixDate(s[1:]), ""
	}
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return phoenixDate(s), ""
	}
	return phoenixDate(a), phoenixDate(b)
}

// phoenixDate reads YYMMDD (years up to 30 are 20YY) or YYYYMMDD; a longer run of digits
// keeps its last eight (a known typo of the source: "1920030320").
func phoenixDate(s string) string {
	for _, r := range s {
		if r < '0' || r > '9' {
			return ""
		}
	}
	switch {
	case len(s) == 6:
		y := "19"
		if s[:2] <= "30" {
			y = "20"
		}
		return y + s[:2] + "-" + s[2:4] + "-" + s[4:6]
	case len(s) >= 8:
		s = s[len(s)-8:]
		return s[:4] + "-" + s[4:6] + "-" + s[6:8]
	}
	return ""
}

// PhoenixName turns a dictionary name ("NURI_AL-MALIKI_") into words ("NURI AL-MALIKI"),
// and splits off a parenthesised acronym ("ISLAMIC_ARMY_OF_ADEN_(IAA)_" -> "ISLAMIC ARMY OF
// ADEN", "IAA").
func PhoenixName(s string) (name, acronym string) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", " "))
	if i := strings.IndexByte(s, '('); i >= 0 {
		if j := strings.IndexByte(s[i:], ')'); j > 0 {
			acronym = strings.TrimSpace(s[i+1 : i+j])
			s = strings.TrimSpace(s[:i] + " " + s[i+j+1:])
		}
	}
	return strings.Join(strings.Fields(s), " "), acronym
}
