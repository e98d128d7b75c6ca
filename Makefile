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
