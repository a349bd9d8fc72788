#pragma once
// A PostFilter as SQL over the posts table, for every engine.

#include <string>

#include "store/sql/database.hpp"
#include "store/store.hpp"

namespace gapfill::store::sql {

// The WHERE condition (without WHERE) that keeps the posts the filter wants.
std::string filter_clause(const PostFilter& filter);
// Binds filter_clause's values from position 1, leaving the statement's next
// position after them.
void bind_filter(Statement& statement, const PostFilter& filter);

}  // namespace gapfill::store::sql
