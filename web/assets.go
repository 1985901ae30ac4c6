package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// assets are the embedded static files, served under names that carry a
// hash of their content so that browsers may cache them for ever.
type assets struct {
	byName map[string]asset  // hashed name → file
	hashed map[string]string // plain name → hashed name
}

type asset struct {
	data  []byte
	ctype string
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]asset{}, hashed: map[string]string{}}
	entries, err := fs.ReadDir(files, "static")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		data, err := files.ReadFile("static/" + e.Name())
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(e.Name())
		name := strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.byName[name] = asset{data, ctype}
		a.hashed[e.Name()] = name
	}
	return a, nil
}

// url returns the address of the static file name under its hashed name.
func (a *assets) url(name string) (string, error) {
	h, ok := a.hashed[name]
	if !ok {
		return "", fmt.Errorf("no asset %q", name)
	}
	return "/static/" + h, nil
}

func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) {
	f, ok := s.assets.byName[r.PathValue("name")]
	if !ok {
		s.fail(w, r, errNotFound)
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.data))
}

func (s *Server) handleFavicon(w http.ResponseWriter, r *http.Request) {
	u, _ := s.assets.url("favicon.svg")
	http.Redirect(w, r, u, http.StatusMovedPermanently)
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	data, err := files.ReadFile("openapi.json")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(data)
}

// pageData is what every page template receives.
type pageData struct {
	Title string
	Nav   string // the current section, for the navigation bar
	Data  any
}

// pageNames are the page templates; each is parsed with layout.html.
var pageNames = []string{"index", "article", "compare", "silences", "timeline", "map", "error"}

func (s *Server) loadTemplates() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset": s.assets.url,
		"party": partyText,
		"join":  strings.Join,
		"add":   func(a, b int) int { return a + b },
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(files, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(files, "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		pages[name] = t
	}
	return pages, nil
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, d pageData) {
	var buf bytes.Buffer
	if v, ok := d.Data.(articleView); ok {
		buf.Grow(len(v.Body) + len(v.DetailsHTML) + len(v.Map) + 64<<10)
	}
	if err := s.pages[name].ExecuteTemplate(&buf, "layout.html", d); err != nil {
		s.log.Error("rendering a page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
