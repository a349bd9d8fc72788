#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <asio/post.hpp>
#include <asio/thread_pool.hpp>
#include <atomic>
#include <mutex>
#include <restinio/all.hpp>
#include <shared_mutex>
#include <stdexcept>

#include "base/limits.hpp"
#include "http/client_address.hpp"
#include "http/error_response.hpp"

namespace gapfill::http {
namespace {

struct Traits : public restinio::default_traits_t {
  static constexpr bool use_connection_count_limiter = true;
};

using RunningServer = restinio::running_server_handle_t<Traits>;

// The I/O context the server runs on, owned here rather than by RESTinio so
// that stop() can destroy the handlers still pending (each holds a kept-alive
// connection) while the server whose connection-count limiter those
// connections report to is still alive. Left to RESTinio, the context goes
// last and each connection then touches the freed limiter.
class IoContext : public asio::io_context {
 public:
  void destroy_pending_handlers() { shutdown(); }
};

// The peer's IP address; an IPv4 client of an IPv6 socket reads as IPv4.
std::string peer_address(const restinio::request_t& request) {
  asio::ip::address address = request.remote_endpoint().address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  asio::error_code ignored;
  return address.to_string(ignored);
}

Request to_request(const restinio::request_handle_t& handle, std::string_view trusted_proxy) {
  Request request;
  const auto& header = handle->header();
  request.method = parse_method(header.method().c_str());
  request.path = std::string(header.path());
  request.query = std::string(header.query());
  header.for_each_field([&request](const restinio::http_header_field_t& field) {
    std::string name = field.name();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.headers.emplace_back(std::move(name), field.value());
  });
  request.body = handle->body();
  const std::string peer = peer_address(*handle);
  request.client_address = client_address(peer, request, trusted_proxy);
  request.forwarded_https = !trusted_proxy.empty() && peer == trusted_proxy &&
                            request.header("x-forwarded-proto") == std::string_view("https");
  return request;
}

// The reason phrase of the statuses Gapfill answers with.
const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "-";
  }
}

void send(const restinio::request_handle_t& handle, Response response) {
  auto builder = handle->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
      reason_phrase(response.status)});
  builder.append_header(restinio::http_field::content_type, response.content_type);
  for (auto& [name, value] : response.headers) builder.append_header(name, std::move(value));
  builder.set_body(std::move(response.body));
  builder.done();
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  const Dispatcher& dispatcher;
  asio::thread_pool workers;
  std::atomic<std::size_t> queued{0};
  std::atomic<std::uint16_t> bound_port{0};
  // Declared before `running`, so destroyed after it.
  std::unique_ptr<IoContext> io;
  RunningServer running;
  // Work goes to the pool only under a shared lock and while not stopping,
  // so that once stop() has set `stopping` under the exclusive lock, the
  // pool can be drained knowing nothing more will arrive: every answer is
  // then sent while RESTinio's I/O context still runs, and no request
  // handle outlives it.
  std::shared_mutex posting;
  bool stopping = false;

  Impl(ServerOptions server_options, const Dispatcher& request_dispatcher)
      : options(std::move(server_options)),
        dispatcher(request_dispatcher),
        workers(options.worker_threads) {}

  restinio::request_handling_status_t on_request(restinio::request_handle_t handle) {
    Request request = to_request(handle, options.trusted_proxy);
    const Dispatcher::Plan plan = dispatcher.plan(request);
    if (plan.runs_inline) {
      send(handle, dispatcher.handle(request, plan));
      return restinio::request_accepted();
    }
    if (queued.load(std::memory_order_relaxed) >= options.max_queued_requests) {
      send(handle, error_response(ErrorCode::kUnavailable, "The server is busy; try again."));
      return restinio::request_accepted();
    }
    std::shared_lock lock(posting);
    if (stopping) {
      send(handle, error_response(ErrorCode::kUnavailable, "The server is stopping; try again."));
      return restinio::request_accepted();
    }
    ++queued;
    asio::post(workers,
               [this, handle = std::move(handle), request = std::move(request), plan]() mutable {
                 --queued;
                 send(handle, dispatcher.handle(request, plan));
               });
    return restinio::request_accepted();
  }
};

Server::Server(ServerOptions options, const Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() {
  stop();
}

void Server::start() {
  Impl& impl = *impl_;
  const std::size_t max_body = impl.dispatcher.options().max_body_bytes;
  // RESTinio drops, without an answer, a body over its own limit: keep that
  // limit well above ours so that we can answer 413 ourselves.
  const std::uint64_t library_body_limit =
      std::max<std::uint64_t>(16ull * max_body, 1024ull * 1024ull);
  const auto seconds = std::chrono::seconds(impl.options.timeout_seconds);
  restinio::server_settings_t<Traits> settings;
  settings.address(impl.options.host)
      .port(impl.options.port)
      .request_handler(
          [&impl](restinio::request_handle_t handle) { return impl.on_request(std::move(handle)); })
      .read_next_http_message_timelimit(seconds)
      .write_http_response_timelimit(seconds)
      .handle_request_timeout(seconds)
      .max_parallel_connections(impl.options.max_connections)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(limits::kServerMaxUrlBytes)
                                    .max_field_name_size(limits::kServerMaxHeaderFieldBytes)
                                    .max_field_value_size(limits::kServerMaxHeaderFieldBytes)
                                    .max_field_count(limits::kMaxHeaderCount)
                                    .max_body_size(library_body_limit))
      .acceptor_post_bind_hook([&impl](asio::ip::tcp::acceptor& acceptor) {
        impl.bound_port = acceptor.local_endpoint().port();
      });
  try {
    impl.io = std::make_unique<IoContext>();
    impl.running = restinio::run_async<Traits>(restinio::external_io_context(*impl.io),
                                               std::move(settings), impl.options.io_threads);
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot listen on " + impl.options.host + ":" +
                             std::to_string(impl.options.port) + ": " + error.what());
  }
}

std::uint16_t Server::port() const {
  return impl_->bound_port.load();
}

void Server::stop() {
  if (!impl_ || !impl_->running) return;
  {
    std::unique_lock lock(impl_->posting);
    impl_->stopping = true;
  }
  // Requests in flight finish and are answered first; then the server stops.
  impl_->workers.join();
  impl_->running->stop();
  impl_->running->wait();
  impl_->io->destroy_pending_handlers();
  impl_->running.reset();
  impl_->io.reset();
}

}  // namespace gapfill::http
