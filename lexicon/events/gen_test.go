package events

import (
	"bufio"
	"flag"
	"fmt"
	"github.com/faultline/faultline/internal/sharedtest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var regen = flag.Bool("regen", false, "regenerate plover.tsv, goldstein.tsv and petrarch_verbs.tsv from ../shared/corpora/eventdata")

// shared returns ../shared/corpora/eventdata, walking up from the package to the module root.
func shared(t *testing.T) string {
	return filepath.Join(sharedtest.Dir(t, "corpora", "eventdata"), "corpora", "eventdata")
}

// TestRegenerate rebuilds the converted data files: go test ./lexicon/events -run TestRegenerate -regen
func TestRegenerate(t *testing.T) {
	if !*regen {
		t.Skip("run with -regen to rebuild the converted tables")
	}
	dir := shared(t)
	genPLOVER(t, filepath.Join(dir, "plover", "CAMEO2PLOVER-2021.txt"))
	genGoldstein(t, filepath.Join(dir, "phoenix_pipeline", "cameo_goldstein_quad.tsv"))
	genPetrarch(t, filepath.Join(dir, "petrarch2", "CAMEO.2.0.txt"))
}

func lines(t *testing.T, path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

func genPLOVER(t *testing.T, path string) {
	var b strings.Builder
	b.WriteString("# CAMEO code -> PLOVER event type and mode. Converted by `go test ./lexicon/events -run TestRegenerate -regen`\n")
	b.WriteString("# from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, Philip Schrodt), CC BY-SA 4.0. Columns: cameo, type, mode.\n")
	re := regexp.MustCompile(`^([0-9]{2,4}):\s*([A-Z]+)\s*,\s*([^,#]*)`)
	for _, l := range lines(t, path) {
		m := re.FindStringSubmatch(l)
		if m == nil || len(m[1]) == 2 {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", m[1], m[2], strings.TrimSpace(m[3]))
	}
	b.WriteString("# faultline additions (not in the conversion table): CAMEO 02 (appeal) has no PLOVER\n# category; faultline types appeals as REQUEST. CAMEO 01 (public statement) is not an event.\n")
	for _, c := range []string{"020", "021", "022", "023", "024", "025", "026", "027", "028"} {
		fmt.Fprintf(&b, "%s\tREQUEST\t\n", c)
	}
	write(t, "plover.tsv", b.String())
}

func genGoldstein(t *testing.T, path string) {
	var b strings.Builder
	b.WriteString("# CAMEO code -> Goldstein score and quad class. Converted by `go test ./lexicon/events -run TestRegenerate -regen`\n")
	b.WriteString("# from openeventdata/phoenix_pipeline cameo_goldstein_quad.tsv (MIT). Columns: cameo, goldstein, quad.\n")
	for _, l := range lines(t, path) {
		f := strings.Split(l, "\t")
		if len(f) < 4 || strings.HasPrefix(l, "#") || f[0] == "cameo" {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", f[0], f[1], f[3])
	}
	write(t, "goldstein.tsv", b.String())
}

// genPetrarch lists each verb of a CAMEO.2.0.txt verb block that has a default code, with
// that code and its irregular forms. Patterns are not converted: the hand codebook carries
// the phrases faultline needs.
func genPetrarch(t *testing.T, path string) {
	block := regexp.MustCompile(`^---\s+([A-Z_]+)\s+\[([0-9]{3,4})[^\]]*\]`)
	verb := regexp.MustCompile(`^([A-Z][A-Z_'-]*)\s*(\{([^}]*)\})?`)
	code := ""
	seen := map[string]bool{}
	var rows []string
	sc := bufio.NewScanner(strings.NewReader(strings.Join(lines(t, path), "\n")))
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "---") {
			code = ""
			if m := block.FindStringSubmatch(l); m != nil {
				code = m[2]
			}
			continue
		}
		if code == "" || strings.HasPrefix(l, "-") || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "+") || strings.HasPrefix(l, "&") {
			continue
		}
		m := verb.FindStringSubmatch(l)
		if m == nil || strings.Contains(m[1], "_") || code[:2] == "01" {
			continue // multi-word entries and statements are left to the hand codebook
		}
		w := strings.ToLower(m[1])
		if seen[w] {
			continue
		}
		seen[w] = true
		var forms []string
		for _, f := range strings.Fields(m[3]) {
			forms = append(forms, strings.ToLower(f))
		}
		rows = append(rows, fmt.Sprintf("%s\tV\t%s\t\t%s", w, code, strings.Join(forms, ",")))
	}
	sort.Strings(rows)
	var b strings.Builder
	b.WriteString("# Verbs with their default CAMEO code, converted from PETRARCH2 CAMEO.2.0.txt (MIT, Open Event\n")
	b.WriteString("# Data Alliance) by `go test ./lexicon/events -run TestRegenerate -regen`. Same columns as\n# codebook.tsv; codebook.tsv entries take precedence. Do not edit: edit codebook.tsv.\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	write(t, "petrarch_verbs.tsv", b.String())
}

func write(t *testing.T, name, s string) {
	if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
