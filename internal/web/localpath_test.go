package web

import "testing"

// TestLocalPath: only same-site paths survive as return addresses.
func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/incidents/abc":         "/incidents/abc",
		"/incidents?q=kabul&x=1": "/incidents?q=kabul&x=1",
		"/review/":               "/review/",
		"/./\\evil.example":      "/",
		"/\\evil.example":        "/",
		"/%5Cevil.example":       "/",
		"//evil.example":         "/",
		"/.//evil.example":       "/evil.example", // cleaned: a path on this site
		"/a/..//evil.example":    "/evil.example",
		"https://evil.example/":  "/",
		"javascript:alert(1)":    "/",
		"evil.example":           "/",
		"/\tevil":                "/",
		"/%0d%0aSet-Cookie:x":    "/",
		"":                       "/",
		"/a/../incidents":        "/incidents",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}
