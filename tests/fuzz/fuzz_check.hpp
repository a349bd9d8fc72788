#pragma once
// What every fuzz target shares: FUZZ_CHECK, an invariant that holds in every
// build (unlike assert), and the input as text.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Stops the run with a message when an invariant fails; libFuzzer (or the
// replay driver) then keeps the input that broke it.
#define FUZZ_CHECK(condition)                                                                \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

namespace gapfill::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits off the first byte, which targets use to choose what to do with the rest.
inline unsigned char take_selector(std::string_view& text) {
  if (text.empty()) return 0;
  const auto selector = static_cast<unsigned char>(text.front());
  text.remove_prefix(1);
  return selector;
}

}  // namespace gapfill::fuzz
