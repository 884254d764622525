package ner

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/faultline/faultline/nlp/perceptron"
	"github.com/faultline/faultline/nlp/pos"
)

// TrainOptions configures Train.
type TrainOptions struct {
	Corpora string    // ../shared/corpora
	Epochs  int       // passes over the training data (default 6)
	Seed    int64     // shuffling seed (default 1)
	UsePOS  bool      // use Penn POS features from nlp/pos (tagged, not gold, at training time too)
	Dropout int       // percent of capitalised words seen without their identity (default 10)
	Log     io.Writer // progress; nil for none
	// Mention replacement (train_augment.go): AugGMB and AugGUM are the copies made per
	// GMB and GUM training sentence, in percent; AugExt is the percent of the names drawn
	// from the external lists, AugRate the percent of a copy's spans replaced. Zero takes
	// the default, a negative value turns the option off.
	AugGMB, AugGUM, AugExt, AugRate int
}

// Data is the training and development data of the entity tagger.
type Data struct {
	Train, Dev []Sentence
	// GUMDev holds the GUM documents held out by DataOptions.GUMDev (else empty): an
	// out-of-domain development set for choices that should carry beyond news.
	GUMDev []Sentence
	Stats  string // counts of the GMB cleaning rules
	caps   map[string]byte
	// nGMB is the number of GMB sentences at the start of Train; gum the GUM training
	// sentences (each once), for mention replacement.
	nGMB int
	gum  []Sentence
	// clusters are the word classes learnt from the unlabelled text (learnClusters)
	clusters map[string]uint32
}

// DataOptions configures LoadDataWith.
type DataOptions struct {
	// GUMDev holds out every fifth GUM document (in file-name order) as Data.GUMDev, for
	// tuning choices on text other than GMB news; shipped weights train on all of GUM.
	GUMDev bool
	// GUMWeight is how many times the GUM sentences are seen per epoch (default 2).
	GUMWeight int
}

// IsDev reports whether a GMB sentence id is in the fixed held-out 10%: id % 10 == 0.
func IsDev(id int) bool { return id%10 == 0 }

// LoadData reads GMB (mapped and cleaned to the contract's types; sentences with id % 10
// == 0 held out as Dev) and the CC BY(-SA) genres of GUM (all training) from corpora.
func LoadData(corpora string) (*Data, error) {
	return LoadDataWith(corpora, DataOptions{})
}

// LoadDataWith is LoadData with options.
func LoadDataWith(corpora string, opt DataOptions) (*Data, error) {
	if opt.GUMWeight <= 0 {
		opt.GUMWeight = 2
	}
	lx := newLexicon()
	gmb, err := readGMB(filepath.Join(corpora, "gmb", "ner_dataset.csv.zip"))
	if err != nil {
		return nil, err
	}
	st := cleanStats{}
	d := &Data{}
	persons := personWords(gmb)
	for i := range gmb {
		mapGMB(&gmb[i], lx, st, persons)
		if IsDev(gmb[i].ID) {
			d.Dev = append(d.Dev, gmb[i])
		} else {
			d.Train = append(d.Train, gmb[i])
		}
	}
	gum, err := readGUM(filepath.Join(corpora, "gum", "dep"), lx)
	if err != nil {
		return nil, err
	}
	for i := range gum {
		markGroups(&gum[i], lx)
	}
	if opt.GUMDev {
		docs := map[string]int{}
		var keep []Sentence
		for _, s := range gum {
			if _, ok := docs[s.Doc]; !ok {
				docs[s.Doc] = len(docs)
			}
			if docs[s.Doc]%5 == 0 {
				d.GUMDev = append(d.GUMDev, s)
			} else {
				keep = append(keep, s)
			}
		}
		gum = keep
	}
	// GUM is small and varied (Wikipedia-style biographies, travel guides, interviews): it
	// is seen GUMWeight times per epoch, to weigh it against the 43,000 GMB news sentences.
	d.nGMB, d.gum = len(d.Train), gum
	for k := 0; k < opt.GUMWeight; k++ {
		d.Train = append(d.Train, gum...)
	}
	d.Stats = st.String()
	// Capitalisation statistics from unlabelled text: the training sentences and EWT train.
	cc := capCounter{}
	for _, s := range d.Train {
		cc.add(s.Words)
	}
	ewt, err := readCoNLLUWords(filepath.Join(corpora, "ud-en-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return nil, err
	}
	for _, s := range ewt {
		cc.add(s)
	}
	d.caps = cc.buckets()
	// Word clusters from the same unlabelled text, each training sentence once.
	text := ewt
	for _, s := range d.Train[:len(d.Train)-opt.GUMWeight*len(gum)] {
		text = append(text, s.Words)
	}
	for _, s := range gum {
		text = append(text, s.Words)
	}
	d.clusters = learnClusters(text)
	return d, nil
}

// Train trains the tagger on d.Train.
func Train(d *Data, opt TrainOptions) *Tagger {
	return train(d, opt)
}

// tagPOS replaces the POS of sentences with the tags of the embedded POS tagger, so that
// training sees what the pipeline will give at run time.
func tagPOS(ss []Sentence) error {
	tg, err := pos.Load()
	if err != nil {
		return err
	}
	for i := range ss {
		_, ss[i].POS = tg.Tag(ss[i].Words)
	}
	return nil
}

func train(d *Data, opt TrainOptions) *Tagger {
	if opt.Epochs <= 0 {
		opt.Epochs = 6
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Dropout <= 0 {
		opt.Dropout = 10
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	if opt.UsePOS {
		if err := tagPOS(d.Train); err != nil {
			logf("pos: %v; training without POS", err)
			opt.UsePOS = false
		}
	}
	lx := newLexicon()
	sents := d.Train
	if aug := augmentData(d, &opt, lx); len(aug) > 0 {
		sents = append(sents[:len(sents):len(sents)], aug...)
		logf("mention replacement: %d copies (GMB %d%%, GUM %d%%, external names %d%%, spans replaced %d%%)", len(aug), opt.AugGMB, opt.AugGUM, opt.AugExt, opt.AugRate)
	}
	lx.caps = d.caps
	lx.clusters = d.clusters
	lx.index()
	t := newTagger(lx, nil, opt.UsePOS)
	cls := map[string]int{}
	for i, c := range t.classes {
		cls[c] = i
	}
	for i := range t.seen {
		t.seen[i] = i == 0
	}
	for _, s := range sents {
		for _, tag := range s.Tags {
			if c, ok := cls[tag]; ok {
				t.seen[c] = true
			}
		}
	}
	tr := perceptron.NewTrainer(len(t.classes))
	rng := tr.Rand(opt.Seed)
	var sc scratch
	scores := make([]float64, len(t.classes))
	for ep := 0; ep < opt.Epochs; ep++ {
		start := time.Now()
		errs, n := 0, 0
		for _, si := range rng.Perm(len(sents)) {
			s := &sents[si]
			if cap(sc.toks) < len(s.Words) {
				sc.toks = make([]token, len(s.Words))
			}
			toks := sc.toks[:len(s.Words)]
			pos := s.POS
			if !opt.UsePOS {
				pos = nil
			}
			lx.prepare(s.Words, pos, toks)
			prev, prev2 := -1, -1
			for i := range toks {
				// word dropout: some capitalised words are seen without their identity
				drop := toks[i].flags&fCap != 0 && rng.Intn(100) < opt.Dropout
				feats := sc.f.unigram(sc.f.buf[:0], &toks[i], drop)
				feats = sc.f.context(feats, toks, i, prev, prev2)
				sc.f.buf = feats
				tr.Score(feats, scores)
				guess := 0
				for c := 1; c < len(t.classes); c++ {
					if t.valid(prev, c) && (scores[c] > scores[guess] || !t.valid(prev, guess)) {
						guess = c
					}
				}
				truth, ok := cls[s.Tags[i]]
				if !ok {
					truth = 0
				}
				tr.Update(feats, truth, guess)
				if guess != truth {
					errs++
				}
				n++
				prev2, prev = prev, guess
			}
		}
		logf("epoch %d: %d tokens, token error %.4f, %d features, %s", ep+1, n, float64(errs)/float64(n), tr.NumFeatures(), time.Since(start).Round(time.Millisecond))
	}
	t.m = tr.Model(t.classes, 0.001)
	logf("model: %s", t.m)
	return t
}

// TagWords tags one pre-tokenised sentence (no document rules) and returns IOB2 tags.
func (t *Tagger) TagWords(words, pos []string) []string {
	var sc scratch
	ids := make([]int, len(words))
	t.tag(&sc, words, pos, ids)
	out := make([]string, len(words))
	for i, c := range ids {
		out[i] = t.classes[c]
	}
	return out
}
