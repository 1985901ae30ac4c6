// Package cli is the parallax command line: one file per command. Main
// holds the standard streams so that end-to-end tests run the same code as
// the binary.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitInput = 1 // bad input: one clear line on stderr names it
	ExitUsage = 2 // bad command line
)

// Main is the parallax program with its streams.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// New returns a Main reading and writing the given streams.
func New(stdin io.Reader, stdout, stderr io.Writer) *Main {
	return &Main{Stdin: stdin, Stdout: stdout, Stderr: stderr}
}

// usageError is a mistake on the command line (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errReported means the failures were already written to stderr, one line
// each; the exit status is 1.
var errReported = errors.New("failures reported")

// Run runs the command line args (without the program name) and returns the
// exit status.
func (m *Main) Run(ctx context.Context, args []string) int {
	slog.SetDefault(slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	root := m.root()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errReported):
		return ExitInput
	case errors.As(err, new(usageError)) || strings.HasPrefix(err.Error(), "unknown command"):
		fmt.Fprintf(m.Stderr, "parallax: %v\n", err)
		fmt.Fprintln(m.Stderr, "Run 'parallax --help' for usage.")
		return ExitUsage
	default:
		fmt.Fprintf(m.Stderr, "parallax: %v\n", err)
		return ExitInput
	}
}

func (m *Main) root() *cobra.Command {
	root := &cobra.Command{
		Use:   "parallax",
		Short: "Who claims what about a conflict, on what evidence, and what each side leaves out",
		Long: `Parallax reads news articles about a conflict and extracts, each anchored to
its span of text, the entities, dates, figures, attributions, claims, events
and rhetoric; it stores them and compares the sides' figures across articles.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(m.Stdin)
	root.SetOut(m.Stdout)
	root.SetErr(m.Stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(m.analyzeCmd())
	root.AddCommand(m.demoCmd())
	root.AddCommand(m.serveCmd())
	root.AddCommand(m.ingestCmd())
	root.AddCommand(m.listCmd())
	root.AddCommand(m.showCmd())
	root.AddCommand(m.searchCmd())
	root.AddCommand(m.compareCmd())
	root.AddCommand(m.silencesCmd())
	root.AddCommand(m.timelineCmd())
	return root
}

// args wraps a cobra argument check so that its failures are usage errors.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usageError{err}
		}
		return nil
	}
}
