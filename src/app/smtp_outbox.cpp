#include "app/smtp_outbox.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstring>
#include <ctime>

#include "base/limits.hpp"

namespace gapfill::app {
namespace {

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned value = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += kAlphabet[(value >> 6) & 63];
    out += kAlphabet[value & 63];
  }
  if (i < bytes.size()) {
    unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(value >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// One header line's value, with anything that could end the line removed.
std::string header_safe(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

struct Upload {
  std::string data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->data.size() - upload->offset;
  const std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

}  // namespace

std::string format_message(const domain::Email& email, const std::string& from,
                           long long unix_time) {
  char date[64];
  const std::time_t t = static_cast<std::time_t>(unix_time);
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  std::string message;
  message += fmt::format("Date: {}\r\n", date);
  message += fmt::format("From: <{}>\r\n", header_safe(from));
  message += fmt::format("To: <{}>\r\n", header_safe(email.to));
  message += fmt::format("Subject: =?UTF-8?B?{}?=\r\n", base64(header_safe(email.subject)));
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=utf-8\r\n";
  message += "Content-Transfer-Encoding: 8bit\r\n\r\n";
  std::size_t start = 0;
  while (start <= email.text.size()) {
    std::size_t end = email.text.find('\n', start);
    if (end == std::string::npos) end = email.text.size();
    std::string line = email.text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.front() == '.') line.insert(line.begin(), '.');
    message += line;
    message += "\r\n";
    start = end + 1;
  }
  return message;
}

SmtpOutbox::SmtpOutbox(MailSettings settings) : settings_(std::move(settings)) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  thread_ = std::thread([this] { run(); });
}

SmtpOutbox::~SmtpOutbox() {
  stop();
}

void SmtpOutbox::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wakeup_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (!queue_.empty()) spdlog::warn("mail dropped_at_stop={}", queue_.size());
}

Status SmtpOutbox::send(const domain::Email& email) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= limits::kMailQueueMax) {
      spdlog::warn("mail queue_full");
      return fail(ErrorCode::kUnavailable, "Too much mail is waiting; try again later.");
    }
    queue_.push_back(Queued{email, 0});
  }
  wakeup_.notify_one();
  return {};
}

void SmtpOutbox::run() {
  std::unique_lock lock(mutex_);
  const auto done_with_one = [this] {
    in_flight_ = false;
    idle_.notify_all();
  };
  for (;;) {
    wakeup_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Queued next = std::move(queue_.front());
    queue_.pop_front();
    in_flight_ = true;
    lock.unlock();
    const bool sent = deliver(next.email);
    lock.lock();
    if (sent) {
      spdlog::info("mail sent attempts={}", next.attempts + 1);
      done_with_one();
      continue;
    }
    if (++next.attempts >= limits::kMailAttempts) {
      spdlog::error("mail given_up attempts={}", next.attempts);
      done_with_one();
      continue;
    }
    // Back off: 5 s, 10 s, 20 s, ... before the next try of this message.
    const auto pause = std::chrono::seconds(limits::kMailFirstRetrySeconds << (next.attempts - 1));
    spdlog::warn("mail retry attempt={} in_seconds={}", next.attempts, pause.count());
    if (wakeup_.wait_for(lock, pause, [this] { return stopping_; })) return;
    queue_.push_front(std::move(next));
    done_with_one();
  }
}

bool SmtpOutbox::drain(std::chrono::seconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return queue_.empty() && !in_flight_; });
}

bool SmtpOutbox::deliver(const domain::Email& email) {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return false;
  Upload upload{format_message(email, settings_.from, std::time(nullptr)), 0};
  curl_slist* recipients =
      curl_slist_append(nullptr, fmt::format("<{}>", header_safe(email.to)).c_str());
  const std::string from = fmt::format("<{}>", header_safe(settings_.from));
  curl_easy_setopt(curl, CURLOPT_URL, settings_.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   settings_.require_tls ? static_cast<long>(CURLUSESSL_ALL)
                                         : static_cast<long>(CURLUSESSL_TRY));
  if (!settings_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const CURLcode result = curl_easy_perform(curl);
  if (result != CURLE_OK)
    spdlog::warn("mail delivery_failed curl=\"{}\"", curl_easy_strerror(result));
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  return result == CURLE_OK;
}

}  // namespace gapfill::app
