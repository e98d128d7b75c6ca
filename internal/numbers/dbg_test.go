package numbers

import (
	"strings"
	"testing"
	"time"
)

func TestDbgSpeed(t *testing.T) {
	texts := corpus(t)
	all := strings.Join(texts, "\n")
	for name, s := range map[string]string{
		"corpus": all,
		"digits": strings.Repeat("1 ", 50000),
		"dash":   strings.Repeat("1-", 50000),
		"comma":  strings.Repeat("1,000,", 20000),
		"words":  strings.Repeat("one hundred and ", 10000),
		"a":      strings.Repeat("a ", 50000),
		"atleast": strings.Repeat("at least ", 20000),
		"paren":  strings.Repeat("(1 (", 20000),
		"including":  strings.Repeat("including 1, ", 10000),
	} {
		t0 := time.Now()
		Find(s)
		t1 := time.Now()
		ParseCount(s)
		t2 := time.Now()
		t.Logf("%-10s len %7d Find %v ParseCount %v", name, len(s), t1.Sub(t0), t2.Sub(t1))
	}
}
