// The post forms (http/post_form.cpp): a form body read into a draft, for
// each kind of form and for an edit, in networks of several time zones. The
// first byte chooses; the rest is the form body.

#include "domain/catalogue.hpp"
#include "error_checks.hpp"
#include "fuzz_check.hpp"
#include "http/form.hpp"
#include "http/post_form.hpp"

namespace {

using gapfill::http::PostFormKind;

void check_draft(const gapfill::domain::PostDraft& draft, std::size_t body_size) {
  for (const auto& [field, message] : draft.read_errors) {
    FUZZ_CHECK(!field.empty());
    // A refusal names a field and says why in words every reader has.
    FUZZ_CHECK(gapfill::i18n::Catalogue::builtin().exact("en", message.key).has_value());
    FUZZ_CHECK(gapfill::i18n::Catalogue::builtin().exact("es", message.key).has_value());
  }
  if (!draft.read_errors.empty()) {
    gapfill::fuzz::check_client_error(
        gapfill::Error{gapfill::ErrorCode::kInvalid, "", draft.read_errors});
  }
  // Nothing read is longer than what was sent (a ride's category is fixed, not read).
  for (const auto* text : {&draft.title, &draft.details, &draft.location_text}) {
    if (*text) FUZZ_CHECK((*text)->size() <= body_size);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body = gapfill::fuzz::as_text(data, size);
  const unsigned char selector = gapfill::fuzz::take_selector(body);
  const auto form = gapfill::http::Form::parse(body);
  if (!form) return 0;  // the form target covers refusals

  static const char* const kZones[] = {"UTC", "America/Denver", "Europe/Madrid", "Pacific/Chatham"};
  gapfill::Network network;
  network.id = 1;
  network.slug = "fuzz";
  network.languages = {"en", "es"};
  network.timezone = kZones[(selector >> 3) % 4];
  network.retention_days = 30;
  network.post_expiry_days = 30;

  const auto kind = static_cast<PostFormKind>(selector % 4);
  if (selector & 4) {
    gapfill::Post post;
    post.id = 7;
    post.network_id = 1;
    post.kind =
        kind == PostFormKind::kOffer ? gapfill::PostKind::kOffer : gapfill::PostKind::kRequest;
    post.category = kind == PostFormKind::kRide ? "transport" : "food";
    if (kind == PostFormKind::kRide) post.ride.emplace();
    check_draft(gapfill::http::read_edit_form(*form, post, network), body.size());
  } else {
    check_draft(gapfill::http::read_post_form(*form, kind, network), body.size());
  }
  return 0;
}
