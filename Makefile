# SPDX-License-Identifier: MIT
# The two commands a newcomer needs: `make demo` (run the product) and `make test` (pass the tests).
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= 2

.PHONY: help deps configure build web demo demo-stop test test-long test-ha test-asan bench clean

help:
	@echo "make demo       install what is missing, build, start PostgreSQL + Redis under var/, run the collector"
	@echo "make test       install what is missing, build, run every test against throwaway services"
	@echo "make test-long  the long suites (soak, long fuzzing, sanitizer build)"
	@echo "make test-ha    failover test of the high-availability stack (Patroni, etcd, HAProxy, Sentinel)"
	@echo "make bench      build and run the benchmarks (JSON on stdout, copies in build/bench-results/)"
	@echo "make package    build the .deb and .rpm packages (signed when PROCTOR_SIGNING_KEY is set)"
	@echo "make demo-stop  stop the demo's PostgreSQL and Redis"

deps:
	@bash installer/dev/deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure web
	@cmake --build $(BUILD_DIR) -j$(JOBS)

# The candidate pages: copied with their npm libraries into web-client/dist/, which the collector serves.
web: deps
	@if [ -f web-client/package.json ]; then cd web-client && npm run --silent build; fi

demo: build
	@bash installer/dev/demo.sh $(BUILD_DIR)

demo-stop:
	@bash installer/dev/services.sh stop var/services

test: build
	@bash tests/run.sh $(BUILD_DIR) -LE long

# The long suites (30-minute soak, 10 minutes of fuzzing), then the unit and integration suites again on an
# AddressSanitizer + UBSan build of everything.
test-long: build
	@bash tests/run.sh $(BUILD_DIR) -L long
	@$(MAKE) --no-print-directory test-asan

# Not part of `make test`: installs the HA packages (installer/ha/packages.txt) only here, builds only the
# collector, then loses the PostgreSQL primary and the Redis master under load (tests/ha/run.sh, ~2 minutes).
test-ha: configure
	@bash installer/dev/deps.sh --ha
	@cmake --build $(BUILD_DIR) -j$(JOBS) --target proctor-collector
	@bash tests/ha/render-test.sh
	@bash tests/ha/run.sh $(BUILD_DIR)

test-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build build/asan -j$(JOBS)
	@ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		bash tests/run.sh build/asan -L "unit|db|integration|fault|security" -E "gui|fuzz"

bench: build
	@bash tests/bench/run.sh $(BUILD_DIR)

clean:
	rm -rf build

# Release packages from the build above (cpack DEB + RPM, deploy.sh, verify.sh, SHA256SUMS) in
# $(BUILD_DIR)/packages; signed when PROCTOR_SIGNING_KEY is set (installer/signing/sign.sh).
.PHONY: package test-packaging
package: build
	@bash installer/package.sh $(BUILD_DIR)

# Only the packaging test (also part of `make test`, CTest label e2e).
test-packaging: build
	@bash tests/run.sh $(BUILD_DIR) -R '^packaging$$'
