package attribution_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/attribution"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/segment"
)

func annotate(t testing.TB, an *attribution.Annotator, text string) *doc.Analysis {
	t.Helper()
	a := doc.NewAnalysis(doc.Document{Text: text})
	a.Sentences = segment.New().Sentences(text)
	an.Annotate(a)
	return a
}

// TestFind checks source, cue, content and kind on one sentence per
// phenomenon. The golden files of package claim cover whole documents.
func TestFind(t *testing.T) {
	an, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text                 string
		source, cue, content, kind string
		hedged                     bool
		evidence                   string
	}{
		{"indirect", "The minister said that the border was closed.", "The minister", "said", "that the border was closed", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"auxiliary", "Officials have repeatedly said the road is open.", "Officials", "have repeatedly said", "the road is open", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"inverted", "“We are ready,” said the commander.", "the commander", "said", "“We are ready,”", doc.AttrDirect, false, doc.EvidenceUnknown},
		{"after quote", "\"Nobody was hurt,\" the ministry said.", "the ministry", "said", "\"Nobody was hurt,\"", doc.AttrDirect, false, doc.EvidenceUnknown},
		{"guillemets", "The envoy stated: «The talks failed.»", "The envoy", "stated:", "«The talks failed.»", doc.AttrDirect, false, doc.EvidenceUnknown},
		{"mixed", "The mayor said the water was cut off for \"at least three days\".", "The mayor", "said", "the water was cut off for \"at least three days\"", doc.AttrMixed, false, doc.EvidenceUnknown},
		{"according to first", "According to the Kyrgyz side, 63 people died.", "the Kyrgyz side", "According to", "63 people died", doc.AttrAccordingTo, false, doc.EvidenceUnknown},
		{"according to last", "Five soldiers died, according to the ministry.", "the ministry", "according to", "Five soldiers died", doc.AttrAccordingTo, false, doc.EvidenceUnknown},
		{"according to before a colon", "At least 90 people died on both sides, according to official figures: the Kyrgyz side counted 55.",
			"official figures", "according to", "At least 90 people died on both sides", doc.AttrAccordingTo, false, doc.EvidenceUnknown},
		{"according to and a colon", "According to official figures: 55 people died in Batken.", "official figures", "According to", "55 people died in Batken", doc.AttrAccordingTo, false, doc.EvidenceUnknown},
		{"appositive", "Ali Karimov, a spokesman for the army, told reporters that two posts were hit.", "Ali Karimov, a spokesman for the army,", "told", "that two posts were hit", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"another clause after", "Nine guards were killed, the ministry said on Monday, while four remain missing.", "the ministry", "said", "Nine guards were killed", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"addressee", "Nine guards were killed in the fighting, a source told Reuters.", "a source", "told", "Nine guards were killed in the fighting", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"relative clause before the cue", "Tajikistan, which has been slow to release information about the fighting, said on Sunday that 35 of its citizens had died.",
			"Tajikistan,", "said", "35 of its citizens had died", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"according to, in Russian", "По данным Минздрава Таджикистана, в результате обстрелов погибли 35 человек.", "Минздрава Таджикистана", "По данным",
			"в результате обстрелов погибли 35 человек", doc.AttrAccordingTo, false, doc.EvidenceUnknown},
		{"a Russian verb after its report", "Число погибших возросло до 59 человек, сообщил Минздрав Кыргызстана.", "Минздрав Кыргызстана", "сообщил",
			"Число погибших возросло до 59 человек", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"only a date after", "The number of people killed in Batken region has reached 46, the Health Ministry of Kyrgyzstan said on September 17.",
			"the Health Ministry of Kyrgyzstan", "said", "The number of people killed in Batken region has reached 46", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"only a manner after", "Kyrgyzstan had lost more than 200 servicemen in the fighting, a source in the Tajik security services claimed, without providing evidence.",
			"a source in the Tajik security services", "claimed", "Kyrgyzstan had lost more than 200 servicemen in the fighting", doc.AttrIndirect, true, doc.EvidenceNoneGiven},
		{"up to the comma before the source", "The death toll in the Batken conflict has risen to 36, the press service of the Ministry of Health of the Kyrgyz Republic reported on Tuesday.",
			"the press service of the Ministry of Health of the Kyrgyz Republic", "reported", "The death toll in the Batken conflict has risen to 36", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"hedge cue", "The agency claims that 300 homes burned.", "The agency", "claims", "that 300 homes burned", doc.AttrIndirect, true, doc.EvidenceUnknown},
		{"hedge word", "The agency reported that 300 homes allegedly burned.", "The agency", "reported", "that 300 homes allegedly burned", doc.AttrIndirect, true, doc.EvidenceUnknown},
		{"no evidence", "The minister said the land was seized. He did not provide any evidence.", "The minister", "said", "the land was seized", doc.AttrIndirect, false, doc.EvidenceNoneGiven},
		{"claimed the lives", "The clashes have claimed the lives of 10 people, officials said.", "officials", "said", "The clashes have claimed the lives of 10 people",
			doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"according to, then a demonym", "According to the State Committee for National Security, Tajik troops burned more than 100 houses.",
			"the State Committee for National Security", "According to", "Tajik troops burned more than 100 houses", doc.AttrAccordingTo, false, doc.EvidenceUnknown},
		{"a count verb after its report", "Thirteen people have been killed in the conflict, the Health Ministry reported on April 30.", "the Health Ministry", "reported",
			"Thirteen people have been killed in the conflict", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"claimed a number of lives", "The fighting has claimed more than 2,000 lives, officials said.", "officials", "said", "The fighting has claimed more than 2,000 lives",
			doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"inverted after two clauses", "Погибли 31 человек, ранены 154 человека, сообщила пресс-служба минздрава.", "пресс-служба минздрава", "сообщила",
			"Погибли 31 человек, ранены 154 человека", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"no evidence in Russian", "Министр заявил, что погибли 100 военных. Доказательств он не привел.", "Министр", "заявил", "что погибли 100 военных",
			doc.AttrIndirect, false, doc.EvidenceNoneGiven},
		{"no evidence in other words", "The ministry claimed that 20 vehicles were destroyed, but provided no photographs or other evidence.",
			"The ministry", "claimed", "that 20 vehicles were destroyed", doc.AttrIndirect, true, doc.EvidenceNoneGiven},
		{"quotation runs on", "“We won,” he said. “They lost.”", "he", "said", "“We won,” he said. “They lost.”", doc.AttrDirect, false, doc.EvidenceUnknown},
		{"aside after the source", "The Tajik side, for its part, said 41 people had died.",
			"The Tajik side", "said", "41 people had died", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"quotation then when it was said", "“The border is calm now,” the governor said after meeting elders in Vorukh on Monday.",
			"the governor", "said", "“The border is calm now,”", doc.AttrDirect, false, doc.EvidenceUnknown},
		{"quotation then where, then more of it", "“The border is calm,” the governor said in Isfara, “and the roads are open.”",
			"the governor", "said", "“The border is calm,” the governor said in Isfara, “and the roads are open.”", doc.AttrDirect, false, doc.EvidenceUnknown},
		{"after colon", "The minister continued:\n\n“The border is closed. Nobody may cross.”", "The minister", "continued:", "“The border is closed. Nobody may cross.”", doc.AttrDirect, false, doc.EvidenceUnknown},
		{"belief", "Kyrgyz officials think the talks will fail.", "Kyrgyz officials", "think", "the talks will fail", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"in a statement", "The ministry said in a statement that 12 soldiers died.", "The ministry", "said in a statement", "that 12 soldiers died", doc.AttrIndirect, false, doc.EvidenceUnknown},
		{"cited", "Officials said satellite images show the damage.", "Officials", "said", "satellite images show the damage", doc.AttrIndirect, false, doc.EvidenceCited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, an, tt.text)
			if len(a.Attributions) == 0 {
				t.Fatalf("no attribution in %q", tt.text)
			}
			at := a.Attributions[0]
			if at.Source == nil {
				t.Fatalf("no source in %q", tt.text)
			}
			got := []string{at.Source.Text, at.Cue.Text, a.Text(at.Content), at.Kind}
			want := []string{tt.source, tt.cue, tt.content, tt.kind}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("got %q, want %q", got, want)
					break
				}
			}
			if at.Hedged != tt.hedged || at.Evidence != tt.evidence {
				t.Errorf("hedged %v evidence %s, want %v %s", at.Hedged, at.Evidence, tt.hedged, tt.evidence)
			}
		})
	}
}

// TestSentenceAttributions checks every attribution of sentences whose
// cues share a source or whose participle is no cue, as source|cue|content.
func TestSentenceAttributions(t *testing.T) {
	an, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"verbs joined by and share their subject", "Dushanbe denied attacking civilians and accused Kyrgyz troops of shelling Isfara.",
			[]string{"Dushanbe|denied|attacking civilians", "Dushanbe|accused|Kyrgyz troops of shelling Isfara"}},
		{"a source before an aside", "A source in the Tajik security services, speaking on condition of anonymity, claimed that 100 soldiers had died.",
			[]string{"A source in the Tajik security services|claimed|that 100 soldiers had died"}},
		{"an adverbial before the source is not the source's", "At this moment, official statistics, coming mainly from one side, indicate that 600 houses burned.",
			[]string{"official statistics|indicate|that 600 houses burned"}},
		{"a participle after a comma shares the source", "Kyrgyz officials allegedly hid the toll, the agency wrote, citing unnamed sources.",
			[]string{"the agency|wrote|Kyrgyz officials allegedly hid the toll", "the agency|citing|unnamed sources"}},
		{"a source with an acronym in parentheses", "The Border Service of the State Committee for National Security (GKNB) of Kyrgyzstan said two citizens were killed.",
			[]string{"The Border Service of the State Committee for National Security (GKNB) of Kyrgyzstan|said|two citizens were killed"}},
		{"whom a source told", "The ministry's press service told 24.kg that 19 people remain in intensive care.",
			[]string{"The ministry's press service|told|that 19 people remain in intensive care"}},
		{"as reported by", "As reported by the Emergencies Ministry, 136,000 residents were evacuated.",
			[]string{"the Emergencies Ministry|As reported by|136,000 residents were evacuated"}},
		{"a source after its cue", "Число погибших увеличилось до 46, сообщило Министерство здравоохранения.",
			[]string{"Министерство здравоохранения|сообщило|Число погибших увеличилось до 46"}},
		{"a participle clause is part of the accusation", "The foreign ministry accused Kyrgyz troops of shelling a mosque in the village of Ovchi-Kalacha, killing eight people who had gathered there.",
			[]string{"The foreign ministry|accused|Kyrgyz troops of shelling a mosque in the village of Ovchi-Kalacha, killing eight people who had gathered there"}},
		{"what a participle cites ends where the report goes on", "The president said that the attack had been planned for months, citing intelligence reports, and that at least 63 citizens were killed.",
			[]string{"The president|said|that the attack had been planned for months, citing intelligence reports, and that at least 63 citizens were killed", "The president|citing|intelligence reports"}},
		{"an article alone opens a longer source", "The report that was published on Monday said 59 people died.",
			[]string{"The report that was published on Monday|said|59 people died"}},
		{"an article alone speaks for no one", "Baku did not comment on the claim.", nil},
		{"an interview's labels are no sources", "Q: How many people died?", nil},
		{"a participle after the object is no cue", "He called on both sides to respect the ceasefire agreed on 16 September.",
			[]string{"He|called on|both sides to respect the ceasefire agreed on 16 September"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, an, tt.text)
			var got []string
			for _, at := range a.Attributions {
				src := "-"
				if at.Source != nil {
					src = at.Source.Text
				}
				got = append(got, src+"|"+at.Cue.Text+"|"+a.Text(at.Content))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestParticipleObjectIsNoSource checks that the object after a
// participle cue that follows a comma is not read as an inverted source
// ("…, calling for his dismissal" is no "…, said the ministry").
func TestParticipleObjectIsNoSource(t *testing.T) {
	an, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"A group of doctors sent a letter to the university, calling for Dr. Oz's dismissal.",
		"The channel covered the vote as a reunification, echoing Mr. Putin.",
	} {
		a := annotate(t, an, text)
		for _, at := range a.Attributions {
			if at.Source != nil && (strings.Contains(at.Source.Text, "dismissal") || strings.Contains(at.Source.Text, "Putin")) {
				t.Errorf("the participle's object is a source in %q: %+v", text, at)
			}
		}
	}
}

// TestNoSource checks that an attribution whose sentence names no source
// has a nil Source.
func TestNoSource(t *testing.T) {
	an, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	a := annotate(t, an, "It is alleged that the village was shelled.")
	if len(a.Attributions) != 1 {
		t.Fatalf("got %d attributions, want 1", len(a.Attributions))
	}
	at := a.Attributions[0]
	if at.Source != nil || at.Cue.Text != "It is alleged" || a.Text(at.Content) != "that the village was shelled" {
		t.Errorf("got source %v cue %q content %q", at.Source, at.Cue.Text, a.Text(at.Content))
	}
}

// TestSpeaker checks that a pronoun source resolves to the nearest person
// before it, and that a chain records the outer attribution.
func TestSpeaker(t *testing.T) {
	an, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Sadriddin Mukhiddin spoke at the UN. According to him, the lands will be returned, Asianews wrote."
	a := doc.NewAnalysis(doc.Document{Text: text})
	a.Sentences = segment.New().Sentences(text)
	i := strings.Index(text, "Sadriddin Mukhiddin")
	j := strings.Index(text, "Asianews")
	a.Entities = []doc.Entity{
		{ID: "e1", Kind: doc.KindPerson, Side: "TJ", Mentions: []doc.Mention{doc.MentionOf(text, doc.Span{Start: i, End: i + len("Sadriddin Mukhiddin")})}},
		{ID: "e2", Kind: doc.KindOutlet, Mentions: []doc.Mention{doc.MentionOf(text, doc.Span{Start: j, End: j + len("Asianews")})}},
	}
	an.Annotate(a)
	if len(a.Attributions) != 2 {
		t.Fatalf("got %d attributions, want 2: %+v", len(a.Attributions), a.Attributions)
	}
	inner, outer := a.Attributions[0], a.Attributions[1]
	if inner.Speaker != "e1" || outer.Speaker != "e2" {
		t.Errorf("speakers %q %q, want e1 e2", inner.Speaker, outer.Speaker)
	}
	if len(inner.Via) != 1 || inner.Via[0] != outer.ID {
		t.Errorf("via %v, want [%s]", inner.Via, outer.ID)
	}
}

// TestPronounContinuesSubject checks that a pronoun opening a sentence
// speaks for the speaker of the attribution before it rather than for the
// last name in between.
func TestPronounContinuesSubject(t *testing.T) {
	an, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "The Kyrgyz Foreign Ministry said Tajik forces had entered two villages. It did not provide evidence for the claim."
	a := doc.NewAnalysis(doc.Document{Text: text})
	a.Sentences = segment.New().Sentences(text)
	mention := func(s string) []doc.Mention {
		i := strings.Index(text, s)
		return []doc.Mention{doc.MentionOf(text, doc.Span{Start: i, End: i + len(s)})}
	}
	a.Entities = []doc.Entity{
		{ID: "e1", Kind: doc.KindOrganization, Side: "KG", Mentions: mention("Kyrgyz Foreign Ministry")},
		{ID: "e2", Kind: doc.KindCountry, Side: "TJ", Mentions: mention("Tajik")},
	}
	an.Annotate(a)
	if len(a.Attributions) < 2 {
		t.Fatalf("got %d attributions, want 2 or more: %+v", len(a.Attributions), a.Attributions)
	}
	if got := a.Attributions[1]; got.Source == nil || got.Source.Text != "It" || got.Speaker != "e1" {
		t.Errorf("second attribution %+v, want source It speaking for e1", got)
	}
}

// FuzzFind checks that any text gives attributions whose spans lie in the
// text, with a cue, and that mention texts match their spans.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We are ready,” said the commander.",
		"According to him, „Nobody was hurt,“ he added. 'Yes' \"no",
		"\"Open\n\n\"Still open,\" she said.",
		"X, a, said: «»",
		"The ministry said 5 died; Earlier the Ministry of Health reported 4, Tajikistan, which put the toll at 3, told Reuters.",
		"The ministry said 5 died.",
	} {
		f.Add(s)
	}
	an, err := attribution.New()
	if err != nil {
		f.Fatal(err)
	}
	seg := segment.New()
	f.Fuzz(func(t *testing.T, text string) {
		a := doc.NewAnalysis(doc.Document{Text: text, Outlet: "Wire"})
		a.Sentences = seg.Sentences(text)
		// Names as entities wherever they occur (inside words too), and an
		// outlet without a mention, as the entities layer may give them.
		a.Entities = []doc.Entity{{ID: "e1", Kind: doc.KindOutlet, Name: "Wire"}}
		for _, name := range []string{"Ministry of Health", "Tajikistan", "Reuters"} {
			e := doc.Entity{ID: "e" + strconv.Itoa(len(a.Entities)+1), Kind: doc.KindOrganization, Name: name}
			for i := 0; ; {
				j := strings.Index(text[i:], name)
				if j < 0 {
					break
				}
				e.Mentions = append(e.Mentions, doc.MentionOf(text, doc.Span{Start: i + j, End: i + j + len(name)}))
				i += j + len(name)
			}
			a.Entities = append(a.Entities, e)
		}
		var qs []doc.Quantity
		for i := 0; i < len(text); i++ {
			if text[i] >= '0' && text[i] <= '9' {
				qs = append(qs, doc.Quantity{Start: i, End: i + 1, Text: text[i : i+1]})
			}
		}
		a.Quantities = qs
		an.Annotate(a)
		for _, at := range a.Attributions {
			if at.Source == nil {
				at.Source = &doc.Mention{} // a source is optional
			}
			for _, sp := range []doc.Span{at.Source.Span(), at.Cue.Span(), at.Content} {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span %v outside text of %d bytes", sp, len(text))
				}
			}
			if at.Source.Text != text[at.Source.Start:at.Source.End] || at.Cue.Text != text[at.Cue.Start:at.Cue.End] {
				t.Fatalf("mention text does not match its span")
			}
		}
	})
}

// BenchmarkAnnotate runs the finder over the seed article and the PolNeAR
// dev texts.
func BenchmarkAnnotate(b *testing.B) {
	dir := sharedtest.Dir(b)
	names, _ := filepath.Glob(filepath.Join(dir, "datasets", "polnear", "dev", "text", "*.txt"))
	names = append(names, filepath.Join(dir, "corpus", "seed", "tajik-mfa-silent.txt"))
	seg := segment.New()
	var as []*doc.Analysis
	size := 0
	for _, n := range names {
		text, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		a := doc.NewAnalysis(doc.Document{Text: string(text)})
		a.Sentences = seg.Sentences(a.Document.Text)
		as = append(as, a)
		size += len(text)
	}
	an, err := attribution.New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			an.Annotate(a)
		}
	}
}

// TestFigureCues checks that a reporting verb that is too often no cue
// ("reported") is one before a figure, and only there.
func TestFigureCues(t *testing.T) {
	an, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, figure, source, cue string // figure "" for none; source "" for no attribution
	}{
		{"Tajikistan reported 41 deaths.", "41", "Tajikistan", "reported"},
		{"The agency reported a total of 41 deaths.", "41", "The agency", "reported"},
		{"Bishkek put the death toll at 62.", "62", "Bishkek", "put the death toll at"},
		{"Kyrgyz officials put the number of evacuees at 137,000.", "137,000", "Kyrgyz officials", "put the number of evacuees at"},
		{"They put the meeting at 5.", "", "", ""},
		{"The Kyrgyz Health Ministry revised the figure to 62.", "62", "The Kyrgyz Health Ministry", "revised the figure to"},
		{"Earlier the agency reported 31 dead.", "31", "the agency", "reported"},
		{"Bishkek has raised to 62 the number of its citizens killed.", "62", "Bishkek", "has raised"},
		{"Prices were raised to 62 percent.", "", "", ""},
		{"The reported clashes killed 5 people.", "5", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			a := doc.NewAnalysis(doc.Document{Text: tt.text})
			a.Sentences = segment.New().Sentences(tt.text)
			if i := strings.Index(tt.text, tt.figure); tt.figure != "" {
				a.Quantities = []doc.Quantity{{Start: i, End: i + len(tt.figure), Text: tt.figure}}
			}
			an.Annotate(a)
			switch {
			case tt.source == "" && len(a.Attributions) != 0:
				t.Errorf("found %q %q, want none", a.Attributions[0].Source.Text, a.Attributions[0].Cue.Text)
			case tt.source == "":
			case len(a.Attributions) != 1 || a.Attributions[0].Source == nil:
				t.Errorf("%d attributions, want one from %q", len(a.Attributions), tt.source)
			case a.Attributions[0].Source.Text != tt.source || a.Attributions[0].Cue.Text != tt.cue:
				t.Errorf("source %q cue %q, want %q %q", a.Attributions[0].Source.Text, a.Attributions[0].Cue.Text, tt.source, tt.cue)
			}
		})
	}
}

// TestDefiniteWithoutMentions checks that a source naming a kind of body
// ("the ministry") is resolved, or not, without trouble when the only
// entity has no mention in the text (a document's outlet).
func TestDefiniteWithoutMentions(t *testing.T) {
	an, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "The ministry said 5 people died."
	a := doc.NewAnalysis(doc.Document{Text: text, Outlet: "Wire"})
	a.Sentences = segment.New().Sentences(text)
	a.Entities = []doc.Entity{{ID: "e1", Kind: doc.KindOutlet, Name: "Wire"}}
	an.Annotate(a)
	if len(a.Attributions) != 1 || a.Attributions[0].Speaker != "" {
		t.Errorf("attributions %+v, want one without a speaker", a.Attributions)
	}
}
