package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The tests below read the exports with the tools people load them in,
// when those are installed: GDAL's ogrinfo (the GeoJSON driver QGIS uses)
// and networkx (whose GraphML reader checks key declarations and types as
// Gephi's does). They skip otherwise; the tests in export_test.go always run.

func writeExport(t *testing.T, format, name string) (string, Stats) {
	t.Helper()
	out, stats := export(t, format, Options{})
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p, stats
}

func TestGeoJSONWithOGR(t *testing.T) {
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo (Debian gdal-bin) not installed")
	}
	p, stats := writeExport(t, GeoJSON, "incidents.geojson")
	out, err := exec.Command("ogrinfo", "-ro", "-al", "-so", p).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	s := string(out)
	n := stats.Incidents
	for _, want := range []string{"using driver `GeoJSON' successful", "Geometry: Point", "Feature Count: " + strconv.Itoa(n), `ID["EPSG",4326]`,
		"fatalities: Integer", "title: String", "date: Date"} {
		if !strings.Contains(s, want) {
			t.Errorf("ogrinfo does not say %q:\n%s", want, s)
		}
	}
}

func TestGraphMLWithNetworkx(t *testing.T) {
	if err := exec.Command("python3", "-c", "import networkx").Run(); err != nil {
		t.Skip("python3 with networkx not installed")
	}
	p, _ := writeExport(t, GraphML, "actors.graphml")
	script := `import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
assert g.is_directed()
kinds = {d.get("kind") for _, d in g.nodes(data=True)}
assert "incident" in kinds and "armed_group" in kinds, kinds
assert all(isinstance(d["weight"], float) for _, _, d in g.edges(data=True))
assert all(isinstance(d.get("documents", 0), int) for _, d in g.nodes(data=True))
print(g.number_of_nodes(), g.number_of_edges())`
	out, err := exec.Command("python3", "-c", script, p).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, out)
	}
}
