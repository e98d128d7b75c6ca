// Command dossier turns articles about political violence into a sourced
// knowledge base. Each subcommand lives in its own file with its own flag
// set; main only dispatches.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"syscall"
)

// command is one subcommand: its one-line summary and its entry point.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// Env is what a subcommand may touch of the outside world; tests pass their own.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Log    *slog.Logger
	// Terminal says Stdout and Stderr are terminals: control characters
	// in what dossier prints are then shown escaped (see terminal.go).
	Terminal bool
}

// commands is filled by each subcommand's file.
var commands = map[string]command{}

// exitError carries a specific exit status out of a subcommand.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// defaultMemoryLimit is the Go heap's soft limit when GOMEMLIMIT is not set.
const defaultMemoryLimit = 288 << 20

// Exit statuses, documented in the README.
const (
	exitOK      = 0
	exitFailure = 1 // the command could not run at all
	exitUsage   = 2 // bad flags or arguments
	exitPartial = 3 // some inputs failed; the others were processed
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the collector works harder near it, so that the
		// garbage of decoding and extraction does not double the memory a
		// run needs. GOMEMLIMIT overrides it.
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	secrets := secretsOf(os.Getenv("DOSSIER_DB"), os.Args[1:])
	stdout, stderr := newRedactWriter(os.Stdout, secrets), newRedactWriter(os.Stderr, secrets)
	if isTerminal(os.Stdout) {
		stdout = forTerminal(stdout)
	}
	if isTerminal(os.Stderr) {
		stderr = forTerminal(stderr)
	}
	env := &Env{Stdin: os.Stdin, Stdout: stdout, Stderr: stderr,
		Log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	code := Run(ctx, env, os.Args[1:])
	flushAll(stdout, stderr)
	stop()
	os.Exit(code)
}

// Run runs one subcommand and returns the process exit status. Database
// passwords never reach env's writers (see secrets.go).
func Run(ctx context.Context, env *Env, args []string) int {
	if env.Terminal {
		e := *env
		e.Stdout, e.Stderr = forTerminal(env.Stdout), forTerminal(env.Stderr)
		env = &e
	}
	if secrets := secretsOf(os.Getenv("DOSSIER_DB"), args); len(secrets) > 0 {
		if _, done := env.Stdout.(*redactWriter); !done {
			e := *env
			e.Stdout, e.Stderr = newRedactWriter(env.Stdout, secrets), newRedactWriter(env.Stderr, secrets)
			defer flushAll(e.Stdout, e.Stderr)
			env = &e
		}
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "dossier: unknown command %q\n\n", args[0])
		usage(env.Stderr)
		return exitUsage
	}
	err := cmd.run(ctx, env, args[1:])
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(env.Stderr, "dossier %s: %v\n", args[0], ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(env.Stderr, "dossier %s: %v\n", args[0], err)
	return exitFailure
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dossier turns articles about political violence into a sourced knowledge base.")
	fmt.Fprintln(w, "\nUsage: dossier COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'dossier COMMAND -h' for a command's flags.")
}

// parseFlags parses a subcommand's flags. stop is true when the command
// must return at once: after -h (err nil) or on a bad flag (err carries the
// usage exit status; the flag package has printed the problem).
func parseFlags(fs *flag.FlagSet, args []string) (stop bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return true, &exitError{code: exitUsage}
	}
	return false, nil
}
