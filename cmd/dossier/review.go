package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/dossier-project/dossier"
)

func init() {
	commands["review"] = command{summary: "confirm, correct or reject an extracted value or a merge; list reviews", run: runReview}
}

const reviewUsage = `Usage: dossier review [--db DSN] [--author NAME] [--note TEXT] ACTION TARGET ID [FIELD] [VALUE]
       dossier review [--db DSN] list [ID]
       dossier review queue [--db DSN] [--format text|jsonl]          (see 'dossier review queue --help')
       dossier review queue [--db DSN] attach REPORT|DOCUMENT INCIDENT|new

ACTION is confirm, correct or reject. TARGET and what follows:
  incident ID FIELD [VALUE]   a field of an incident (title, date, location, type, sub_type,
                              fatalities, injuries, weapons, targets, perpetrators, accused,
                              part_of). confirm/reject name the value (confirm without one
                              confirms the reconciled value); correct gives the right one:
                              a date as 2021-11-07, a count as 3, 1-2 or 3+, a list as "a; b".
  actor ID name|kind VALUE    correct an actor's name or kind.
  report ID [INCIDENT]        the merge of a document's report (see 'dossier show incident'):
                              reject splits it off its incident, correct moves it to INCIDENT
                              (or to an incident of its own with 'new'), confirm keeps it where
                              it is, whatever later extraction says. A report waiting in the
                              review queue is placed with correct.
  mention ID [ACTOR]          the same for a document's actor (see 'dossier show actor').

Reviews are kept apart from extracted facts: re-ingesting or reprocessing applies them again.
`

func runReview(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	author := fs.String("author", defaultAuthor(), "who reviews (default $DOSSIER_AUTHOR or $USER)")
	note := fs.String("note", "", "why")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, reviewUsage)
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	a := fs.Args()
	if len(a) == 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	if a[0] == "queue" {
		return runReviewQueue(ctx, env, *db, *author, *note, a[1:])
	}
	if a[0] == "list" {
		st, err := openStore(ctx, env, *db, false)
		if err != nil {
			return err
		}
		defer st.Close()
		f := dossier.ReviewFilter{}
		if len(a) > 1 {
			f.TargetID = a[1]
		}
		rs, err := st.Reviews(ctx, f)
		if err != nil {
			return storeExit(err)
		}
		for _, r := range rs {
			note := ""
			if r.Note != "" {
				note = " — " + r.Note
			}
			fmt.Fprintf(env.Stdout, "%s  %s %s %s %s %q by %s%s\n", r.Time.Format("2006-01-02 15:04:05"), r.Action, r.Target, r.TargetID, r.Field, r.Value, r.Author, note)
		}
		return nil
	}
	if len(a) < 3 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	r := dossier.Review{Action: a[0], Target: a[1], TargetID: a[2], Author: *author, Note: *note}
	rest := a[3:]
	switch r.Target {
	case dossier.TargetIncident, dossier.TargetActor:
		if len(rest) == 0 {
			return &exitError{code: exitUsage, err: fmt.Errorf("name the field to review")}
		}
		r.Field, r.Value = rest[0], strings.Join(rest[1:], " ")
	case dossier.TargetReport, dossier.TargetMention:
		r.Value = strings.Join(rest, " ")
	default:
		return &exitError{code: exitUsage, err: fmt.Errorf("unknown target %q (want incident, actor, report or mention)", r.Target)}
	}
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	saved, err := st.AddReview(ctx, r)
	if err != nil {
		return storeExit(err)
	}
	fmt.Fprintf(env.Stdout, "review %s: %s %s %s %s %q by %s\n", saved.ID, saved.Action, saved.Target, saved.TargetID, saved.Field, saved.Value, saved.Author)
	return nil
}

func defaultAuthor() string {
	for _, k := range []string{"DOSSIER_AUTHOR", "USER", "LOGNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}
