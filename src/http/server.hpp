#pragma once
// The HTTP server: RESTinio on a few I/O threads, handlers on a worker pool.
// RESTinio's headers are included by server.cpp alone.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "http/dispatcher.hpp"

namespace gapfill::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port; port() tells which
  std::size_t io_threads = 2;
  std::size_t worker_threads = 4;
  std::size_t max_connections = 4096;
  std::size_t max_queued_requests = 10'000;  // beyond this, 503 at once
  int timeout_seconds = 30;
  // A reverse proxy's address whose X-Forwarded-For is believed; empty: none.
  std::string trusted_proxy;
};

class Server {
 public:
  Server(ServerOptions options, const Dispatcher& dispatcher);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving; throws std::runtime_error when it cannot.
  void start();
  // The port it listens on, once started.
  std::uint16_t port() const;
  // Stops accepting, lets requests in flight finish, and returns when done.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gapfill::http
