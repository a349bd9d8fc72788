#pragma once
// The Outbox that delivers mail over SMTP with libcurl. send() only queues:
// one background thread delivers, retrying with growing pauses, so no request
// ever waits on a mail server. Addresses and bodies are never logged.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "domain/outbox.hpp"

namespace gapfill::app {

struct MailSettings {
  std::string smtp_url;  // "smtp://mail.example.org:587" or "smtps://...:465"; empty: mail off
  std::string from;      // "aid@example.org"
  std::string username;  // empty: no authentication
  std::string password;
  bool require_tls = true;  // STARTTLS (or smtps) or no delivery at all
};

class SmtpOutbox final : public domain::Outbox {
 public:
  explicit SmtpOutbox(MailSettings settings);
  ~SmtpOutbox() override;
  SmtpOutbox(const SmtpOutbox&) = delete;
  SmtpOutbox& operator=(const SmtpOutbox&) = delete;

  // Queues the message; kUnavailable when limits::kMailQueueMax wait already.
  Status send(const domain::Email& email) override;
  // Waits until every queued message was delivered or given up, at most
  // `timeout`: for one-off commands, before they stop. False on timeout.
  bool drain(std::chrono::seconds timeout);
  // Stops the thread; messages still queued are dropped (and counted in the log).
  void stop();

 private:
  struct Queued {
    domain::Email email;
    int attempts = 0;
  };
  void run();
  bool deliver(const domain::Email& email);

  MailSettings settings_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  std::deque<Queued> queue_;
  std::condition_variable idle_;
  bool in_flight_ = false;  // the thread holds a message it has not finished with
  bool stopping_ = false;
  std::thread thread_;
};

// The message as sent: headers (a UTF-8 subject encoded per RFC 2047) and a
// plain-text body, with CRLF line ends and dot-safe lines. For tests too.
std::string format_message(const domain::Email& email, const std::string& from,
                           long long unix_time);

}  // namespace gapfill::app
