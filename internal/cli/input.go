package cli

import (
	"github.com/spf13/pflag"

	"github.com/parallaxnews/parallax/ingest"
)

// inputOptions are the flags of every command that reads articles.
type inputOptions struct {
	maxBytes int64
}

func (o *inputOptions) register(f *pflag.FlagSet) {
	f.Int64Var(&o.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "size limit of one input in `BYTES`")
}

// reader returns an article reader configured by o.
func (m *Main) reader(o inputOptions) *ingest.Reader {
	return ingest.NewReader(ingest.Options{MaxBytes: o.maxBytes, Stdin: m.Stdin})
}
