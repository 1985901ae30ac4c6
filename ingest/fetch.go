package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/parallaxnews/parallax/doc"
)

// errPrivateAddress is returned for a connection to an address that
// downloads may not reach without Options.AllowPrivate.
var errPrivateAddress = errors.New("address is not public")

// blockedError names the address a download was refused.
type blockedError struct{ ip netip.Addr }

func (e *blockedError) Error() string {
	return fmt.Sprintf("refusing to connect to %s: it is a loopback, private, link-local, multicast or unspecified address (allow it with --allow-private)", e.ip)
}
func (e *blockedError) Unwrap() error { return errPrivateAddress }

// nonPublic are address ranges outside the public internet that the netip
// predicates do not already cover.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use IPv4/IPv6 translation
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("::ffff:0:0/96"),   // IPv4-mapped (checked unmapped)
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
	netip.MustParsePrefix("ff00::/8"),        // multicast
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
}

// publicAddr reports whether ip is an address on the public internet.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// checkDial refuses connections to addresses that are not public. It runs
// on the resolved address just before connecting, so a name that resolves
// to a public address once and a private one later (DNS rebinding) is
// still refused.
func checkDial(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("connecting to %q: %w", host, err)
	}
	if !publicAddr(ip) {
		return &blockedError{ip: ip.Unmap()}
	}
	return nil
}

// newClient returns the HTTP client of a Reader: no proxy (a proxy would
// connect on our behalf where checkDial cannot see), at most maxRedirects
// redirects, each to http or https.
func newClient(allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = checkDial
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          16,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 0, // the request's context limits the whole download
	}
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to %q: only http and https are supported", req.URL.Scheme)
			}
			return nil
		},
	}
}

// isURL reports whether src names a URL rather than a file: a scheme of
// letters followed by "://".
func isURL(src string) bool {
	scheme, _, ok := strings.Cut(src, "://")
	if !ok || scheme == "" {
		return false
	}
	for _, c := range scheme {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// fetch downloads one URL and reads the documents in it. The timeout
// covers the whole download; the size limit is checked against the
// Content-Length before the body is read, and the body is never read past
// it.
func (r *Reader) fetch(ctx context.Context, raw string, fn func(doc.Document, error) error) error {
	fail := func(err error) error { return fn(doc.Document{}, &Error{Input: raw, Err: err}) }
	u, err := url.Parse(raw)
	if err != nil {
		return fail(fmt.Errorf("not a valid URL: %w", err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fail(fmt.Errorf("only http and https URLs are supported, not %q", u.Scheme))
	}
	if u.Host == "" {
		return fail(errors.New("the URL has no host"))
	}
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fail(fmt.Errorf("not a valid URL: %w", err))
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := r.client.Do(req)
	if err != nil {
		return fail(r.fetchError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail(fmt.Errorf("the server answered %s", resp.Status))
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return fail(tooLarge(resp.ContentLength, r.opts.MaxBytes))
	}
	final := resp.Request.URL.String()
	h := hint{ext: extension(resp.Request.URL.Path), contentType: resp.Header.Get("Content-Type"), size: resp.ContentLength, url: final}
	return r.readStream(ctx, raw, &timeoutReader{ctx: ctx, r: resp.Body, timeout: r.opts.Timeout}, h, fn)
}

// fetchError says in plain words why a download failed.
func (r *Reader) fetchError(err error) error {
	var be *blockedError
	switch {
	case errors.As(err, &be):
		return be
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("no complete answer within %s (--timeout): %w", r.opts.Timeout, context.DeadlineExceeded)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("download failed: %w", ue.Err)
	}
	return fmt.Errorf("download failed: %w", err)
}

// timeoutReader turns the read error of a body cut off by the timeout into
// one that says so.
type timeoutReader struct {
	ctx     context.Context
	r       io.Reader
	timeout time.Duration
}

func (t *timeoutReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF && t.ctx.Err() != nil {
		return n, fmt.Errorf("no complete answer within %s (--timeout): %w", t.timeout, context.DeadlineExceeded)
	}
	return n, err
}
