#include "store/postgres/change_listener.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <pqxx/pqxx>

namespace gapfill::store::postgres {

class ChangeListener::Receiver final : public pqxx::notification_receiver {
 public:
  explicit Receiver(pqxx::connection_base& connection)
      : pqxx::notification_receiver(connection, kChangeChannel) {}
  // What matters is that a notification came: get_notifs() counts them.
  void operator()(const std::string& /*payload*/, int /*backend_pid*/) override {}
};

struct ChangeListener::Session {
  explicit Session(const std::string& url) : connection(url), receiver(connection) {}
  pqxx::connection connection;
  Receiver receiver;  // LISTEN gapfill_changes; destroyed before the connection
};

ChangeListener::ChangeListener(std::string url) : url_(std::move(url)) {
  if (::pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) != 0) pipe_[0] = pipe_[1] = -1;
}

ChangeListener::~ChangeListener() {
  disconnect();
  for (const int fd : pipe_) {
    if (fd >= 0) ::close(fd);
  }
}

void ChangeListener::interrupt() {
  if (pipe_[1] < 0) return;
  const char byte = 1;
  // A full pipe already holds a wake-up: nothing is lost when this fails.
  [[maybe_unused]] const auto written = ::write(pipe_[1], &byte, 1);
}

bool ChangeListener::connect() {
  try {
    session_ = std::make_unique<Session>(url_);
    return true;
  } catch (const std::exception&) {
    // Unreachable for now: the caller waits its timeout and tries again.
    disconnect();
    return false;
  }
}

void ChangeListener::disconnect() {
  session_.reset();
}

bool ChangeListener::poll_for(int socket, std::chrono::milliseconds timeout) {
  pollfd fds[2] = {{pipe_[0], POLLIN, 0}, {socket, POLLIN, 0}};
  const nfds_t count = socket >= 0 ? 2 : 1;
  int ready = 0;
  do {
    ready = ::poll(fds, count, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  if (pipe_[0] >= 0 && (fds[0].revents & POLLIN) != 0) {
    char drained[64];
    while (::read(pipe_[0], drained, sizeof drained) > 0) {
    }
    return false;
  }
  return true;
}

void ChangeListener::await(std::chrono::milliseconds timeout) {
  if (!session_) {
    if (connect()) return;  // what changed while there was no connection is unknown
    poll_for(-1, timeout);
    return;
  }
  try {
    // A notification read with an earlier reply is waiting in libpq already.
    if (session_->connection.get_notifs() > 0) return;
    if (!poll_for(session_->connection.sock(), timeout)) return;
    session_->connection.get_notifs();
  } catch (const std::exception&) {
    disconnect();  // the next wait connects again
  }
}

}  // namespace gapfill::store::postgres
