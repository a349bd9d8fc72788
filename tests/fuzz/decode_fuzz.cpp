// JSON bodies to drafts: every decode_* of http/decode.cpp. The first byte
// chooses the decoder, the rest is the body.

#include "error_checks.hpp"
#include "fuzz_check.hpp"
#include "http/decode.hpp"

namespace {

using gapfill::ErrorCode;

// A refusal is 400 (unreadable, unknown fields) or 422 (wrong types, for a close).
template <typename T>
bool refused(const gapfill::Result<T>& result) {
  if (result) return false;
  const ErrorCode code = result.error().code;
  FUZZ_CHECK(code == ErrorCode::kMalformed || code == ErrorCode::kInvalid);
  gapfill::fuzz::check_client_error(result.error());
  return true;
}

// Type errors name fields and carry catalogue keys.
void check_read_errors(const gapfill::domain::ReadErrors& errors) {
  for (const auto& [field, message] : errors) {
    FUZZ_CHECK(!field.empty());
    FUZZ_CHECK(message.key.starts_with("error."));
  }
  if (!errors.empty())
    gapfill::fuzz::check_client_error(gapfill::Error{ErrorCode::kInvalid, "", errors});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = gapfill::fuzz::as_text(data, size);
  const unsigned char selector = gapfill::fuzz::take_selector(text);
  gapfill::http::Request request;
  request.method = gapfill::http::Method::kPost;
  request.body = std::string(text);
  switch (selector % 5) {
    case 0: {
      const auto draft = gapfill::http::decode_network(request);
      if (!refused(draft)) check_read_errors(draft->read_errors);
      break;
    }
    case 1: {
      const auto draft = gapfill::http::decode_post(request);
      if (!refused(draft)) {
        check_read_errors(draft->read_errors);
        if (draft->title) FUZZ_CHECK(draft->title->size() <= request.body.size());
      }
      break;
    }
    case 2: {
      const auto draft = gapfill::http::decode_claim(request);
      if (!refused(draft)) check_read_errors(draft->read_errors);
      break;
    }
    case 3: {
      const auto draft = gapfill::http::decode_proposal(request);
      if (!refused(draft)) check_read_errors(draft->read_errors);
      break;
    }
    case 4: {
      const auto reason = gapfill::http::decode_close(request);
      if (!refused(reason) && request.body.empty()) FUZZ_CHECK(!reason->has_value());
      break;
    }
  }
  return 0;
}
