package coref

import (
	"strings"
	"testing"

	"github.com/faultline/faultline/lexicon/actors"
)

var commonTexts = []string{
	"The Council met. the council said the Council would meet; Council-led talks, councils.",
	"Mahdi Army and the army; ARMY of Mahdi, mahdi. Ödön met ödön and Ödön.",
	"al-Sadr met Al-Sadr and al-sadr 2006 2006s the the",
	"U.S. troops and u.s. aid; u.s.-led talks, al-qaida's men, Al-Qaida's; anti-war anti-War d'état",
	// A lower-case word only before a rune that is no letter, and one only at the end.
	"War and Rain: war—peace, then rain",
	// Words that go on after their letters, sharing the 32 bytes after them or not.
	"al-qaida-and-the-islamic-state-of-iraq-x al-qaida-and-the-islamic-state-of-iraq-y Al-Qaida-And-The-Islamic-State-Of-Iraq-y al-q al-qaidas al-qa'ida al al- al-Qaida u.s. u.s.a. U.S.A",
	"ab-cdefghijklmnopqrstuvwxyz0123456789-end ab-cdefghijklmnopqrstuvwxyz0123456789 Ab-Cdefghijklmnopqrstuvwxyz0123456789-end",
	// A word that overlaps itself: commonWord skips the occurrence the index finds.
	"A!A 0A!a!a",
}

// TestCommonIndex checks commonIndex.common against commonWord for every word of the
// texts, capitalised, upper-cased and as written.
func TestCommonIndex(t *testing.T) {
	for _, text := range commonTexts {
		checkCommon(t, text)
	}
}

// checkCommon asks with the groups of the index never grouped by word (the scan), grouped
// from the first word asked, and after groupAfter words: the answers must be the scan's,
// and the scan's commonWord's, except for a word whose lower-case form overlaps itself (a border:
// "a!a"), where commonWord skips the occurrences overlapping one it has rejected and the
// index (since e02a22f, before 50633e3) does not ("A!A 0A!a!a").
func checkCommon(t *testing.T, text string) {
	t.Helper()
	defer func(n int32) { groupAfter = n }(groupAfter)
	var words []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '.' || r == ';' || r == ',' }) {
		words = append(words, f, strings.ToUpper(f), strings.Title(f), f+"x", "-"+f)
	}
	lower := asciiLower(text)
	var scan []bool
	for _, n := range []int32{1 << 30, 0, groupAfter} {
		groupAfter = n
		ci := commonIndex{text: text}
		for k, w := range words {
			got := ci.common(w)
			if n == 1<<30 {
				scan = append(scan, got)
				if want := commonWord(text, lower, w); got != want && !overlapsItself(asciiLower(w)) {
					t.Errorf("text %q, word %q: common %v, commonWord %v", text, w, got, want)
				}
			} else if got != scan[k] {
				t.Errorf("groupAfter %d, text %q, word %q: common %v, scanned %v", n, text, w, got, scan[k])
			}
		}
	}
}

// FuzzCommonIndex checks the same on any text.
func FuzzCommonIndex(f *testing.F) {
	for _, s := range commonTexts {
		f.Add(s)
	}
	f.Fuzz(checkCommon)
}

// FuzzIsPronoun checks isPronoun against its definition, strings.ToLower.
func FuzzIsPronoun(f *testing.F) {
	for _, s := range []string{"He", "HIS", "hEr", "Theirs", "ſhe", "the", "K", "İt", "hİs", "theİr", "THEİR", "hİ", "\u212ahe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := false
		switch strings.ToLower(s) {
		case "he", "his", "him", "she", "her", "hers", "they", "them", "their":
			want = true
		}
		if got := isPronoun(s); got != want {
			t.Errorf("isPronoun(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzAcronym checks acronym against actors.Acronym.
func FuzzAcronym(f *testing.F) {
	for _, s := range []string{"JAM", " U.S. ", "ISCI", "Iraq", "AB CD", "A1", "", "Ö.Ü", "\u00a0JAM"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := acronym(s), actors.Acronym(s); got != want {
			t.Errorf("acronym(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestMemoConcurrent parses names from several goroutines at once (run with -race) and
// checks the results against actors.ParseName and actors.OrgCore.
func TestMemoConcurrent(t *testing.T) {
	names := []string{"Moqtada al-Sadr", "Badr Corps", "Islamic Supreme Council of Iraq", "President Bush", "the Mahdi Army"}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			for i := 0; i < 200; i++ {
				s := names[i%len(names)]
				if got, want := parseName(s, "ORG"), actors.ParseName(s, "ORG"); strings.Join(got.Words, " ") != strings.Join(want.Words, " ") {
					t.Errorf("parseName(%q) words %v, want %v", s, got.Words, want.Words)
				}
				if c, _ := orgCoreOf(s); func() string { w, _ := actors.OrgCore(s); return w }() != c {
					t.Errorf("orgCoreOf(%q) = %q", s, c)
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
