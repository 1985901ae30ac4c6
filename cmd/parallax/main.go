// Command parallax reads news about a conflict and says who claims what, on
// what evidence, where the sides contradict each other and what each side
// leaves out. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/parallaxnews/parallax/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.New(os.Stdin, os.Stdout, os.Stderr).Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
