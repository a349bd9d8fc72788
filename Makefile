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
	ctest --test-dir build/asan --output-on-failure -j $$(nproc) -E e2e

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
