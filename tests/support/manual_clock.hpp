#pragma once
// A clock the domain tests move by hand.

#include "base/time.hpp"

namespace gapfill::testing {

class ManualClock final : public Clock {
 public:
  UnixSeconds now() const override { return now_; }
  void advance(UnixSeconds seconds) { now_ += seconds; }

 private:
  UnixSeconds now_ = 1795000000;  // 2026-11-18
};

}  // namespace gapfill::testing
