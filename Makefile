# The README's two commands are `go run ./cmd/dossier ...` and `make test`.
.PHONY: test build bench fuzz score

test:
	go vet ./...
	go test ./...

build:
	go build -o bin/dossier ./cmd/dossier

bench:
	./scripts/bench-extract.sh

score:
	./scripts/score.sh

# The fuzz campaign: every target for FUZZTIME (default 10m) each, one after
# the other; inputs that fail are written under each package's
# testdata/fuzz/ (commit them: `go test` then runs them as seeds).
FUZZTIME ?= 10m
FUZZ_TARGETS = \
	./internal/layout:FuzzParse ./internal/reader:FuzzParse ./internal/htmldoc:FuzzParse \
	./internal/numbers:FuzzFind ./internal/timex:FuzzFind ./internal/lang:FuzzDetect \
	./internal/feed:FuzzDocuments ./internal/wikitext:FuzzRender ./internal/extract:FuzzExtract \
	./internal/dump:FuzzReader ./internal/inputs:FuzzSniff ./internal/corpus:FuzzLayout ./internal/dateline:FuzzFind

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "== $$pkg $$fn ($(FUZZTIME))"; \
		go test $$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) || exit 1; \
	done
