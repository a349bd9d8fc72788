#pragma once
// Invariants on how a parser refuses input: a 4xx that can be rendered, never a 500.

#include <string>

#include "base/error.hpp"
#include "fuzz_check.hpp"
#include "http/error_response.hpp"

namespace gapfill::fuzz {

// `error` answers bad input: a client error whose JSON body renders in every
// language, with no internal details.
inline void check_client_error(const Error& error) {
  FUZZ_CHECK(error.code != ErrorCode::kInternal);
  for (const char* language : {"en", "es"}) {
    const http::Response response = http::error_response(error, language);
    FUZZ_CHECK(response.status >= 400 && response.status < 500);
    FUZZ_CHECK(!response.body.empty() && response.body.front() == '{');
  }
}

}  // namespace gapfill::fuzz
