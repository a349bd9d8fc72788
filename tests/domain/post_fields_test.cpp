// The rules for a post's languages and maximum distance (domain/post_fields):
// what is accepted and normalized, and each problem's message, complete in
// every shipped language.

#include "domain/post_fields.hpp"

#include <gtest/gtest.h>

#include "domain/catalogue.hpp"
#include "support/message_checks.hpp"

namespace gapfill::domain {
namespace {

using Strings = std::vector<std::string>;

Network network_with(Strings languages) {
  Network network;
  network.languages = std::move(languages);
  return network;
}

TEST(PostFields, KnownAndNetworkLanguagesAreAccepted) {
  // "xq" is no language this program knows by name, but this network lists it.
  const Network network = network_with({"en", "xq"});
  EXPECT_TRUE(is_post_language("en", network));
  EXPECT_TRUE(is_post_language("xq", network));
  EXPECT_TRUE(is_post_language("ti", network));
  EXPECT_TRUE(is_post_language("hmn", network));
  EXPECT_FALSE(is_post_language("xx", network));
  EXPECT_FALSE(is_post_language("", network));
  EXPECT_FALSE(is_post_language("english", network));

  PostDraft draft;
  draft.languages = Strings{" XQ ", "Ti"};
  draft.max_distance_km = 1;
  Post post;
  FieldErrors errors;
  apply_post_fields(draft, network, post, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(post.languages, (Strings{"xq", "ti"}));
  EXPECT_EQ(post.max_distance_km, 1.0);
}

TEST(PostFields, ClearingRemovesAndABadValueKeepsWhatWasThere) {
  Post post;
  post.languages = {"es"};
  post.max_distance_km = 10;
  PostDraft bad;
  bad.languages = Strings{"es", "es"};
  bad.max_distance_km = 500.5;
  FieldErrors errors;
  apply_post_fields(bad, network_with({"en"}), post, errors);
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_EQ(post.languages, (Strings{"es"}));
  EXPECT_EQ(post.max_distance_km, 10.0);

  PostDraft clear;
  clear.cleared = {"languages", "max_distance_km"};
  errors.clear();
  apply_post_fields(clear, network_with({"en"}), post, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(post.languages.empty());
  EXPECT_FALSE(post.max_distance_km);
}

struct Case {
  const char* name;
  PostDraft draft;
  const char* field;
  const char* english;
};

TEST(PostFields, EachProblemHasItsMessageInEveryLanguage) {
  const auto with_languages = [](Strings languages) {
    PostDraft draft;
    draft.languages = std::move(languages);
    return draft;
  };
  const auto with_distance = [](double km) {
    PostDraft draft;
    draft.max_distance_km = km;
    return draft;
  };
  const Case cases[] = {
      {"unknown", with_languages({"xx"}), "languages",
       "must be language codes such as \"en\" or \"es\" that we know"},
      {"too many", with_languages(Strings(9, "en")), "languages", "must list at most 8 languages"},
      {"repeated", with_languages({"en", "EN"}), "languages", "names the same language twice"},
      {"too far", with_distance(501), "max_distance_km", "must be 1 to 500"},
      {"too near", with_distance(0), "max_distance_km", "must be 1 to 500"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Post post;
    FieldErrors errors;
    apply_post_fields(c.draft, network_with({"en", "es"}), post, errors);
    ASSERT_TRUE(errors.contains(c.field));
    const Message& message = errors.at(c.field);
    EXPECT_TRUE(testing::is_complete(message));
    EXPECT_EQ(i18n::render(message, "en"), c.english);
    EXPECT_NE(i18n::render(message, "es"), c.english);
  }
}

}  // namespace
}  // namespace gapfill::domain
