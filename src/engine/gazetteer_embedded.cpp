// The gazetteer index compiled into the program: scripts/build_gazetteer.js
// writes it at build time and the generated places.S includes it (src/CMakeLists.txt).
#include <cstdio>
#include <cstdlib>

#include "engine/gazetteer.hpp"

extern const char gapfill_gazetteer_index[] __asm__("gapfill_gazetteer_index");
extern const char gapfill_gazetteer_index_end[] __asm__("gapfill_gazetteer_index_end");

namespace gapfill::gazetteer {

const Gazetteer& Gazetteer::embedded() {
  static const Gazetteer gazetteer = [] {
    auto opened = Gazetteer::open(
        {gapfill_gazetteer_index,
         static_cast<std::size_t>(gapfill_gazetteer_index_end - gapfill_gazetteer_index)});
    if (!opened) {
      // The build wrote it: a broken one is a build error, never an input's.
      std::fprintf(stderr, "gapfill: %s\n", opened.error().message.c_str());
      std::abort();
    }
    return std::move(*opened);
  }();
  return gazetteer;
}

}  // namespace gapfill::gazetteer
