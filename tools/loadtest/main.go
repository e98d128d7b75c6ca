// Command loadtest puts a running dossier web server under load: many
// concurrent clients open incident and actor pages (or other paths) for a
// while, and it reports errors and latency percentiles, both as the
// clients saw them and as the server measured its own work (the
// Server-Timing header that every page carries).
//
//	go run ./tools/loadtest -url http://127.0.0.1:8080 -clients 200 -duration 30s
//
// It exits 1 when a request failed or when the server's p99 for a kind of
// page is over -max-p99. scripts/load-test.sh runs it against `dossier demo`.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server's address")
	clients := flag.Int("clients", 200, "concurrent clients")
	duration := flag.Duration("duration", 30*time.Second, "how long to run")
	kinds := flag.String("pages", "incident,actor", "kinds of page to open, comma-separated: incident, actor, document, home, search, list")
	maxP99 := flag.Duration("max-p99", 50*time.Millisecond, "fail when the server's p99 for a kind of page is over this")
	flag.Parse()
	if err := run(*base, *clients, *duration, strings.Split(*kinds, ","), *maxP99); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

type sample struct {
	kind                  string
	client, server, queue time.Duration
	err                   error
}

func run(base string, clients int, duration time.Duration, kinds []string, maxP99 time.Duration) error {
	base = strings.TrimSuffix(base, "/")
	transport := &http.Transport{MaxIdleConns: clients * 2, MaxIdleConnsPerHost: clients * 2, IdleConnTimeout: time.Minute}
	hc := &http.Client{Transport: transport, Timeout: 30 * time.Second}

	paths := map[string][]string{}
	for _, k := range kinds {
		ps, err := discover(hc, base, k)
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			return fmt.Errorf("no %s pages to open", k)
		}
		paths[k] = ps
	}
	fmt.Printf("%d clients for %s against %s; pages:", clients, duration, base)
	for _, k := range kinds {
		fmt.Printf(" %d %s", len(paths[k]), k)
	}
	fmt.Printf("; load generator on the same machine, %d CPUs\n", runtime.NumCPU())

	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	results := make(chan []sample, clients)
	start := time.Now()
	for c := 0; c < clients; c++ {
		go func(seed uint64) {
			r := rand.New(rand.NewPCG(seed, 7))
			var out []sample
			for ctx.Err() == nil {
				k := kinds[r.IntN(len(kinds))]
				ps := paths[k]
				s := fetch(hc, base+ps[r.IntN(len(ps))])
				s.kind = k
				if ctx.Err() != nil && s.err != nil {
					break // cut off by the end of the run
				}
				out = append(out, s)
			}
			results <- out
		}(uint64(c))
	}
	var all []sample
	for c := 0; c < clients; c++ {
		all = append(all, <-results...)
	}
	elapsed := time.Since(start)

	failed := false
	fmt.Println("\nserver: the time a worker spent on the request (Server-Timing app); queue: the time it waited")
	fmt.Println("for a worker (Server-Timing queue); client: from sending the request to the last byte.")
	fmt.Printf("\n%-10s %9s %7s %8s | %-26s | %-19s | %-26s\n", "page", "requests", "errors", "req/s", "server p50 / p99 / max", "queue p50 / p99", "client p50 / p99 / max")
	for _, k := range kinds {
		var server, client, queue []time.Duration
		errs := 0
		var firstErr error
		for _, s := range all {
			if s.kind != k {
				continue
			}
			if s.err != nil {
				errs++
				if firstErr == nil {
					firstErr = s.err
				}
				continue
			}
			server, client, queue = append(server, s.server), append(client, s.client), append(queue, s.queue)
		}
		n := len(server) + errs
		fmt.Printf("%-10s %9d %7d %8.0f | %-26s | %-19s | %-26s\n", k, n, errs, float64(n)/elapsed.Seconds(), pcts(server),
			round(pct(queue, 0.5))+" / "+round(pct(queue, 0.99)), pcts(client))
		if errs > 0 {
			failed = true
			fmt.Printf("  first error: %v\n", firstErr)
		}
		if p := pct(server, 0.99); p > maxP99 {
			failed = true
			fmt.Printf("  server p99 %s is over %s\n", p, maxP99)
		}
	}
	if failed {
		return errors.New("the run failed")
	}
	return nil
}

func fetch(hc *http.Client, u string) sample {
	t0 := time.Now()
	resp, err := hc.Get(u)
	if err != nil {
		return sample{err: err}
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	s := sample{client: time.Since(t0)}
	switch {
	case err != nil:
		s.err = err
	case resp.StatusCode != http.StatusOK:
		s.err = fmt.Errorf("GET %s: %s", u, resp.Status)
	default:
		h := resp.Header.Get("Server-Timing")
		s.server, s.err = serverTiming(h, "app")
		s.queue, _ = serverTiming(h, "queue")
	}
	return s
}

// serverTiming reads one metric of "queue;dur=0.01, app;dur=12.34"
// (milliseconds).
func serverTiming(h, metric string) (time.Duration, error) {
	_, dur, ok := strings.Cut(h, metric+";dur=")
	if !ok {
		return 0, fmt.Errorf("no Server-Timing %s in %q", metric, h)
	}
	if i := strings.IndexAny(dur, ",;"); i >= 0 {
		dur = dur[:i]
	}
	ms, err := strconv.ParseFloat(dur, 64)
	return time.Duration(ms * float64(time.Millisecond)), err
}

// discover lists the pages of a kind through the API.
func discover(hc *http.Client, base, kind string) ([]string, error) {
	switch kind {
	case "home":
		return []string{"/"}, nil
	case "search":
		return []string{"/search?q=attack", "/search?q=Kadhimi", "/search?q=bomb+Baghdad", "/search?q=Somalia"}, nil
	case "list":
		return []string{"/incidents", "/incidents?country=Iraq", "/incidents?sort=fatalities", "/actors"}, nil
	}
	api := map[string]string{"incident": "/api/v1/incidents", "actor": "/api/v1/actors", "document": "/api/v1/documents"}[kind]
	if api == "" {
		return nil, fmt.Errorf("unknown kind of page %q", kind)
	}
	var out []string
	next := ""
	for {
		u := base + api + "?limit=500"
		if next != "" {
			u += "&cursor=" + url.QueryEscape(next)
		}
		resp, err := hc.Get(u)
		if err != nil {
			return nil, err
		}
		var page struct {
			Items []struct {
				ID         string `json:"id"`
				DocumentID string `json:"document_id"`
			} `json:"items"`
			Next *string `json:"next"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", u, err)
		}
		for _, it := range page.Items {
			id := it.ID
			if kind == "document" {
				id = it.DocumentID
			}
			out = append(out, "/"+kind+"s/"+url.PathEscape(id))
		}
		if page.Next == nil || len(out) >= 100000 {
			return out, nil
		}
		next = *page.Next
	}
}

func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[min(len(ds)-1, int(p*float64(len(ds))))]
}

func round(d time.Duration) string { return d.Round(100 * time.Microsecond).String() }

func pcts(ds []time.Duration) string {
	return round(pct(ds, 0.5)) + " / " + round(pct(ds, 0.99)) + " / " + round(pct(ds, 1))
}
