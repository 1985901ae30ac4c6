package cli

import (
	"time"

	"github.com/spf13/pflag"

	"github.com/parallaxnews/parallax/ingest"
)

// inputOptions are the flags of every command that reads articles.
type inputOptions struct {
	maxBytes     int64
	timeout      time.Duration
	allowPrivate bool
}

func (o *inputOptions) register(f *pflag.FlagSet) {
	f.Int64Var(&o.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "size limit of one input (file, download, record) in `BYTES`")
	f.DurationVar(&o.timeout, "timeout", ingest.DefaultTimeout, "time limit of one download, from connecting to the last byte")
	f.BoolVar(&o.allowPrivate, "allow-private", false, "let downloads reach loopback, private and link-local addresses")
}

// reader returns an article reader configured by o.
func (m *Main) reader(o inputOptions) *ingest.Reader {
	return ingest.NewReader(ingest.Options{
		MaxBytes:     o.maxBytes,
		Timeout:      o.timeout,
		AllowPrivate: o.allowPrivate,
		Stdin:        m.Stdin,
	})
}
