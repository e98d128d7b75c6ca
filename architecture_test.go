package dossier_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/dossier-project/dossier/"

// forbidden lists, per package (a path prefix under internal/), the imports
// it must not have: reading and extraction stay pure (no database, no
// network, no web); the web layer reaches stores only through the
// interfaces of the root package; only cmd/dossier wires concrete parts.
var forbidden = map[string][]string{
	"internal/reader":    {"database/sql", "net/http", module + "internal/sqlite", module + "internal/postgres", module + "internal/extract"},
	"internal/layout":    {"database/sql", "net/http", module + "internal/sqlite", module + "internal/postgres"},
	"internal/extract":   {"database/sql", "net/http", "os/exec", module + "internal/sqlite", module + "internal/postgres", module + "internal/ingest", module + "internal/web"},
	"internal/lexicon":   {"database/sql", "net/http"},
	"internal/gazetteer": {"database/sql", "net/http"},
	"internal/actordict": {"database/sql", "net/http"},
	"internal/numbers":   {"database/sql", "net/http"},
	"internal/timex":     {"database/sql", "net/http"},
	"internal/lang":      {"database/sql", "net/http"},
	"internal/wikitext":  {"database/sql", "net/http"},
	"internal/dump":      {"database/sql", "net/http", module + "internal/sqlite", module + "internal/postgres"},
	"internal/resolve":   {"database/sql", "net/http"},
	// gold is made from the documents alone, never from what dossier extracts
	"internal/corpus":  {"database/sql", "net/http", module + "internal/extract", module + "internal/layout", module + "internal/reader"},
	"internal/htmldoc": {"database/sql", "net/http", module + "internal/sqlite", module + "internal/postgres", module + "internal/extract"},
	"internal/feed":    {"database/sql", "net/http", module + "internal/sqlite", module + "internal/postgres", module + "internal/extract"},
	"internal/inputs":  {"database/sql", "net/http", module + "internal/sqlite", module + "internal/postgres", module + "internal/extract"},
	"internal/web":     {module + "internal/sqlite", module + "internal/postgres", module + "internal/sqlstore"},
	"internal/export":  {module + "internal/sqlite", module + "internal/postgres", module + "internal/sqlstore"},
}

// TestDependencyDirection reads the imports of every package and checks
// the rules above, and that the root package needs the standard library only.
func TestDependencyDirection(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && p != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(p))
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if dir == "." && strings.Contains(path, ".") {
				t.Errorf("%s: the domain package imports %s; it must use the standard library only", p, path)
			}
			for pkg, bad := range forbidden {
				if dir != pkg && !strings.HasPrefix(dir, pkg+"/") {
					continue
				}
				for _, b := range bad {
					if path == b || strings.HasPrefix(path, b+"/") {
						t.Errorf("%s imports %s", p, path)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
