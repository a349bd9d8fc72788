// Edge coverage for libFuzzer from g++ (the fuzz preset). g++ instruments
// with -fsanitize-coverage=trace-pc, a call to __sanitizer_cov_trace_pc at
// every basic block; libFuzzer 14 only counts clang's inline 8-bit counters.
// This turns each call into a counter, indexed by a hash of the edge (the
// previous and this block's address, as AFL does), in a table registered with
// libFuzzer as if it were one module's counters. libFuzzer's own
// __sanitizer_cov_trace_pc (which only refuses) is renamed away by objcopy
// (tests/fuzz/CMakeLists.txt). Comparisons (trace-cmp) go to libFuzzer as they are.

#include <cstddef>
#include <cstdint>

extern "C" void __sanitizer_cov_8bit_counters_init(std::uint8_t* start, std::uint8_t* stop);
extern "C" void __sanitizer_cov_pcs_init(const std::uintptr_t* start, const std::uintptr_t* stop);

namespace {

constexpr std::size_t kCounters = std::size_t{1} << 16;
alignas(64) std::uint8_t counters[kCounters];
// libFuzzer reads a PC table beside the counters: {pc, flags} per counter.
std::uintptr_t pcs[kCounters * 2];
thread_local std::uintptr_t previous = 0;

__attribute__((constructor, no_sanitize_coverage)) void register_counters() {
  for (std::size_t i = 0; i < kCounters; ++i) pcs[2 * i] = i + 1;
  __sanitizer_cov_8bit_counters_init(counters, counters + kCounters);
  __sanitizer_cov_pcs_init(pcs, pcs + 2 * kCounters);
}

}  // namespace

extern "C" __attribute__((no_sanitize_coverage, no_sanitize("address", "undefined"))) void
__sanitizer_cov_trace_pc() {
  const auto pc = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
  const std::uintptr_t here = (pc ^ (pc >> 15)) & (kCounters - 1);
  counters[here ^ previous]++;
  previous = here >> 1;
}

// g++ also reports floating-point comparisons, which libFuzzer has no use for.
extern "C" __attribute__((no_sanitize_coverage)) void __sanitizer_cov_trace_cmpf(float, float) {}
extern "C" __attribute__((no_sanitize_coverage)) void __sanitizer_cov_trace_cmpd(double, double) {}
