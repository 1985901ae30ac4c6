# Parallax — the two commands of the README, and a few helpers.
GO ?= go

.PHONY: demo test check bench build

demo: ## analyse the bundled example corpus with the embedded database
	$(GO) run ./cmd/parallax demo

test: ## run the tests (PARALLAX_SHARED=../shared adds the shared corpora)
	$(GO) test -race -count=1 ./...

build:
	CGO_ENABLED=0 $(GO) build -o bin/parallax ./cmd/parallax

check: ## what CI checks besides the tests
	test -z "$$(gofmt -l .)"
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
