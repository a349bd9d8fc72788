#pragma once
// CSV as RFC 4180 writes it: fields separated by commas, records ended by
// CRLF, and a field quoted (with its quotes doubled) when it holds a comma, a
// quote, a CR or an LF. Text is passed through as given (UTF-8).

#include <string>
#include <string_view>
#include <vector>

namespace gapfill::csv {

// One field, quoted when it must be.
std::string field(std::string_view value);

// One record: its fields joined by commas, ended by CRLF.
std::string record(const std::vector<std::string>& fields);

}  // namespace gapfill::csv
