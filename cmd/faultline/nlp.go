package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/faultline/faultline/nlp/conllu"
	"github.com/faultline/faultline/nlp/ner"
	"github.com/faultline/faultline/nlp/parse"
	"github.com/faultline/faultline/nlp/pos"
	"github.com/faultline/faultline/nlp/tokenize"
	"github.com/spf13/cobra"
)

// EWT file names inside a --corpus directory.
const (
	ewtTrain = "en_ewt-ud-train.conllu"
	ewtDev   = "en_ewt-ud-dev.conllu"
)

func readCorpus(dir string) (train, dev []conllu.Sentence, err error) {
	if train, err = conllu.ReadFile(filepath.Join(dir, ewtTrain)); err != nil {
		return nil, nil, err
	}
	if dev, err = conllu.ReadFile(filepath.Join(dir, ewtDev)); err != nil {
		return nil, nil, err
	}
	return train, dev, nil
}

// readGUM reads the UD trees of the GUM documents of the CC BY(-SA) genres (ner.GUMGenres;
// the others are non-commercial and stay out of shipped weights) in dir (GUM's dep folder),
// leaving out sentences with the catch-all relation "dep", which EWT almost never uses,
// and sentences with words without a Penn tag. Dir "" yields nothing.
func readGUM(dir string) ([]conllu.Sentence, error) {
	if dir == "" {
		return nil, nil
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("--gum %s: %w", dir, err)
	}
	var out []conllu.Sentence
	for _, g := range ner.GUMGenres {
		files, err := filepath.Glob(filepath.Join(dir, "GUM_"+g+"_*.conllu"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			sents, err := conllu.ReadFile(f)
			if err != nil {
				return nil, err
			}
		next:
			for _, s := range sents {
				for _, w := range s.Words {
					if w.Rel == "dep" || w.XPOS == "_" || w.XPOS == "" {
						continue next
					}
				}
				out = append(out, s)
			}
		}
	}
	return out, nil
}

// writeModel writes a model file atomically.
func writeModel(path string, m io.WriterTo) error {
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// loadTagger returns the tagger in file path, or the embedded one when path is empty.
func loadTagger(path string) (*pos.Tagger, error) {
	if path == "" {
		return pos.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return pos.Read(f)
}

func init() {
	trainPOS := &cobra.Command{
		Use:   "pos",
		Short: "Train the part-of-speech tagger and lemmatizer on UD English EWT",
		RunE: func(cmd *cobra.Command, args []string) error {
			corpus, _ := cmd.Flags().GetString("corpus")
			out, _ := cmd.Flags().GetString("out")
			epochs, _ := cmd.Flags().GetInt("epochs")
			seed, _ := cmd.Flags().GetInt64("seed")
			prune, _ := cmd.Flags().GetFloat64("prune")
			train, dev, err := readCorpus(corpus)
			if err != nil {
				return err
			}
			start := time.Now()
			twoPass, _ := cmd.Flags().GetBool("two-pass")
			lean, _ := cmd.Flags().GetBool("lean")
			t, sc, err := pos.Train(train, dev, pos.Options{Epochs: epochs, Seed: seed, Prune: prune, TwoPass: twoPass, Lean: lean, Log: cmd.ErrOrStderr()})
			if err != nil {
				return err
			}
			if err := writeModel(out, t); err != nil {
				return err
			}
			fi, _ := os.Stat(out)
			fmt.Fprintf(cmd.OutOrStdout(), "pos: wrote %s (%d bytes) in %s; dev upos=%.4f xpos=%.4f lemma=%.4f tokens=%d\n",
				out, fi.Size(), time.Since(start).Round(time.Second), sc.UPOS, sc.XPOS, sc.Lemma, sc.Tokens)
			return nil
		},
	}
	trainPOS.Flags().String("corpus", "../shared/corpora/ud-en-ewt", "directory holding the EWT .conllu files")
	trainPOS.Flags().String("out", "models/pos.bin", "output weights file")
	trainPOS.Flags().Int("epochs", 10, "maximum training epochs (the best on dev is kept)")
	trainPOS.Flags().Int64("seed", 1, "shuffling seed")
	trainPOS.Flags().Float64("prune", 0.1, "drop averaged weights smaller than this")
	trainPOS.Flags().Bool("two-pass", false, "add a second pass that sees first-pass tags to the right (the shipped model has none)")
	trainPOS.Flags().Bool("lean", true, "lean feature templates, as the shipped model: no words beyond the neighbours, no word pairs (fewer lookups a word); --lean=false for the full set")

	evalPOS := &cobra.Command{
		Use:   "pos",
		Short: "Score the tagger on a CoNLL-U file (gold tokenization)",
		RunE: func(cmd *cobra.Command, args []string) error {
			path, _ := cmd.Flags().GetString("conllu")
			model, _ := cmd.Flags().GetString("model")
			sents, err := conllu.ReadFile(path)
			if err != nil {
				return err
			}
			t, err := loadTagger(model)
			if err != nil {
				return err
			}
			if prune, _ := cmd.Flags().GetFloat64("prune"); prune > 0 {
				t = t.Prune(float32(prune))
			}
			if save, _ := cmd.Flags().GetString("save"); save != "" {
				if err := writeModel(save, t); err != nil {
					return err
				}
			}
			start := time.Now()
			sc := t.Evaluate(sents)
			el := time.Since(start)
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d sentences in %s (%.0f tokens/s, with lemmas)\n", path, len(sents),
				el.Round(time.Millisecond), float64(sc.Tokens)/el.Seconds())
			fmt.Fprintf(cmd.OutOrStdout(), "pos upos=%.4f xpos=%.4f lemma=%.4f tokens=%d\n", sc.UPOS, sc.XPOS, sc.Lemma, sc.Tokens)
			return nil
		},
	}
	evalPOS.Flags().String("conllu", "", "CoNLL-U file to score on")
	evalPOS.Flags().String("model", "", "weights file (default: the embedded model)")
	evalPOS.Flags().Float64("prune", 0, "score a copy without weights smaller than this")
	evalPOS.Flags().String("save", "", "also write the (pruned) model to this file")
	evalPOS.MarkFlagRequired("conllu")

	trainCmd.AddCommand(trainPOS)
	evalCmd.AddCommand(evalPOS)

	trainParse := &cobra.Command{
		Use:   "parse",
		Short: "Train the dependency parser on UD English EWT",
		Long: `Train the dependency parser on en_ewt-ud-train.conllu, keeping the epoch with the best
LAS on en_ewt-ud-dev.conllu. With --tags jackknife (the default) the parser trains on tags
predicted by taggers trained on the other folds of the training set, so that it learns to
parse the tagger's output; dev is tagged by the tagger given by --pos-model (default: the
embedded one).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			corpus, _ := cmd.Flags().GetString("corpus")
			out, _ := cmd.Flags().GetString("out")
			epochs, _ := cmd.Flags().GetInt("epochs")
			seed, _ := cmd.Flags().GetInt64("seed")
			prune, _ := cmd.Flags().GetFloat64("prune")
			tagsMode, _ := cmd.Flags().GetString("tags")
			posModel, _ := cmd.Flags().GetString("pos-model")
			folds, _ := cmd.Flags().GetInt("folds")
			gumDir, _ := cmd.Flags().GetString("gum")
			features, _ := cmd.Flags().GetInt("features")
			arcShare, _ := cmd.Flags().GetFloat64("min-arc-share")
			train, dev, err := readCorpus(corpus)
			if err != nil {
				return err
			}
			gum, err := readGUM(gumDir)
			if err != nil {
				return err
			}
			if len(gum) > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "parse: %d EWT and %d GUM training sentences\n", len(train), len(gum))
				train = append(train, gum...)
			}
			start := time.Now()
			var trainTags, devTags, trainU, devU [][]string
			switch tagsMode {
			case "gold":
			case "jackknife":
				t, err := loadTagger(posModel)
				if err != nil {
					return err
				}
				devTags, devU = tagAll(t, dev)
				trainTags = make([][]string, len(train))
				trainU = make([][]string, len(train))
				for k := 0; k < folds; k++ {
					var in, held []conllu.Sentence
					var idx []int
					for i, s := range train {
						if i%folds == k {
							held = append(held, s)
							idx = append(idx, i)
						} else {
							in = append(in, s)
						}
					}
					ft, _, err := pos.Train(in, dev, pos.Options{Epochs: 6, Seed: seed, Prune: 0.5})
					if err != nil {
						return err
					}
					x, u := tagAll(ft, held)
					for j := range x {
						trainTags[idx[j]], trainU[idx[j]] = x[j], u[j]
					}
					fmt.Fprintf(cmd.ErrOrStderr(), "parse: tagged fold %d/%d (%s)\n", k+1, folds, time.Since(start).Round(time.Second))
				}
			default:
				return fmt.Errorf("--tags must be gold or jackknife")
			}
			p, sc, err := parse.Train(parse.FromCoNLLU(train, trainTags, trainU), parse.FromCoNLLU(dev, devTags, devU),
				parse.Options{Epochs: epochs, Seed: seed, Prune: prune, Features: features, MinArcShare: arcShare, Log: cmd.ErrOrStderr(),
					Checkpoint: func(p *parse.Parser, sc parse.Scores) {
						// keep the best model so far on disk: training can be stopped any time
						if err := writeModel(out, p); err != nil {
							fmt.Fprintln(cmd.ErrOrStderr(), "parse: checkpoint:", err)
						}
					}})
			if err != nil {
				return err
			}
			if err := writeModel(out, p); err != nil {
				return err
			}
			fi, _ := os.Stat(out)
			fmt.Fprintf(cmd.OutOrStdout(), "parse: wrote %s (%d bytes) in %s; dev uas=%.4f las=%.4f tokens=%d\n",
				out, fi.Size(), time.Since(start).Round(time.Second), sc.UAS, sc.LAS, sc.Tokens)
			return nil
		},
	}
	trainParse.Flags().String("corpus", "../shared/corpora/ud-en-ewt", "directory holding the EWT .conllu files")
	trainParse.Flags().String("out", "models/parse.bin", "output weights file")
	trainParse.Flags().Int("epochs", 18, "maximum training epochs (the best on dev is kept)")
	trainParse.Flags().Int64("seed", 1, "shuffling seed")
	trainParse.Flags().Float64("prune", 0.3, "drop averaged weights smaller than this")
	trainParse.Flags().String("tags", "jackknife", "tags to train on: gold or jackknife")
	trainParse.Flags().Int("folds", 4, "jackknife folds")
	trainParse.Flags().String("pos-model", "", "tagger weights for dev (default: the embedded model)")
	trainParse.Flags().Int("features", 2, "parser feature set version (0 original, 1 with counts of words between stack top and buffer front, 2 original without 16 sparse templates: the shipped parse.bin, 3 to 7 smaller sets on coarse relations, 7 the pipeline's parselite.bin)")
	trainParse.Flags().Float64("min-arc-share", 0, "keep an arc transition (direction, relation) only if this share of the training words take it, the rest train as dep (coarse relations only; 0: all)")
	trainParse.Flags().String("gum", "../shared/corpora/gum/dep", "also train on the GUM trees of the CC BY(-SA) genres in this folder (\"\" for EWT only)")

	evalParse := &cobra.Command{
		Use:   "parse",
		Short: "Score the parser on a CoNLL-U file (gold tokens, predicted tags)",
		RunE: func(cmd *cobra.Command, args []string) error {
			path, _ := cmd.Flags().GetString("conllu")
			model, _ := cmd.Flags().GetString("model")
			posModel, _ := cmd.Flags().GetString("pos-model")
			goldTags, _ := cmd.Flags().GetBool("gold-tags")
			sents, err := conllu.ReadFile(path)
			if err != nil {
				return err
			}
			var tags, utags [][]string
			if !goldTags {
				t, err := loadTagger(posModel)
				if err != nil {
					return err
				}
				tags, utags = tagAll(t, sents)
			}
			p, err := loadParser(model)
			if err != nil {
				return err
			}
			if prune, _ := cmd.Flags().GetFloat64("prune"); prune > 0 {
				p = p.Prune(float32(prune))
			}
			if save, _ := cmd.Flags().GetString("save"); save != "" {
				if err := writeModel(save, p); err != nil {
					return err
				}
			}
			data := parse.FromCoNLLU(sents, tags, utags)
			start := time.Now()
			sc := p.Evaluate(data)
			el := time.Since(start)
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d sentences in %s (%.0f tokens/s)\n", path, len(sents),
				el.Round(time.Millisecond), float64(sc.Tokens)/el.Seconds())
			fmt.Fprintf(cmd.OutOrStdout(), "parse event-arcs-f1=%.4f lookups/token=%.1f\n",
				sc.EventF1, float64(sc.Lookups)/float64(max(sc.Tokens, 1)))
			fmt.Fprintf(cmd.OutOrStdout(), "parse uas=%.4f las=%.4f tokens=%d\n", sc.UAS, sc.LAS, sc.Tokens)
			return nil
		},
	}
	evalParse.Flags().String("conllu", "", "CoNLL-U file to score on")
	evalParse.Flags().String("model", "", "parser weights file (default: the embedded model)")
	evalParse.Flags().String("pos-model", "", "tagger weights file (default: the embedded model)")
	evalParse.Flags().Bool("gold-tags", false, "parse on gold XPOS tags instead of predicted ones")
	evalParse.Flags().Float64("prune", 0, "score a copy without weights smaller than this")
	evalParse.Flags().String("save", "", "also write the (pruned) model to this file")
	evalParse.MarkFlagRequired("conllu")

	trainCmd.AddCommand(trainParse)
	evalCmd.AddCommand(evalParse)
}

// tagAll tags gold-tokenized sentences, returning their XPOS and UPOS tags.
func tagAll(t *pos.Tagger, sents []conllu.Sentence) (xpos, upos [][]string) {
	xpos = make([][]string, len(sents))
	upos = make([][]string, len(sents))
	for i, s := range sents {
		words := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j] = tokenize.Normalize(w.Form)
		}
		upos[i], xpos[i] = t.Tag(words)
	}
	return xpos, upos
}

// loadParser returns the parser in file path, or the embedded one when path is empty.
func loadParser(path string) (*parse.Parser, error) {
	if path == "" {
		return parse.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parse.Read(f)
}
