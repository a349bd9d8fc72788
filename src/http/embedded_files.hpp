#pragma once
// Files compiled into the binary at build time (scripts/embed_files.cmake):
// templates, style sheets, scripts, Leaflet. The binary needs no data files.

#include <string_view>
#include <vector>

namespace gapfill::http {

struct EmbeddedFile {
  std::string_view name;  // "static/app.css", "templates/ask.tpl", "leaflet/leaflet.js"
  std::string_view data;
  std::string_view gzip;  // a gzip copy, for what is served compressed; else empty
};

const std::vector<EmbeddedFile>& embedded_files();  // generated

}  // namespace gapfill::http
