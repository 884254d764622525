package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/faultline/faultline/extract/event/petrarch"
	"github.com/spf13/cobra"
)

// petrarchCmd is `faultline eval petrarch`: PETRARCH's unit-test records coded with its
// validation dictionaries.
var petrarchCmd = &cobra.Command{
	Use:   "petrarch --records FILE --dictionaries DIR",
	Short: "Code PETRARCH's unit-test records and report the share coded as expected",
	Long: `petrarch codes each record of a PETRARCH validation file (e.g.
../shared/corpora/eventdata/petrarch2/PETR.UnitTest.records.xml) with the PETR.Validate.*
actor, agent, verb and discard dictionaries in DIR, reading the Penn Treebank parse each
record carries, and counts the records coded exactly as expected: the same set of
(source, target, CAMEO root); records expected to code nothing must code nothing.
"covered" counts records whose expected codings were all found (extra ones allowed).
Last line: petrarch records=N correct=SHARE covered=SHARE`,
	RunE: func(cmd *cobra.Command, args []string) error {
		recPath, _ := cmd.Flags().GetString("records")
		dir, _ := cmd.Flags().GetString("dictionaries")
		verbose, _ := cmd.Flags().GetBool("verbose")
		if recPath == "" || dir == "" {
			return fmt.Errorf("--records and --dictionaries are required")
		}
		d, err := petrarch.Load(filepath.Clean(dir), "PETR.Validate.")
		if err != nil {
			return err
		}
		recs, err := petrarch.ReadRecords(recPath)
		if err != nil {
			return err
		}
		c := &petrarch.Coder{D: d}
		res, got := c.Evaluate(recs)
		w := cmd.OutOrStdout()
		cats := map[string][2]int{}
		var order []string
		for _, r := range recs {
			ok := petrarch.Same(r, got[r.ID])
			n := cats[r.Category]
			if n[1] == 0 {
				order = append(order, r.Category)
			}
			n[1]++
			if ok {
				n[0]++
			}
			cats[r.Category] = n
			if verbose && !ok {
				fmt.Fprintf(w, "MISS %s %s\n  want %s\n  got  %s\n", r.ID, r.Text, fmtCodings(r.Expected), fmtCodings(got[r.ID]))
			}
		}
		for _, k := range order {
			fmt.Fprintf(w, "%-10s %3d/%-3d\n", k, cats[k][0], cats[k][1])
		}
		share := func(n int) string { return fmt.Sprintf("%.3f", float64(n)/float64(max(res.Records, 1))) }
		fmt.Fprintf(w, "petrarch records=%d correct=%s covered=%s correct_n=%d\n", res.Records, share(res.Correct), share(res.Covered), res.Correct)
		return nil
	},
}

func fmtCodings(cs []petrarch.Coding) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.Source+"→"+c.Target+":"+c.Code)
	}
	return "[" + strings.Join(s, " ") + "]"
}

func init() {
	petrarchCmd.Flags().String("records", "", "PETRARCH validation records (XML)")
	petrarchCmd.Flags().String("dictionaries", "", "directory with PETR.Validate.{actors,agents,verbs,discards}.txt")
	petrarchCmd.Flags().BoolP("verbose", "v", false, "list the records coded differently")
	evalCmd.AddCommand(petrarchCmd)
}
