#pragma once
// E-mail the product sends (sign-up verification, password reset, "a message
// waits for you"). The domain says what to send; app/ wires an
// implementation that delivers it (SMTP through libcurl), so no domain call
// ever waits on a mail server.

#include <string>

#include "base/error.hpp"

namespace gapfill::domain {

struct Email {
  std::string to;       // one address
  std::string subject;  // one line
  std::string text;     // plain text body
};

class Outbox {
 public:
  virtual ~Outbox() = default;
  // Accepts the message for delivery; returns once it is queued, not sent.
  // Never logs the address or the body.
  virtual Status send(const Email& email) = 0;
};

// Drops every message: for commands and tests that send none.
class NullOutbox final : public Outbox {
 public:
  Status send(const Email&) override { return {}; }
};

}  // namespace gapfill::domain
