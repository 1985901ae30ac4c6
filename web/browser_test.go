package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/parallaxnews/parallax/doc"
)

const chromiumPath = "/usr/bin/chromium"

// browser starts a headless Chromium for a test and returns its context.
// The test is skipped when Chromium is absent, unless
// PARALLAX_REQUIRE_BROWSER is set (as in CI), when it fails.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("PARALLAX_REQUIRE_BROWSER") != "" {
			t.Fatalf("PARALLAX_REQUIRE_BROWSER is set but %s is missing: %v", chromiumPath, err)
		}
		t.Skipf("%s is missing and PARALLAX_REQUIRE_BROWSER is unset: skipping the browser test", chromiumPath)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		t.Fatalf("starting Chromium: %v", err)
	}
	return bctx
}

// tab opens a new tab of the browser for one subtest. Dialogs, script
// exceptions and Content-Security-Policy reports are collected in the
// returned problems.
func tab(t *testing.T, bctx context.Context) (context.Context, *problems) {
	t.Helper()
	p := &problems{}
	var ctx context.Context
	listen := func(ev any) { // runs on the tab's reader: quick, no commands
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			p.add("a dialog opened: " + ev.Message)
			go func() {
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		case *runtime.EventExceptionThrown:
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			p.add("script exception: " + msg)
		case *log.EventEntryAdded:
			if strings.Contains(ev.Entry.Text, "Content Security Policy") {
				p.mu.Lock()
				p.csp = append(p.csp, ev.Entry.Text)
				p.mu.Unlock()
			}
		}
	}
	ctx, cancelTab := chromedp.NewContext(bctx, chromedp.WithListener(listen))
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelTab() })
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx, p
}

// problems are what went wrong in the browser while a page was shown.
type problems struct {
	mu   sync.Mutex
	list []string
	csp  []string // CSP reports: expected for hostile pages, never for ours
}

func (p *problems) add(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, s)
}

func (p *problems) get() ([]string, []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.list...), append([]string(nil), p.csp...)
}

// artifacts returns the folder for screenshots: $PARALLAX_ARTIFACTS when
// set, a temporary folder otherwise.
func artifacts(t *testing.T) string {
	dir := os.Getenv("PARALLAX_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// screenshot saves the whole page as a PNG artifact.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveShot(t, ctx, name, chromedp.FullScreenshot(100))
}

// viewportShot saves what the window shows, for pages too tall to capture
// whole in a few seconds.
func viewportShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveShot(t, ctx, name, chromedp.CaptureScreenshot())
}

func saveShot(t *testing.T, ctx context.Context, name string, shot chromedp.Action[[]byte]) {
	t.Helper()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(artifacts(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// eval evaluates a JavaScript expression in the page, failing the test on
// error.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func open(t *testing.T, ctx context.Context, url, ready string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(ready))); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
}

// TestBrowser opens the pages in a real headless Chromium, one tab per
// subtest, and saves screenshots as artifacts.
func TestBrowser(t *testing.T) {
	bctx := browser(t)
	t.Run("sample article", func(t *testing.T) { testSampleArticle(t, bctx) })
	t.Run("hostile article", func(t *testing.T) { testHostileArticle(t, bctx) })
	t.Run("seed article", func(t *testing.T) { testSeedArticle(t, bctx) })
	t.Run("comparison", func(t *testing.T) { testComparison(t, bctx) })
}

// testComparison opens the comparison of the sample and a contradicting
// report, checks that the contradiction is marked, and follows a figure's
// link to its claim, highlighted in its article.
func testComparison(t *testing.T, bctx context.Context) {
	ctx, probs := tab(t, bctx)
	s, _ := crossServer(t)
	ts := httptestServer(t, s)
	open(t, ctx, ts+"/compare", "section.event")
	if n := eval[int](t, ctx, `document.querySelectorAll(".group.contested .flag-contradiction").length`); n == 0 {
		t.Error("no contradiction is marked")
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector(".flag-contradiction")).backgroundColor`); bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("the contradiction flag is not shaded: %q", bg)
	}
	screenshot(t, ctx, "compare.png")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`table.figures a[href^="/doc/south1"]`)), chromedp.WaitVisible(chromedp.CSS("#claim"))); err != nil {
		t.Fatal(err)
	}
	if cls := eval[string](t, ctx, `document.getElementById("claim").className`); !strings.Contains(cls, "focus") {
		t.Errorf("the linked claim is not focused: class %q", cls)
	}
	for _, p := range []string{"/silences", "/timeline", "/map"} {
		open(t, ctx, ts+p, "main")
		screenshot(t, ctx, "cross"+strings.ReplaceAll(p, "/", "-")+".png")
	}
	if list, csp := probs.get(); len(list) > 0 || len(csp) > 0 {
		t.Errorf("problems in the browser: %v %v", list, csp)
	}
}

func testSampleArticle(t *testing.T, bctx context.Context) {
	ctx, probs := tab(t, bctx)
	s, _ := crossServer(t)
	ts := httptestServer(t, s)
	open(t, ctx, ts+"/doc/sample1", "#article-body")
	claims := eval[int](t, ctx, `document.querySelectorAll("#article-body mark.l-claim").length`)
	rhetoric := eval[int](t, ctx, `document.querySelectorAll("#article-body mark.l-rhetoric").length`)
	if claims < 3 || rhetoric < 3 {
		t.Errorf("%d claim and %d rhetoric highlights, want at least 3 of each", claims, rhetoric)
	}
	const claimBG = `getComputedStyle(document.querySelector("#article-body mark.l-claim")).backgroundColor`
	if bg := eval[string](t, ctx, claimBG); bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("claims are not shaded: background %q", bg)
	}
	if deco := eval[string](t, ctx, `getComputedStyle(document.querySelector("#article-body mark.l-rhetoric")).textDecorationLine`); deco != "underline" {
		t.Errorf("rhetoric is not underlined: %q", deco)
	}
	eval[bool](t, ctx, `document.querySelector("#article-body mark.l-claim").dispatchEvent(new MouseEvent("mouseover", {bubbles: true}))`)
	if hidden := eval[bool](t, ctx, `document.getElementById("ann-tip").hidden`); hidden {
		t.Error("hovering a claim shows no details")
	}
	if tip := eval[string](t, ctx, `document.getElementById("ann-tip").textContent`); !strings.Contains(tip, "killed") || !strings.Contains(tip, "none given") {
		t.Errorf("hovering a claim shows %q, want its metric and evidence", tip)
	}
	screenshot(t, ctx, "article-sample.png")
	// Switching the claims layer off removes their shading.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("label.tg-claim"))); err != nil {
		t.Fatal(err)
	}
	if bg := eval[string](t, ctx, claimBG); bg != "rgba(0, 0, 0, 0)" {
		t.Errorf("with claims toggled off their background is %q", bg)
	}
	for _, p := range []string{"/", "/map", "/compare", "/timeline"} {
		open(t, ctx, ts+p, "main")
		screenshot(t, ctx, "page"+strings.ReplaceAll(strings.TrimSuffix(p, "/"), "/", "-")+".png")
	}
	if list, csp := probs.get(); len(list) > 0 || len(csp) > 0 {
		t.Errorf("problems in the browser: %v %v", list, csp)
	}
}

func testHostileArticle(t *testing.T, bctx context.Context) {
	ctx, probs := tab(t, bctx)
	s, st := newTestServer(t, Config{})
	text := hostileText()
	a := doc.NewAnalysis(doc.Document{ID: "evil", Title: `<img src=x onerror="window.__pwned=6">`, URL: "javascript:window.__pwned=7", Text: text})
	i := strings.Index(text, "<img")
	a.Claims = []doc.Claim{{ID: "c1", Metric: `<img src=x onerror="window.__pwned=8">`, Start: i, End: i + 40, Text: text[i : i+40]}}
	a.Rhetoric = []doc.Rhetoric{{Start: 0, End: 60, Text: text[:60], Technique: `"><img src=x onerror="window.__pwned=9">`}}
	if _, err := st.Put(context.Background(), []*doc.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	ts := httptestServer(t, s)
	open(t, ctx, ts+"/doc/evil", "#article-body")
	if err := chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil { // time for anything that would run
		t.Fatal(err)
	}
	if pwned := eval[string](t, ctx, `String(window.__pwned)`); pwned != "undefined" {
		t.Errorf("article markup ran: window.__pwned = %s", pwned)
	}
	const injectedJS = `document.querySelectorAll("main img, main iframe, main style, main svg:not(.map), main a[href^='javascript'], #article-body script, textarea").length`
	if n := eval[int](t, ctx, injectedJS); n != 0 {
		t.Errorf("%d elements came from the article text", n)
	}
	visible := eval[string](t, ctx, `document.getElementById("article-body").textContent`)
	if !strings.Contains(visible, "<script>window.__pwned = 1;") || !strings.Contains(visible, `onerror="window.__pwned = 2"`) {
		t.Error("the markup is not shown as text")
	}
	if width := eval[int](t, ctx, `document.documentElement.scrollWidth`); width > 1400 {
		t.Errorf("the page is %d px wide: a long line overflows", width)
	}
	viewportShot(t, ctx, "article-hostile.png")
	if list, _ := probs.get(); len(list) > 0 {
		t.Errorf("problems in the browser: %v", list)
	}
}

func testSeedArticle(t *testing.T, bctx context.Context) {
	ts, a := seedServer(t) // skips without PARALLAX_SHARED
	ctx, probs := tab(t, bctx)
	open(t, ctx, ts.URL+"/doc/"+a.Document.ID, "#article-body")
	claims := eval[int](t, ctx, `document.querySelectorAll("#article-body mark.l-claim").length`)
	rhetoric := eval[int](t, ctx, `document.querySelectorAll("#article-body mark.l-rhetoric").length`)
	t.Logf("seed: %d claims → %d highlights; %d rhetoric spans → %d highlights", len(a.Claims), claims, len(a.Rhetoric), rhetoric)
	if len(a.Claims) > 0 && claims == 0 {
		t.Error("the seed's claims are not highlighted")
	}
	if len(a.Rhetoric) > 0 && rhetoric == 0 {
		t.Error("the seed's rhetoric is not highlighted")
	}
	screenshot(t, ctx, "article-seed.png")
	if list, csp := probs.get(); len(list) > 0 || len(csp) > 0 {
		t.Errorf("problems in the browser: %v %v", list, csp)
	}
}
