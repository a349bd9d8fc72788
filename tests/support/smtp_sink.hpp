#pragma once
// A small SMTP server on a loopback port that accepts every message and
// records it, for tests of the mail Gapfill sends. It speaks just enough
// SMTP for libcurl (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT).

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace gapfill::testing {

struct ReceivedMail {
  std::string from;
  std::vector<std::string> to;
  std::string data;  // headers and body as sent, dot-unstuffed
};

class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // Waits until at least `count` messages arrived (or 30 s passed) and
  // returns all received so far.
  std::vector<ReceivedMail> wait_for(std::size_t count);
  std::vector<ReceivedMail> received();

 private:
  void serve();
  void converse(int connection);

  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<ReceivedMail> mails_;
  bool stopping_ = false;
  std::thread thread_;
};

// The first http(s) link in a mail's body, or "".
std::string link_in(const ReceivedMail& mail);
// The path of a link ("http://127.0.0.1:1234/account/verify/x" -> "/account/verify/x").
std::string path_of(const std::string& link);

}  // namespace gapfill::testing
