#pragma once
// Which language a page is shown in: the visitor's own choice (a cookie),
// else the best of their browser's Accept-Language, else English.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gapfill::http {

// `supported` are catalogue languages ("en", "es"). A region ("es-MX")
// matches its language; q=0 excludes one.
std::string choose_language(std::optional<std::string_view> chosen,
                            std::optional<std::string_view> accept_language,
                            const std::vector<std::string>& supported);

}  // namespace gapfill::http
