#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/error_response.hpp"

namespace gapfill::http {
namespace {

Error title_too_long() {
  return Error{ErrorCode::kInvalid,
               "Some fields are not valid.",
               {{"title", Message{"error.text_length", {{"min", "1"}, {"max", "120"}}}},
                {"contact.email", Message{"error.required", {}}}}};
}

TEST(ErrorResponse, FieldMessagesAreEnglishByDefault) {
  const Response response = error_response(title_too_long());
  EXPECT_EQ(response.status, 422);
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "invalid");
  EXPECT_EQ(body["error"]["message"], "Some fields are not valid.");
  EXPECT_EQ(body["error"]["fields"]["title"], "must be 1 to 120 characters");
  EXPECT_EQ(body["error"]["fields"]["contact.email"], "is required");
}

TEST(ErrorResponse, RendersFieldMessagesInTheLanguageAsked) {
  const auto body = nlohmann::json::parse(error_response(title_too_long(), "es").body);
  EXPECT_EQ(body["error"]["fields"]["title"], "debe tener de 1 a 120 caracteres");
  EXPECT_EQ(body["error"]["fields"]["contact.email"], "es obligatorio");
  // The sentence is not translated (yet); a language without catalogues falls back to English.
  EXPECT_EQ(body["error"]["message"], "Some fields are not valid.");
  const auto unknown = nlohmann::json::parse(error_response(title_too_long(), "vi").body);
  EXPECT_EQ(unknown["error"]["fields"]["title"], "must be 1 to 120 characters");
}

TEST(ErrorResponse, AnErrorWithoutFieldsHasAnEmptyFieldsObject) {
  const auto body =
      nlohmann::json::parse(error_response(ErrorCode::kNotFound, "Post not found.").body);
  EXPECT_TRUE(body["error"]["fields"].is_object());
  EXPECT_TRUE(body["error"]["fields"].empty());
}

}  // namespace
}  // namespace gapfill::http
