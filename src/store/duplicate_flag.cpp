#include "store/duplicate_flag.hpp"

namespace gapfill {

std::string_view to_string(DuplicateResolution value) {
  return value == DuplicateResolution::kMerged ? "merged" : "dismissed";
}

std::optional<DuplicateResolution> parse_duplicate_resolution(std::string_view text) {
  if (text == "merged") return DuplicateResolution::kMerged;
  if (text == "dismissed") return DuplicateResolution::kDismissed;
  return std::nullopt;
}

}  // namespace gapfill
