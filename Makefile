# Build, test and run the Deactivate plugin. `make sandbox` and `make test` install what they need.

PLUGIN_ID := $(shell node -p "require('./plugin.json').id")
PLUGIN_VERSION := $(shell node -p "require('./plugin.json').version")
BUNDLE_NAME := $(PLUGIN_ID)-$(PLUGIN_VERSION).tar.gz
NPM_STAMP := node_modules/.install-stamp

# The Go server part brings its own targets (server-build, server-test, server-check).
-include build/server.mk

.PHONY: all deps chromium webapp dist test test-unit test-browser check sandbox deploy clean

all: dist

## deps: install the npm packages of every workspace when package-lock.json changed.
deps: $(NPM_STAMP)

$(NPM_STAMP): package-lock.json package.json webapp/package.json sandbox/package.json
	npm ci --no-audit --no-fund
	@touch $@

## chromium: install Debian's chromium for the browser tests when it is missing.
chromium:
	@build/ensure-chromium.sh

## webapp: build the web app bundle into webapp/dist/main.js.
webapp: deps
	npm run build --workspace webapp

## dist: build everything and pack dist/<id>-<version>.tar.gz for System Console > Plugins.
dist: webapp $(if $(wildcard build/server.mk),server-build)
	rm -rf dist
	mkdir -p dist/$(PLUGIN_ID)/webapp
	cp plugin.json dist/$(PLUGIN_ID)/
	cp -r assets dist/$(PLUGIN_ID)/
	cp -r webapp/dist dist/$(PLUGIN_ID)/webapp/
	if [ -d server-proxy/dist ]; then mkdir -p dist/$(PLUGIN_ID)/server && cp -r server-proxy/dist dist/$(PLUGIN_ID)/server/; fi
	tar -C dist -czf dist/$(BUNDLE_NAME) $(PLUGIN_ID)
	@echo "Plugin bundle: dist/$(BUNDLE_NAME)"

## test: run every test: unit, contract, integration, archive, browser and Go.
test: deps chromium dist test-unit test-browser $(if $(wildcard build/server.mk),server-test)

test-unit: deps
	npx jest --config webapp/jest.config.js --ci
	npx jest --config sandbox/jest.config.js --ci --runInBand
	npx jest --config build/test/jest.config.js --ci --runInBand

test-browser: deps chromium webapp
	npx jest --config sandbox/e2e/jest.config.js --ci --runInBand

## check: type-check the TypeScript and vet and lint the Go code.
check: deps $(if $(wildcard build/server.mk),server-check)
	npx tsc --noEmit -p webapp
	npx tsc --noEmit -p sandbox

## sandbox: build the plugin and serve it at http://127.0.0.1:8066 (UPSTREAM=http://host:port proxies a real server).
sandbox: webapp
	npx tsx sandbox/src/main.ts $(if $(UPSTREAM),--upstream $(UPSTREAM))

## deploy: upload and enable the bundle on MM_SERVICESETTINGS_SITEURL (MM_ADMIN_TOKEN, or MM_ADMIN_USERNAME and MM_ADMIN_PASSWORD).
deploy: dist
	npx tsx build/deploy.ts dist/$(BUNDLE_NAME)

clean:
	rm -rf dist webapp/dist server-proxy/dist

## bench: time the bulk engine against a one-at-a-time mmctl-style loop (about 12 minutes; not part of test).
.PHONY: bench
bench: webapp
	npx tsx bench/run.ts
