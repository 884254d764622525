package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/spf13/cobra"
)

// netFakeStore serves a fixed model and document texts.
type netFakeStore struct {
	faultline.Store
	m     *faultline.Model
	texts map[string]string
}

func (s *netFakeStore) Model(context.Context) (*faultline.Model, error) { return s.m, nil }
func (s *netFakeStore) Close() error                                    { return nil }
func (s *netFakeStore) Document(_ context.Context, id string) (*faultline.Document, error) {
	t, ok := s.texts[id]
	if !ok {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "no document %s", id)
	}
	return &faultline.Document{ID: id, Text: t}, nil
}

// netTestModel: camps {a, b} and {c, d}, hostile; x allied with a and c; a-b later break.
func netTestModel() (*faultline.Model, map[string]string) {
	text := "Alpha and Beta are allies. Gamma and Delta are allies. Alpha fights Gamma. Beta fights Delta. X backs Alpha. X backs Gamma. Alpha attacked Beta."
	sent := func(s string) faultline.Evidence {
		i := strings.Index(text, s)
		return faultline.Evidence{Doc: "d1", Start: i, End: i + len(s)}
	}
	tie := func(a, b, typ string, sign int, s string) faultline.ModelTie {
		return faultline.ModelTie{A: a, B: b, Type: typ, Sign: sign, Weight: 1, Evidence: []faultline.Evidence{sent(s)}}
	}
	m := &faultline.Model{
		Documents: []faultline.DocumentRef{{ID: "d1", Date: "2007-05-01", Source: "Wire"}},
		Actors: []faultline.Actor{
			{ID: "a", Canonical: "Alpha", Aliases: []string{"Alpha", "the Alphas"}}, {ID: "b", Canonical: "Beta"},
			{ID: "c", Canonical: "Gamma"}, {ID: "d", Canonical: "Delta"}, {ID: "x", Canonical: "X"},
		},
		Ties: []faultline.ModelTie{
			tie("a", "b", "allied_with", 1, "Alpha and Beta are allies."),
			tie("c", "d", "allied_with", 1, "Gamma and Delta are allies."),
			tie("a", "c", "opposes", -1, "Alpha fights Gamma."),
			tie("b", "d", "opposes", -1, "Beta fights Delta."),
			tie("x", "a", "supports", 1, "X backs Alpha."),
			tie("x", "c", "supports", 1, "X backs Gamma."),
		},
		Events: []faultline.ModelEvent{{Doc: "d1", Source: "a", Target: "b", Type: "ASSAULT", CAMEO: "190", Goldstein: -10,
			Date: "2008-01", Modality: "asserted", Evidence: sent("Alpha attacked Beta.")}},
	}
	return m, map[string]string{"d1": text}
}

func runNet(t *testing.T, args ...string) (string, error) {
	t.Helper()
	m, texts := netTestModel()
	old := netOpenStore
	netOpenStore = func(context.Context, *cobra.Command) (faultline.Store, error) {
		return &netFakeStore{m: m, texts: texts}, nil
	}
	defer func() {
		netOpenStore = old
		rootCmd.SetOut(nil)
		rootCmd.SetArgs(nil)
	}()
	var out bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetArgs(args)
	// Flags keep their values between Execute calls: reset the ones tests set.
	for _, c := range []*cobra.Command{networkCmd, blocsCmd, brokersCmd, paradoxesCmd, scenarioCmd, timelineCmd} {
		c.Flags().Set("format", "table")
		c.Flags().Set("from", "")
		c.Flags().Set("to", "")
	}
	scenarioCmd.Flags().Lookup("set").Value.(interface{ Replace([]string) error }).Replace(nil)
	scenarioCmd.Flags().Lookup("remove").Value.(interface{ Replace([]string) error }).Replace(nil)
	err := rootCmd.ExecuteContext(context.Background())
	return out.String(), err
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestNetworkCommands(t *testing.T) {
	for _, tc := range []struct {
		args []string
		last string // prefix of the last line
		has  string
	}{
		{[]string{"network"}, "network actors=5 edges=6 positive=3 negative=3 ambivalent=1 triads=1 balanced=0.000 frustration=1 exact=true", "Alpha"},
		{[]string{"blocs"}, "blocs blocs=2 actors=5", "bloc 1"},
		{[]string{"brokers"}, "brokers brokers=", "X: ties of cooperation to"},
		{[]string{"paradoxes"}, "paradoxes paradoxes=", `"X backs Alpha."`},
		{[]string{"timeline", "Alpha"}, "timeline dyads=1 changes=1", "turned to hostility"},
		{[]string{"timeline", "--from", "2008"}, "timeline dyads=0 changes=0", ""},
		{[]string{"scenario", "--set", "a~c=+1", "--runs", "50"}, "scenario flips=", "not a forecast"},
		{[]string{"scenario", "--remove", "the Alphas", "--model", "marvel", "--runs", "20"}, "scenario flips=", "remove Alpha"},
	} {
		out, err := runNet(t, tc.args...)
		if err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if !strings.HasPrefix(lastLine(out), tc.last) || !strings.Contains(out, tc.has) {
			t.Errorf("%v:\n%s", tc.args, out)
		}
	}
}

func TestNetworkCommandsJSON(t *testing.T) {
	for _, cmd := range []string{"network", "blocs", "brokers", "paradoxes", "timeline"} {
		out, err := runNet(t, cmd, "--format", "json")
		if err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%s: not JSON: %v\n%s", cmd, err, out)
		}
	}
	out, err := runNet(t, "scenario", "--set", "b~d=+1", "--format", "json", "--runs", "10")
	if err != nil {
		t.Fatal(err)
	}
	var sc struct {
		Note  string
		Flips []struct{ P float64 }
	}
	if err := json.Unmarshal([]byte(out), &sc); err != nil || !strings.Contains(sc.Note, "not a forecast") {
		t.Errorf("scenario json: %v\n%s", err, out)
	}
}

func TestNetworkCommandErrors(t *testing.T) {
	for _, args := range [][]string{
		{"network", "--from", "2008-13"},
		{"blocs", "--format", "xml"},
		{"scenario"},
		{"scenario", "--set", "a~b=2"},
		{"scenario", "--set", "a~nobody=1"},
		{"timeline", "nobody"},
	} {
		if _, err := runNet(t, args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
