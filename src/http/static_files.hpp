#pragma once
// Serves the embedded static files (style sheet, scripts, Leaflet) under
// /static/<version>/..., where <version> is a hash of their contents: each
// build's files have their own addresses, so browsers may keep them forever.

#include <string>
#include <string_view>
#include <unordered_map>

#include "http/embedded_files.hpp"
#include "http/message.hpp"

namespace gapfill::http {

class StaticFiles {
 public:
  StaticFiles();

  // "/static/1a2b3c4d5e6f": what pages put before a file's name.
  const std::string& prefix() const { return prefix_; }

  // Answers GET /static/<version>/<name...>: the file, gzip-compressed when
  // the client takes it; 404 for an unknown name.
  Response serve(const Request& request) const;

  // Adds the routes that serve the files.
  void add_routes(class Router& router) const;

 private:
  std::unordered_map<std::string_view, const EmbeddedFile*>
      by_name_;  // "app.css", "leaflet/leaflet.js"
  std::string version_;
  std::string prefix_;
};

}  // namespace gapfill::http
