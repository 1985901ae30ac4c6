package web_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/cli"
)

// TestServeCommand runs `parallax serve` as the binary does, on a free
// loopback port with a fresh database, ingests a text and stops it.
func TestServeCommand(t *testing.T) {
	type post struct {
		token  string
		status int
	}
	tests := []struct {
		name     string
		args     []string
		readOnly bool
		posts    []post
	}{
		{"loopback", []string{"--addr", "127.0.0.1:0"}, false, []post{{"", http.StatusCreated}}},
		{"all interfaces without token", []string{"--addr", "0.0.0.0:0"}, true, []post{{"", http.StatusForbidden}}},
		{"all interfaces with token", []string{"--addr", "0.0.0.0:0", "--token", "tok"}, false,
			[]post{{"", http.StatusUnauthorized}, {"nope", http.StatusUnauthorized}, {"tok", http.StatusCreated}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			out, w := io.Pipe()
			var stderr strings.Builder
			m := cli.New(strings.NewReader(""), w, &stderr)
			args := append([]string{"serve", "--db", filepath.Join(t.TempDir(), "p.db")}, tt.args...)
			done := make(chan int, 1)
			go func() { done <- m.Run(ctx, args); w.Close() }()
			lines := make(chan string, 16)
			go func() {
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
			}()
			var base string
			select {
			case l := <-lines:
				if _, u, ok := strings.Cut(l, " on http://"); ok {
					base = "http://" + strings.Replace(strings.TrimSuffix(u, "/"), "0.0.0.0", "127.0.0.1", 1)
				}
			case <-time.After(60 * time.Second):
			}
			if base == "" {
				cancel()
				t.Fatalf("the server did not start (exit status %d): %s", <-done, stderr.String())
			}
			readOnly := false
			select { // the read-only notice follows at once, if at all
			case l := <-lines:
				readOnly = strings.HasPrefix(l, "Read-only")
			case <-time.After(200 * time.Millisecond):
			}
			if readOnly != tt.readOnly {
				t.Errorf("read-only %v, want %v", readOnly, tt.readOnly)
			}
			resp, err := http.Get(base + "/")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("front page: %s", resp.Status)
			}
			for _, p := range tt.posts {
				req, _ := http.NewRequest("POST", base+"/api/v1/documents", strings.NewReader(`{"text":"Two people were hurt on Monday, officials said."}`))
				req.Header.Set("Content-Type", "application/json")
				if p.token != "" {
					req.Header.Set("Authorization", "Bearer "+p.token)
				}
				resp, err = http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != p.status {
					t.Errorf("POST with token %q: %s, want %d: %s", p.token, resp.Status, p.status, body)
				}
			}
			cancel()
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("exit status %d: %s", code, stderr.String())
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the server did not stop")
			}
		})
	}
}
