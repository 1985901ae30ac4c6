package compare

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/parallaxnews/parallax/doc"
)

// encodeRecords is a document's records with what an encoding must keep:
// empty and missing bounds, vias shared and not, events shared, an event
// without places or actors, places without coordinates, every flag.
func encodeRecords() []Record {
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-17", Dated: true,
		Places: []Place{{Name: "Batken", Geo: &doc.Geo{Lat: 40.06, Lon: 70.82, Country: "KG", Admin1: "Batken Region"}},
			{Name: "Central Asia"}},
		Actors: []doc.Party{"KG", "TJ"}}
	bare := &Event{ID: "v2", Type: "statement"}
	via := []string{"Asianews", "the Kyrgyz side"}
	base := Record{Document: "kg-1", Outlet: "24.kg", Published: "2022-09-18"}
	rec := func(f func(r *Record)) Record {
		r := base
		f(&r)
		return r
	}
	return []Record{
		rec(func(r *Record) {
			r.Claim, r.Metric, r.Low, r.High, r.About, r.Side, r.Speaker = "c1", "killed", doc.Float(24), doc.Float(24), "KG", "KG", "Health Ministry"
			r.Evidence, r.Start, r.Text, r.Event, r.Via, r.Total = doc.EvidenceUnknown, 120, "24 people were killed", ev, via, true
		}),
		rec(func(r *Record) {
			r.Claim, r.Metric, r.Low, r.Approx, r.About, r.Side = "c2", "injured", doc.Float(100), "more than", "KG", "KG"
			r.Evidence, r.Start, r.Text, r.Event, r.Via, r.Hedged, r.Increment = doc.EvidenceNoneGiven, 300, "more than 100 wounded", ev, via, true, true
			r.Partial, r.Unit, r.DeniedBy = true, doc.KindCivilians, "TJ"
		}),
		rec(func(r *Record) {
			r.Claim, r.Metric, r.Unit, r.High, r.About = "c3", "military_losses", "tanks", doc.Float(1.5e20), "TJ"
			r.Breakdown, r.Start, r.Text, r.Event, r.Via = true, 512, "Ж tanks", ev, []string{"Sputnik"}
		}),
		rec(func(r *Record) { r.Claim, r.Metric, r.Text = "c4", "count", "" }),
		rec(func(r *Record) { r.Side, r.Start, r.Event = "KG", 700, bare }),
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	tests := map[string][]Record{
		"hand-made": encodeRecords(),
		"generated": GenerateRecords(40)[:20],
		"one bare":  {{Document: "d"}},
	}
	for name, recs := range tests {
		t.Run(name, func(t *testing.T) {
			data, err := AppendDocument([]byte("prefix"), recs)
			if err != nil {
				t.Fatal(err)
			}
			var got []Record
			err = DecodeDocument(string(data[len("prefix"):]), func(r *Record) error {
				got = append(got, *r)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, recs) {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(recs)
				t.Errorf("decoded\n%s\nwant\n%s", g, w)
			}
			// Records that shared an event and a via list share them again.
			for i := 1; i < len(got); i++ {
				if (recs[i].Event == recs[i-1].Event) != (got[i].Event == got[i-1].Event) {
					t.Errorf("records %d and %d: events shared %v, decoded shared %v", i-1, i,
						recs[i].Event == recs[i-1].Event, got[i].Event == got[i-1].Event)
				}
			}
		})
	}
}

func TestEncodeRejects(t *testing.T) {
	if _, err := AppendDocument(nil, nil); err == nil {
		t.Error("no records encoded without an error")
	}
	two := []Record{{Document: "a"}, {Document: "b"}}
	if _, err := AppendDocument(nil, two); err == nil {
		t.Error("records of two documents encoded as one")
	}
	data, err := AppendDocument(nil, encodeRecords())
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{
		"empty":     "",
		"version":   "\x02" + string(data[1:]),
		"truncated": string(data[:len(data)-3]),
		"trailing":  string(data) + "x",
		"huge count": string(data[:1]) + "\x00\x00\x00" +
			"\xff\xff\xff\xff\xff\xff\xff\xff\x7f",
	} {
		n := 0
		err := DecodeDocument(bad, func(*Record) error { n++; return nil })
		if err == nil {
			t.Errorf("%s: decoded %d records without an error", name, n)
		}
	}
}

// encodeDocuments encodes the records of each document of recs (records
// of one document follow each other).
func encodeDocuments(tb testing.TB, recs []Record) []string {
	var docs []string
	for lo := 0; lo < len(recs); {
		hi := lo + 1
		for hi < len(recs) && recs[hi].Document == recs[lo].Document {
			hi++
		}
		data, err := AppendDocument(nil, recs[lo:hi])
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, string(data))
		lo = hi
	}
	return docs
}

// A comparison of documents added encoded is the comparison of their
// records added one by one.
func TestAddDocumentSameAsAdd(t *testing.T) {
	recs := append(GenerateRecords(20_000), encodeRecords()...)
	byRecord := NewBuilder(len(recs))
	byDocument := NewBuilder(len(recs))
	for _, data := range encodeDocuments(t, recs) {
		if err := byDocument.AddDocument(data); err != nil {
			t.Fatal(err)
		}
	}
	for i := range recs {
		byRecord.Add(&recs[i])
	}
	want, _ := json.Marshal(byRecord.Comparison().Report(Options{}))
	got, _ := json.Marshal(byDocument.Comparison().Report(Options{}))
	if string(got) != string(want) {
		t.Errorf("the comparison of encoded documents differs from that of their records (%d and %d bytes)", len(got), len(want))
	}
}

func FuzzDecodeDocument(f *testing.F) {
	for _, recs := range [][]Record{encodeRecords(), GenerateRecords(40)[:20]} {
		data, err := AppendDocument(nil, recs)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("\x01\x00\x00\x00\x01\x00\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var recs []Record
		err := DecodeDocument(string(data), func(r *Record) error {
			recs = append(recs, *r)
			return nil
		})
		if err != nil {
			return
		}
		b := NewBuilder(0)
		if err := b.AddDocument(string(data)); err != nil {
			t.Fatalf("decoded, but not added: %v", err)
		}
		b.Comparison().Report(Options{})
		if len(recs) == 0 {
			return
		}
		again, err := AppendDocument(nil, recs)
		if err != nil {
			t.Fatal(err)
		}
		var recs2 []Record
		if err := DecodeDocument(string(again), func(r *Record) error {
			recs2 = append(recs2, *r)
			return nil
		}); err != nil {
			t.Fatalf("re-encoded records do not decode: %v", err)
		}
		if !reflect.DeepEqual(recs, recs2) {
			t.Fatalf("re-encoded records decode differently")
		}
	})
}
