package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/web"
)

func init() {
	commands["serve"] = command{summary: "serve the web UI and the JSON API of a knowledge base", run: runServe}
}

const defaultAddr = "127.0.0.1:8080"

// serveFlags are the flags serve and demo share.
type serveFlags struct {
	db, addr, tokens *string
	hosts            *listFlag
	secure           *bool
}

func addServeFlags(fs *flag.FlagSet) serveFlags {
	f := serveFlags{
		db:     dbFlag(fs),
		addr:   fs.String("addr", defaultAddr, "address to listen on; the default accepts connections from this machine only"),
		tokens: fs.String("tokens", "", "file of the tokens that may write reviews (default: beside the knowledge base; see 'dossier token')"),
		hosts:  &listFlag{},
		secure: fs.Bool("secure-cookies", false, "mark the sign-in cookie Secure (behind TLS; automatic when the proxy sends X-Forwarded-Proto: https)"),
	}
	fs.Var(f.hosts, "allowed-host", "a host name clients may use to reach this server, besides the listening address and localhost;\nrepeat or separate with commas; \"*\" allows any (behind a load balancer that checks it)")
	return f
}

// listFlag is a flag that may be repeated and holds comma-separated values.
type listFlag struct{ vals []string }

func (l *listFlag) String() string { return strings.Join(l.vals, ",") }
func (l *listFlag) Set(v string) error {
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			l.vals = append(l.vals, x)
		}
	}
	return nil
}

// allowedHosts are the Host names the server answers for: the listening
// address, this machine's loopback names, and those given.
func allowedHosts(addr string, ln net.Addr, extra []string) []string {
	hosts := []string{"localhost", "127.0.0.1", "::1"}
	for _, a := range []string{addr, ln.String()} {
		if h, _, err := net.SplitHostPort(a); err == nil && h != "" && h != "0.0.0.0" && h != "::" {
			hosts = append(hosts, h)
		}
	}
	return append(hosts, extra...)
}

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	f := addServeFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier serve [--db DSN] [--addr HOST:PORT] [--tokens FILE]")
		fmt.Fprintln(env.Stderr, "\nServes the knowledge base: HTML pages at /, the JSON API at /api/v1/ (described at")
		fmt.Fprintln(env.Stderr, "/api/v1/openapi.json). Reading needs no token; reviewing needs one from 'dossier token create'.")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	st, err := openStore(ctx, env, *f.db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	return serve(ctx, env, st, f)
}

// serve listens on addr (a bind error is returned, never swallowed),
// prints the URL, and serves until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, env *Env, st *sqlstore.DB, f serveFlags) error {
	db, addr, tokens := *f.db, *f.addr, tokenFile(*f.tokens, *f.db)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv, err := web.New(web.Config{Store: st, Auth: tokens, Log: env.Log, MaxInFlight: poolForServing(st),
		AllowedHosts: allowedHosts(addr, ln.Addr(), f.hosts.vals), SecureCookies: *f.secure})
	if err != nil {
		ln.Close()
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(env.Log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	url := "http://" + ln.Addr().String() + "/"
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !isLoopback(host) {
		fmt.Fprintf(env.Stderr, "dossier: warning: listening on %s, which other machines can reach; reading needs no token\n", ln.Addr())
		if len(f.hosts.vals) == 0 {
			fmt.Fprintf(env.Stderr, "dossier: only requests naming %s or localhost are answered; add the names clients use with --allowed-host\n", ln.Addr())
		}
	}
	fmt.Fprintf(env.Stdout, "serving %s at %s\n", where(db), url)
	fmt.Fprintf(env.Stdout, "reviews need a token from: dossier token create --name YOUR-NAME (tokens: %s)\n", tokens.Path())

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// poolForServing sizes the store's connection pool and the number of
// requests served at once, and returns the latter. database/sql keeps two
// idle connections by default; under concurrent readers every other one
// would be closed after each query and a new one opened (and its schema
// parsed) for the next, which costs more than the queries. SQLite here is
// pure Go and in memory once warm: its queries are CPU work, so serving
// one request per CPU at a time gives the same throughput as more, and a
// short, steady time for each. PostgreSQL's queries wait on the network,
// so more run at once.
func poolForServing(st *sqlstore.DB) int {
	procs := runtime.GOMAXPROCS(0)
	if st.Dialect().Name() == "sqlite" {
		conns := max(4, 2*procs) // a page may read on a few connections at once
		st.SQL().SetMaxOpenConns(conns)
		st.SQL().SetMaxIdleConns(conns)
		return procs
	}
	st.SQL().SetMaxIdleConns(8) // postgres.Open allows 8 open connections
	return 8
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// tokenFile names the file of write tokens. The store has no table for
// them, so they sit beside an SQLite file (FILE.tokens); for PostgreSQL,
// in the per-user data folder, one file per server and database.
func tokenFile(flagValue, db string) *web.TokenFile {
	if flagValue != "" {
		return web.OpenTokenFile(flagValue)
	}
	if v := os.Getenv("DOSSIER_TOKENS"); v != "" {
		return web.OpenTokenFile(v)
	}
	if !isPostgres(db) {
		return web.OpenTokenFile(strings.TrimPrefix(db, "sqlite:") + ".tokens")
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil {
			dir = filepath.Join(home, ".local", "share")
		}
	}
	h := sha256.Sum256([]byte(where(db)))
	return web.OpenTokenFile(filepath.Join(dir, "dossier", "postgres-"+hex.EncodeToString(h[:6])+".tokens"))
}
