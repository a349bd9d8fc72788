#pragma once
// Short lists of simple keys ("en,es") stored in one text column.

#include <string>
#include <string_view>
#include <vector>

namespace gapfill::store::sql {

inline std::string join_list(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += ',';
    joined += item;
  }
  return joined;
}

inline std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const auto comma = text.find(',');
    items.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

}  // namespace gapfill::store::sql
