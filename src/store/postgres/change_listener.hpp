#pragma once
// Store::await_change on PostgreSQL: a connection of its own that LISTENs on
// the channel the migrations' triggers notify (gapfill_changes) at the commit
// of every write to posts or networks, by any process. A self-pipe ends a
// wait early (interrupt). The connection is made on the first wait and made
// again after it is lost; a wait without one lasts its timeout.

#include <chrono>
#include <memory>
#include <string>

namespace gapfill::store::postgres {

// The channel the triggers of migration 2 (store/postgres/migrations.cpp) notify.
inline constexpr const char* kChangeChannel = "gapfill_changes";

class ChangeListener {
 public:
  explicit ChangeListener(std::string url);
  ~ChangeListener();
  ChangeListener(const ChangeListener&) = delete;
  ChangeListener& operator=(const ChangeListener&) = delete;

  // Returns when a notification came (or had come since the last wait), the
  // connection was just made (what happened before it is unknown), `timeout`
  // passed, or interrupt() was called. One waiter at a time.
  void await(std::chrono::milliseconds timeout);
  // Ends the current wait, or the next one. Safe from any thread.
  void interrupt();

 private:
  class Receiver;
  // The LISTEN connection and its receiver (pqxx::connection is an alias of
  // a template in libpqxx 6, and its base has no virtual destructor: both
  // live in the .cpp).
  struct Session;
  bool connect();
  void disconnect();
  // Waits for the socket (-1: none) or the pipe; false when interrupted.
  bool poll_for(int socket, std::chrono::milliseconds timeout);

  std::string url_;
  int pipe_[2] = {-1, -1};
  std::unique_ptr<Session> session_;
};

}  // namespace gapfill::store::postgres
