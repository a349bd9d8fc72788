#pragma once
// A timed wait that another thread can end early: what Store::await_change
// is on SQLite (a poll), and how interrupt_wait reaches it.

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace gapfill::store {

class WakeSignal {
 public:
  // Returns after `timeout`, or at once when wake() was called since the
  // last wait (consuming it).
  void wait_for(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    woken_.wait_for(lock, timeout, [&] { return signalled_; });
    signalled_ = false;
  }
  void wake() {
    {
      std::lock_guard lock(mutex_);
      signalled_ = true;
    }
    woken_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable woken_;
  bool signalled_ = false;
};

}  // namespace gapfill::store
