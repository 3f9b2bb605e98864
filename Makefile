# The two commands of the README:
#   make serve    builds sopsite and the shipped portal into public/, serves it on
#                 http://127.0.0.1:8080/ and rebuilds on every change (as of today, or AS_OF=YYYY-MM-DD)
#   make test     runs the whole test suite (unit, golden, end-to-end, HTML validator, browser)
# `make portal` builds the portal once, without serving it.
# Both install the system packages they need when they are missing.

SWIFT ?= swift
SOPSITE := .build/debug/sopsite
# Where `make test` builds the portal for the validator and the browser checks.
CHECK_OUT ?= $(CURDIR)/.build/check-public
# The sample cases show every state as of this day; the checks build the portal as of it.
SAMPLE_AS_OF := 2026-11-27

.PHONY: serve portal test unit site-checks deploy-checks deps sopsite

serve: sopsite
	$(SOPSITE) serve $(if $(AS_OF),--as-of $(AS_OF)) $(if $(PORT),--port $(PORT))

portal: sopsite
	$(SOPSITE) build $(if $(AS_OF),--as-of $(AS_OF))
	@echo "Open public/index.html, or serve public/ with any static web server."

test: unit site-checks deploy-checks

deps:
	scripts/install-deps

sopsite: deps
	$(SWIFT) build --product sopsite

unit:
	scripts/install-deps --tests
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The loop fixture (a step's passes, an outcome) is validated and its status.json checked too.
ROUNDS_OUT ?= $(CURDIR)/.build/check-rounds

site-checks: sopsite
	$(SOPSITE) build --quiet --as-of $(SAMPLE_AS_OF) --output $(CHECK_OUT)
	$(SOPSITE) build --quiet --as-of 2026-03-20 --no-search --content Tests/SopsiteKitTests/Fixtures/rounds-site --output $(ROUNDS_OUT)
	ALSO_VALIDATE=$(ROUNDS_OUT) scripts/check-site $(CHECK_OUT)

# deploy/ for real on loopback: nginx, `sopsite publish` from the systemd unit's command line,
# the git hooks, the midnight rollover (Tests/deploy/check_deploy.py).
deploy-checks: sopsite
	scripts/check-deploy $(SOPSITE)

# The benchmark of issue 5: sopsite against cmark-gfm alone, at 1,000 and 10,000 generated
# cases (docs/performance.md). Builds the release binary itself. Not a test; not run in CI.
.PHONY: bench
bench:
	bench/run
