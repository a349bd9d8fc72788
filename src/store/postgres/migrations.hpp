#pragma once

#include <span>
#include <string_view>

namespace gapfill::store::postgres {

// The numbered schema migrations of the PostgreSQL backend, oldest first;
// migration N is at index N-1. Never edit one that has shipped: add the next.
// The store runs each in its own transaction and records it in
// schema_version, which it creates itself (store/postgres/postgres_store.cpp).
std::span<const std::string_view> migrations();

}  // namespace gapfill::store::postgres
