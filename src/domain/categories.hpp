#pragma once

#include <string>
#include <vector>

#include "store/model.hpp"

namespace gapfill::domain {

// The default categories of DESIGN.md 1.4, labelled from the message
// catalogues in each of `languages` (English when a catalogue lacks one).
std::vector<Category> default_categories(const std::vector<std::string>& languages);

// The keys of the default categories, in their order.
const std::vector<std::string>& default_category_keys();

}  // namespace gapfill::domain
