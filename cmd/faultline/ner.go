package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/faultline/faultline/nlp/ner"
	"github.com/spf13/cobra"
)

// `faultline train ner` trains the entity tagger; `faultline eval ner` scores it.
func init() {
	train := &cobra.Command{
		Use:   "ner",
		Short: "Train the entity tagger from GMB and GUM (../shared/corpora)",
		Long: `Trains the averaged-perceptron entity tagger on the GMB NER set (mapped and cleaned to
PERSON ORG GPE LOC NORP FAC EVENT; sentences with id % 10 == 0 held out) and the CC BY(-SA)
genres of GUM, writes the weights (default models/ner.bin) and scores the held-out GMB
sentences. Deterministic for a given corpus, epoch count and seed.`,
		Args: cobra.NoArgs,
		RunE: runTrainNER,
	}
	train.Flags().String("corpus", "../shared/corpora", "corpora directory")
	train.Flags().String("out", "models/ner.bin", "weights file to write")
	train.Flags().Int("epochs", 6, "training epochs")
	train.Flags().Int64("seed", 1, "shuffling seed")
	train.Flags().Bool("pos", false, "use POS features (tags of the embedded POS tagger)")
	train.Flags().Bool("gum-dev", false, "hold out every fifth GUM document and score it too (for tuning on text other than GMB; the shipped weights are trained with it, see models/ner.md)")
	train.Flags().Int("gum-weight", 2, "times the GUM sentences are seen per epoch")
	train.Flags().Int("dropout", 10, "percent of capitalised words seen without their identity in training")
	train.Flags().Int("aug-gmb", 0, "mention replacement: copies per GMB training sentence, in percent (0: default, none; -1: none)")
	train.Flags().Int("aug-gum", 0, "mention replacement: copies per GUM training sentence, in percent (0: default, 600; -1: none)")
	train.Flags().Int("aug-ext", 0, "mention replacement: percent of names drawn from GeoNames, Natural Earth and Phoenix (0: default, 50; -1: none)")
	train.Flags().Int("aug-rate", 0, "mention replacement: percent of a copy's names replaced (0: default, 50)")
	trainCmd.AddCommand(train)

	ev := &cobra.Command{
		Use:   "ner",
		Short: "Score the entity tagger on a CoNLL file or on the held-out GMB sentences",
		Long: `--conll FILE: a token a line, the IOB2 tag in the last column, the token in the first
column (or the second when the first is a running index, as in wikigold); blank lines
between sentences; -DOCSTART- lines between documents. Gold with CoNLL types (PER ORG LOC
MISC) is scored as PER/ORG/LOC with GPE+LOC predictions as LOC and MISC ignored.
--corpus DIR: the held-out 10% of GMB (id % 10 == 0) over PERSON, ORG and GEO (GPE+LOC).
The last line is: ner f1=… p=… r=… f1_TYPE=…`,
		Args: cobra.NoArgs,
		RunE: runEvalNER,
	}
	ev.Flags().String("conll", "", "CoNLL-style file to score")
	ev.Flags().String("corpus", "", "corpora directory: score the held-out GMB sentences")
	ev.Flags().String("model", "", "weights file (default: the embedded model)")
	ev.Flags().String("write-dev", "", "with --corpus: also write the held-out GMB sentences (contract types) as a CoNLL file, e.g. for peer comparisons")
	ev.Flags().Bool("gum-dev", false, "with --corpus: score every fifth GUM document (the documents train --gum-dev holds out) instead of GMB dev")
	ev.Flags().Bool("descriptive", false, "extend descriptive actors (\"Shia militias\") to ORG spans, as the pipeline does; off by default because GMB and CoNLL annotate names only")
	evalCmd.AddCommand(ev)
}

func runTrainNER(cmd *cobra.Command, args []string) error {
	corpus, _ := cmd.Flags().GetString("corpus")
	out, _ := cmd.Flags().GetString("out")
	epochs, _ := cmd.Flags().GetInt("epochs")
	seed, _ := cmd.Flags().GetInt64("seed")
	log := cmd.ErrOrStderr()
	start := time.Now()
	gumDev, _ := cmd.Flags().GetBool("gum-dev")
	gumWeight, _ := cmd.Flags().GetInt("gum-weight")
	d, err := ner.LoadDataWith(corpus, ner.DataOptions{GUMDev: gumDev, GUMWeight: gumWeight})
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	fmt.Fprintf(log, "data: %d training sentences (GMB train + GUM), %d GMB dev sentences\nGMB cleaning: %s\n", len(d.Train), len(d.Dev), d.Stats)
	usePOS, _ := cmd.Flags().GetBool("pos")
	dropout, _ := cmd.Flags().GetInt("dropout")
	augGMB, _ := cmd.Flags().GetInt("aug-gmb")
	augGUM, _ := cmd.Flags().GetInt("aug-gum")
	augExt, _ := cmd.Flags().GetInt("aug-ext")
	augRate, _ := cmd.Flags().GetInt("aug-rate")
	t := ner.Train(d, ner.TrainOptions{Corpora: corpus, Epochs: epochs, Seed: seed, UsePOS: usePOS, Dropout: dropout, Log: log,
		AugGMB: augGMB, AugGUM: augGUM, AugExt: augExt, AugRate: augRate})
	b := t.Bytes()
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	r := ner.New(t)
	r.Descriptive = false
	sc := r.EvalDev(d.Dev)
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "wrote %s (%d bytes) in %s\nGMB dev (held-out 10%%):\n%s", out, len(b), time.Since(start).Round(time.Second), sc.Table())
	if len(d.GUMDev) > 0 {
		g := r.EvalDocs(d.GUMDev)
		fmt.Fprintf(w, "GUM dev (every fifth document, %d sentences):\n%s%s\n", len(d.GUMDev), g.Table(), g.Line())
	}
	fmt.Fprintln(w, sc.Line())
	return nil
}

func runEvalNER(cmd *cobra.Command, args []string) error {
	conll, _ := cmd.Flags().GetString("conll")
	corpus, _ := cmd.Flags().GetString("corpus")
	model, _ := cmd.Flags().GetString("model")
	if (conll == "") == (corpus == "") {
		return fmt.Errorf("eval ner: give one of --conll FILE or --corpus DIR")
	}
	var r *ner.Recognizer
	var err error
	if model != "" {
		r, err = ner.LoadFile(model)
	} else {
		r, err = ner.Load()
	}
	if err != nil {
		return err
	}
	r.Descriptive, _ = cmd.Flags().GetBool("descriptive")
	var sc *ner.Score
	if conll != "" {
		f, err := os.Open(conll)
		if err != nil {
			return err
		}
		defer f.Close()
		if sc, err = r.EvalCoNLL(f); err != nil {
			return fmt.Errorf("eval ner: %s: %w", conll, err)
		}
	} else {
		gumDev, _ := cmd.Flags().GetBool("gum-dev")
		d, err := ner.LoadDataWith(corpus, ner.DataOptions{GUMDev: gumDev})
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		if gumDev {
			sc = r.EvalDocs(d.GUMDev)
		} else {
			sc = r.EvalDev(d.Dev)
		}
		if path, _ := cmd.Flags().GetString("write-dev"); path != "" {
			if err := os.WriteFile(path, ner.FormatCoNLL(d.Dev), 0o644); err != nil {
				return err
			}
		}
	}
	w := cmd.OutOrStdout()
	fmt.Fprint(w, sc.Table())
	fmt.Fprintln(w, sc.Line())
	return nil
}
