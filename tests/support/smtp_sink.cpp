#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace gapfill::testing {
namespace {

void write_all(int fd, const std::string& text) {
  std::size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

// Reads one CRLF-terminated line (without it); nullopt at end of stream.
std::optional<std::string> read_line(int fd, std::string& buffer) {
  for (;;) {
    if (const auto end = buffer.find("\r\n"); end != std::string::npos) {
      std::string line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      return line;
    }
    char chunk[4096];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return std::nullopt;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

std::string upper_prefix(const std::string& line, std::size_t count) {
  std::string out = line.substr(0, count);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string address_in(const std::string& line) {
  const auto open = line.find('<');
  const auto close = line.find('>', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return "";
  return line.substr(open + 1, close - open - 1);
}

}  // namespace

SmtpSink::SmtpSink() {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listener_ < 0) throw std::runtime_error("smtp sink: socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 8) != 0) {
    throw std::runtime_error("smtp sink: bind");
  }
  socklen_t length = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  thread_.join();
  ::close(listener_);
}

void SmtpSink::serve() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 100) <= 0) continue;
    const int connection = ::accept(listener_, nullptr, nullptr);
    if (connection < 0) continue;
    converse(connection);
    ::close(connection);
  }
}

void SmtpSink::converse(int connection) {
  std::string buffer;
  ReceivedMail mail;
  write_all(connection, "220 gapfill-test-sink ESMTP\r\n");
  while (auto line = read_line(connection, buffer)) {
    const std::string verb = upper_prefix(*line, 4);
    if (verb == "EHLO" || verb == "HELO") {
      write_all(connection, "250 gapfill-test-sink\r\n");
    } else if (verb == "MAIL") {
      mail = ReceivedMail{};
      mail.from = address_in(*line);
      write_all(connection, "250 OK\r\n");
    } else if (verb == "RCPT") {
      mail.to.push_back(address_in(*line));
      write_all(connection, "250 OK\r\n");
    } else if (verb == "DATA") {
      write_all(connection, "354 End data with <CR><LF>.<CR><LF>\r\n");
      while (auto data_line = read_line(connection, buffer)) {
        if (*data_line == ".") break;
        if (data_line->starts_with("..")) data_line->erase(0, 1);
        mail.data += *data_line + "\n";
      }
      {
        std::lock_guard lock(mutex_);
        mails_.push_back(mail);
      }
      arrived_.notify_all();
      write_all(connection, "250 OK: queued\r\n");
    } else if (verb == "QUIT") {
      write_all(connection, "221 Bye\r\n");
      return;
    } else {
      write_all(connection, "250 OK\r\n");  // RSET, NOOP
    }
  }
}

std::vector<ReceivedMail> SmtpSink::wait_for(std::size_t count) {
  std::unique_lock lock(mutex_);
  arrived_.wait_for(lock, std::chrono::seconds(30), [&] { return mails_.size() >= count; });
  return mails_;
}

std::vector<ReceivedMail> SmtpSink::received() {
  std::lock_guard lock(mutex_);
  return mails_;
}

std::string link_in(const ReceivedMail& mail) {
  const auto body = mail.data.find("\n\n");
  auto start = mail.data.find("http", body == std::string::npos ? 0 : body);
  if (start == std::string::npos) return "";
  const auto end = mail.data.find_first_of(" \r\n", start);
  return mail.data.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string path_of(const std::string& link) {
  const auto scheme = link.find("://");
  if (scheme == std::string::npos) return link;
  const auto path = link.find('/', scheme + 3);
  return path == std::string::npos ? "/" : link.substr(path);
}

}  // namespace gapfill::testing
