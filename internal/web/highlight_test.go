package web

import (
	"html/template"
	"strings"
	"testing"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []mark
		want  template.HTML
	}{
		{"no marks", `a <b> & "c"`, nil, `a &lt;b&gt; &amp; &#34;c&#34;`},
		{"one mark", "Kata'ib Hezbollah fired", []mark{{Start: 0, End: 17, Class: "actor", Href: "/actors/a1", Title: "actor: Kata'ib Hezbollah"}},
			`<a class="hl hl-actor" href="/actors/a1" title="actor: Kata&#39;ib Hezbollah">Kata&#39;ib Hezbollah</a> fired`},
		{"markup inside a mark is text", "x <script>alert(1)</script> y", []mark{{Start: 2, End: 27, Class: "incident", Title: `"><script>`}},
			`x <mark class="hl hl-incident" title="&#34;&gt;&lt;script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</mark> y`},
		{"overlapping marks never nest", "abcdef", []mark{{Start: 0, End: 4, Class: "incident", Title: "I"}, {Start: 2, End: 6, Class: "actor", Title: "A"}},
			`<mark class="hl hl-incident" title="I">ab</mark><mark class="hl hl-incident" title="I; A">cd</mark><mark class="hl hl-actor" title="A">ef</mark>`},
		{"innermost mark wins", "abcdef", []mark{{Start: 0, End: 6, Class: "statement"}, {Start: 2, End: 3, Class: "actor"}},
			`<mark class="hl hl-statement">ab</mark><mark class="hl hl-actor">c</mark><mark class="hl hl-statement">def</mark>`},
		{"offsets outside the text are clamped", "abc", []mark{{Start: -5, End: 2, Class: "claim"}, {Start: 2, End: 99, Class: "claim"}, {Start: 7, End: 9, Class: "claim"}},
			`<mark class="hl hl-claim">ab</mark><mark class="hl hl-claim">c</mark>`},
		{"offsets inside a character move to its start", "é<ü", []mark{{Start: 1, End: 4, Class: "actor"}},
			`<mark class="hl hl-actor">é&lt;</mark>ü`},
		{"empty and reversed marks are dropped", "abc", []mark{{Start: 2, End: 2}, {Start: 2, End: 1}}, `abc`},
		{"focus gets the anchor once", "abcd", []mark{{Start: 0, End: 2, Class: "evidence", Focus: true}, {Start: 2, End: 4, Class: "evidence", Focus: true}},
			`<mark class="hl hl-evidence focus" id="hl">ab</mark><mark class="hl hl-evidence focus">cd</mark>`},
		{"a hostile link target is escaped", "ab", []mark{{Start: 0, End: 2, Class: "actor", Href: `/actors/"onmouseover="x`}},
			`<a class="hl hl-actor" href="/actors/&#34;onmouseover=&#34;x">ab</a>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := highlight(tc.text, tc.marks); got != tc.want {
				t.Errorf("highlight:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	text := "Title line\nnothing here\nThe <b>drone</b> hit.\n" + strings.Repeat("x", 2000) + " target " + strings.Repeat("y", 2000) + "\nend"
	i := strings.Index(text, "drone")
	j := strings.Index(text, "target")
	got := excerpt(text, []mark{{Start: i, End: i + 5, Class: "incident"}, {Start: j, End: j + 6, Class: "incident"}, {Start: 0, End: 5, Class: "incident"}})
	if len(got) != 3 {
		t.Fatalf("%d lines, want 3: %q", len(got), got)
	}
	if got[0] != `<mark class="hl hl-incident">Title</mark> line` {
		t.Errorf("line 1: %s", got[0])
	}
	if got[1] != `The &lt;b&gt;<mark class="hl hl-incident">drone</mark>&lt;/b&gt; hit.` {
		t.Errorf("line 2: %s", got[1])
	}
	if l := string(got[2]); !strings.HasPrefix(l, "… ") || !strings.HasSuffix(l, " …") || len(l) > 800 || !strings.Contains(l, `<mark class="hl hl-incident">target</mark>`) {
		t.Errorf("a long line is not cut around its mark: %d bytes", len(l))
	}
	if excerpt(text, nil) != nil {
		t.Error("an excerpt without marks")
	}
}
