# Targets for the Go server part in server-proxy/. The root Makefile includes this file.

SERVER_DIR := server-proxy
GO ?= go
# PLATFORMS limits the cross-compiled set, for example PLATFORMS=linux-amd64.
PLATFORMS ?= linux-amd64 linux-arm64 darwin-amd64 darwin-arm64 windows-amd64
STATICCHECK_VERSION := 2026.2.2
SERVER_BIN := $(abspath $(SERVER_DIR)/bin)
STATICCHECK := $(SERVER_BIN)/staticcheck

.PHONY: server-build server-test server-check

## server-build: cross-compile server-proxy/dist/plugin-<os>-<arch>[.exe] for each of PLATFORMS.
server-build:
	@set -e; for platform in $(PLATFORMS); do \
		os=$${platform%-*}; arch=$${platform#*-}; ext=; \
		if [ "$$os" = windows ]; then ext=.exe; fi; \
		echo "go build $(SERVER_DIR)/dist/plugin-$$os-$$arch$$ext"; \
		(cd $(SERVER_DIR) && CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch \
			$(GO) build -trimpath -ldflags "-s -w" -o dist/plugin-$$os-$$arch$$ext .); \
	done

## server-test: run the Go tests of the server part.
server-test:
	cd $(SERVER_DIR) && $(GO) test ./...

$(STATICCHECK):
	GOBIN=$(SERVER_BIN) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

## server-check: go vet and staticcheck, installed into server-proxy/bin on first use.
server-check: $(STATICCHECK)
	cd $(SERVER_DIR) && $(GO) vet ./... && $(STATICCHECK) ./...
