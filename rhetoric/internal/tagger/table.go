package tagger

// table is an open-addressing hash table from non-zero-hash uint64 keys to
// values of type V, cleared in constant time between documents: the hot
// loop of feature extraction looks a word up in it for every token, which
// a Go map makes several times slower.
type table[V any] struct {
	keys []uint64
	gen  []uint32 // a slot is in use when gen[i] == cur
	vals []V
	cur  uint32
	n    int
}

// reset empties t.
func (t *table[V]) reset() {
	t.cur++
	t.n = 0
	if t.cur == 0 { // wrapped: stamps from long ago would look current
		clear(t.gen)
		t.cur = 1
	}
	if t.keys == nil {
		t.grow(256)
	}
}

func (t *table[V]) grow(size int) {
	keys, gen, vals, cur := t.keys, t.gen, t.vals, t.cur
	t.keys, t.gen, t.vals, t.cur, t.n = make([]uint64, size), make([]uint32, size), make([]V, size), 1, 0
	for i, g := range gen {
		if g == cur {
			*t.slot(keys[i]) = vals[i]
		}
	}
}

// slot returns the value of key k, adding a zero value when k is new.
func (t *table[V]) slot(k uint64) *V {
	if 4*(t.n+1) > 3*len(t.keys) {
		t.grow(2 * len(t.keys))
	}
	mask := uint64(len(t.keys) - 1)
	i := (k * 0x9E3779B97F4A7C15) >> 20 & mask
	for t.gen[i] == t.cur {
		if t.keys[i] == k {
			return &t.vals[i]
		}
		i = (i + 1) & mask
	}
	t.gen[i], t.keys[i] = t.cur, k
	var zero V
	t.vals[i] = zero
	t.n++
	return &t.vals[i]
}

// get returns the value of key k and whether it is there.
func (t *table[V]) get(k uint64) (V, bool) {
	mask := uint64(len(t.keys) - 1)
	i := (k * 0x9E3779B97F4A7C15) >> 20 & mask
	for t.gen[i] == t.cur {
		if t.keys[i] == k {
			return t.vals[i], true
		}
		i = (i + 1) & mask
	}
	var zero V
	return zero, false
}

// wordEntry is what the extractor knows of a word before reading any
// document: its lexicon groups, its cluster and whether a multi-word cue
// starts with it.
type wordEntry struct {
	hw     uint32 // 0: an empty slot
	cue    uint32
	cl     uint32
	phrase bool
}

// wordTable is a read-only open-addressing table of wordEntry by word hash,
// one cache line away from an answer, for the words of the clusters.
type wordTable struct {
	slots []wordEntry
	mask  uint32
}

// newWordTable returns a table of the entries es (hashes not 0, distinct).
func newWordTable(es []wordEntry) wordTable {
	size := 16
	for size < 2*len(es) {
		size *= 2
	}
	t := wordTable{slots: make([]wordEntry, size), mask: uint32(size - 1)}
	for _, e := range es {
		i := e.hw * 0x9E3779B1 >> 7 & t.mask
		for t.slots[i].hw != 0 && t.slots[i].hw != e.hw {
			i = (i + 1) & t.mask
		}
		t.slots[i] = e
	}
	return t
}

// get returns the entry of the word with hash hw.
func (t *wordTable) get(hw uint32) (wordEntry, bool) {
	if hw == 0 || len(t.slots) == 0 {
		return wordEntry{}, false
	}
	i := hw * 0x9E3779B1 >> 7 & t.mask
	for {
		e := t.slots[i]
		if e.hw == hw {
			return e, true
		}
		if e.hw == 0 {
			return wordEntry{}, false
		}
		i = (i + 1) & t.mask
	}
}
