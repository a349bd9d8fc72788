#include "http/static_files.hpp"

#include <fmt/format.h>

#include "http/error_response.hpp"
#include "http/router.hpp"

namespace gapfill::http {
namespace {

constexpr std::string_view kStaticPrefix = "static/";

std::string_view content_type_of(std::string_view name) {
  const auto dot = name.rfind('.');
  const std::string_view extension = dot == std::string_view::npos ? "" : name.substr(dot + 1);
  if (extension == "css") return "text/css; charset=utf-8";
  if (extension == "js") return "text/javascript; charset=utf-8";
  if (extension == "svg") return "image/svg+xml";
  if (extension == "png") return "image/png";
  if (extension == "ico") return "image/x-icon";
  if (extension == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// FNV-1a over every file: a short, stable name for this build's files.
std::string content_hash(const std::vector<EmbeddedFile>& files) {
  std::uint64_t hash = 1469598103934665603ull;
  const auto mix = [&hash](std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
  };
  for (const EmbeddedFile& file : files) {
    mix(file.name);
    mix(file.data);
  }
  return fmt::format("{:012x}", hash & 0xffffffffffffull);
}

bool accepts_gzip(const Request& request) {
  const auto encodings = request.header("accept-encoding");
  return encodings && encodings->find("gzip") != std::string_view::npos;
}

}  // namespace

StaticFiles::StaticFiles() {
  std::vector<EmbeddedFile> statics;
  for (const EmbeddedFile& file : embedded_files()) {
    if (!file.name.starts_with(kStaticPrefix)) continue;
    by_name_.emplace(file.name.substr(kStaticPrefix.size()), &file);
    statics.push_back(file);
  }
  version_ = content_hash(statics);
  prefix_ = "/static/" + version_;
}

Response StaticFiles::serve(const Request& request) const {
  // The path is /static/<version>/<name...>.
  std::string_view path = request.path;
  const std::string_view head = "/static/";
  if (!path.starts_with(head)) return error_response(ErrorCode::kNotFound, "No such file.");
  path.remove_prefix(head.size());
  const auto slash = path.find('/');
  if (slash == std::string_view::npos) return error_response(ErrorCode::kNotFound, "No such file.");
  const std::string_view version = path.substr(0, slash);
  const auto found = by_name_.find(path.substr(slash + 1));
  if (found == by_name_.end()) return error_response(ErrorCode::kNotFound, "No such file.");
  const EmbeddedFile& file = *found->second;
  Response response;
  response.content_type = std::string(content_type_of(file.name));
  // Another build's address still gets today's file, but is not kept.
  response.headers.emplace_back(
      "Cache-Control", version == version_ ? "public, max-age=31536000, immutable" : "no-cache");
  response.headers.emplace_back("Content-Security-Policy", "default-src 'none'");
  if (!file.gzip.empty()) {
    response.headers.emplace_back("Vary", "Accept-Encoding");
    if (accepts_gzip(request)) {
      response.headers.emplace_back("Content-Encoding", "gzip");
      response.body.assign(file.gzip);
      return response;
    }
  }
  response.body.assign(file.data);
  return response;
}

void StaticFiles::add_routes(Router& router) const {
  const auto handler = [this](Request& request) { return serve(request); };
  const auto always_inline = [](const Request&) { return true; };  // memory only
  router.add(Method::kGet, "/static/{version}/{file}", handler, always_inline);
  router.add(Method::kGet, "/static/{version}/{folder}/{file}", handler, always_inline);
  router.add(Method::kGet, "/static/{version}/{folder}/{sub}/{file}", handler, always_inline);
}

}  // namespace gapfill::http
