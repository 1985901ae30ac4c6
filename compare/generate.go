package compare

import (
	"fmt"
	"math/rand/v2"

	"github.com/parallaxnews/parallax/doc"
)

// GenerateRecords returns n generated claims, for benchmarks and load tests: n/20 documents
// of 20 claims each, reporting events out of n/500 (1,000,000 claims:
// 50,000 documents over 2,000 events). Events fall on random days over two
// years, last one to four days and happen at one or two of 300 places in 20
// regions; each document reports one event, 0–10 days after it began, from
// one of 200 outlets (two fifths Kyrgyz, two fifths Tajik, one fifth
// neutral). Four in five documents date the event from their text; the rest
// give no date. Claims mix metrics as reporting does (killed and injured
// most often), are about either party, come from one of the three speakers a
// document quotes (out of 60) or the outlet itself, and give tolls that grow with the days since the event.
// The generator is seeded: the same n gives the same records.
func GenerateRecords(n int) []Record {
	rnd := rand.New(rand.NewPCG(7, uint64(n)))
	parties := []doc.Party{"KG", "TJ", ""}
	metrics := []string{"killed", "killed", "killed", "injured", "injured", "displaced", "buildings_destroyed",
		"buildings_damaged", "missing", "captured", "military_losses", "area_km2", "count"}
	nDocs := max(1, n/20)
	nEvents := max(1, n/500)
	places := make([]Place, 300)
	for i := range places {
		places[i] = Place{Name: fmt.Sprintf("Village %d", i), Geo: &doc.Geo{Lat: 39 + float64(i%30)/10, Lon: 69 + float64(i/30)/5,
			Country: string(parties[i%2]), Admin1: fmt.Sprintf("Region %d", i%20)}}
	}
	start := daysFromCivil(2021, 1, 1)
	type event struct {
		from, days int
		places     []Place
		typ        string
	}
	events := make([]event, nEvents)
	types := []string{"armed_clash", "armed_clash", "shelling", "attack_on_civilians", "evacuation", "statement"}
	for i := range events {
		p := []Place{places[rnd.IntN(len(places))]}
		if rnd.IntN(3) == 0 {
			p = append(p, places[rnd.IntN(len(places))])
		}
		events[i] = event{from: rnd.IntN(730), days: rnd.IntN(4), places: p, typ: types[rnd.IntN(len(types))]}
	}
	speakers := make([]string, 60) // officials and agencies, a third per side
	for i := range speakers {
		speakers[i] = fmt.Sprintf("Speaker %d", i)
	}
	out := make([]Record, 0, nDocs*20)
	for d := range nDocs {
		e := events[rnd.IntN(nEvents)]
		outlet := rnd.IntN(200)
		oside := parties[min(outlet%5/2, 2)]
		lag := rnd.IntN(11)
		pub := (start + day(e.from+lag)).String()
		ev := &Event{ID: "v1", Type: e.typ, Places: e.places, Actors: []doc.Party{"KG", "TJ"}}
		if rnd.IntN(5) > 0 {
			ev.From, ev.To, ev.Dated = (start + day(e.from)).String(), (start + day(e.from+e.days)).String(), true
		} else {
			ev.From, ev.To = pub, pub
		}
		id := fmt.Sprintf("doc-%06d", d)
		quoted := [3]int{rnd.IntN(len(speakers)), rnd.IntN(len(speakers)), rnd.IntN(len(speakers))}
		outletName := fmt.Sprintf("Outlet %d", outlet)
		for c := range 20 {
			r := Record{Document: id, Outlet: outletName, Published: pub, Claim: fmt.Sprintf("c%d", c+1),
				Metric: metrics[rnd.IntN(len(metrics))], About: parties[rnd.IntN(2)], Side: oside,
				Evidence: doc.EvidenceUnknown, Start: c * 80, Event: ev}
			if rnd.IntN(2) == 0 {
				sp := quoted[rnd.IntN(len(quoted))]
				r.Speaker, r.Side = speakers[sp], parties[sp%3]
			}
			v := float64(1+rnd.IntN(10)) * float64(1+lag)
			r.Low = &v
			if rnd.IntN(4) > 0 {
				r.High = &v
			}
			r.Hedged = rnd.IntN(10) == 0
			out = append(out, r)
		}
	}
	return out
}
