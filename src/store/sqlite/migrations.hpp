#pragma once

#include <span>
#include <string_view>

namespace gapfill::store::sqlite {

// The numbered schema migrations, oldest first; migration N is at index N-1.
// Never edit one that has shipped: add the next.
std::span<const std::string_view> migrations();

}  // namespace gapfill::store::sqlite
