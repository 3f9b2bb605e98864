# The two commands of the README:
#   make portal   builds sopsite and the shipped portal into public/ (as of today, or AS_OF=YYYY-MM-DD)
#   make test     runs the whole test suite (unit, golden, end-to-end, HTML validator, browser)
# Both install the system packages they need when they are missing.

SWIFT ?= swift
SOPSITE := .build/debug/sopsite
# Where `make test` builds the portal for the validator and the browser checks.
CHECK_OUT ?= $(CURDIR)/.build/check-public
# The sample cases show every state as of this day; the checks build the portal as of it.
SAMPLE_AS_OF := 2026-11-27

.PHONY: portal test unit site-checks deps sopsite

portal: sopsite
	$(SOPSITE) build $(if $(AS_OF),--as-of $(AS_OF))
	@echo "Open public/index.html, or serve public/ with any static web server."

test: unit site-checks

deps:
	scripts/install-deps

sopsite: deps
	$(SWIFT) build --product sopsite

unit:
	scripts/install-deps --tests
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

site-checks: sopsite
	$(SOPSITE) build --quiet --as-of $(SAMPLE_AS_OF) --output $(CHECK_OUT)
	scripts/check-site $(CHECK_OUT)
