// The pieces every page stands on: forms, cookies, language choice and templates.

#include <ctemplate/template.h>
#include <gtest/gtest.h>

#include "domain/catalogue.hpp"
#include "http/cookies.hpp"
#include "http/embedded_files.hpp"
#include "http/form.hpp"
#include "http/language.hpp"
#include "http/query.hpp"
#include "http/templates.hpp"

namespace gapfill::http {
namespace {

TEST(Form, DecodesRepeatedNamesPlusAndEscapes) {
  const auto form = Form::parse("title=Warm+coats%21&need=wheelchair&need=oxygen&empty=&x");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->get("title"), "Warm coats!");
  EXPECT_EQ(form->all("need"), (std::vector<std::string>{"wheelchair", "oxygen"}));
  EXPECT_EQ(form->get("empty"), "");
  EXPECT_FALSE(form->text("empty"));
  EXPECT_EQ(form->get("x"), "");
  EXPECT_FALSE(form->get("missing"));
}

TEST(Form, RefusesBadEscapesAndTooManyFields) {
  EXPECT_FALSE(Form::parse("a=%zz"));
  EXPECT_FALSE(Form::parse("a=%4"));
  std::string many;
  for (int i = 0; i < 65; ++i) many.append("f").append(std::to_string(i)).append("=1&");
  const auto refused = Form::parse(many);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kMalformed);
}

TEST(PercentEncode, KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(percent_encode("/n/riverside?x=1 2"), "%2Fn%2Friverside%3Fx%3D1%202");
  EXPECT_EQ(percent_decode(percent_encode("ñ/é?&="), false), "ñ/é?&=");
}

TEST(Cookies, ParsesAndWrites) {
  const auto cookies = parse_cookies("gf_lang=es; gf_csrf=\"abc\"; broken; gf_lang=en");
  EXPECT_EQ(cookies.at("gf_lang"), "es");
  EXPECT_EQ(cookies.at("gf_csrf"), "abc");
  EXPECT_FALSE(cookies.contains("broken"));
  CookieOptions options;
  options.max_age_seconds = 60;
  options.secure = true;
  options.same_site = SameSite::kStrict;
  EXPECT_EQ(set_cookie("a", "b", options),
            "a=b; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure");
}

TEST(Language, FollowsTheChoiceThenTheBrowser) {
  const std::vector<std::string> supported{"en", "es"};
  EXPECT_EQ(choose_language("es", "en-US", supported), "es");
  EXPECT_EQ(choose_language("fr", "es-MX,es;q=0.9,en;q=0.8", supported), "es");
  EXPECT_EQ(choose_language(std::nullopt, "fr-FR, en;q=0.5, es;q=0.7", supported), "es");
  EXPECT_EQ(choose_language(std::nullopt, "es;q=0, en;q=0.1", supported), "en");
  EXPECT_EQ(choose_language(std::nullopt, "de, fr", supported), "en");
  EXPECT_EQ(choose_language(std::nullopt, std::nullopt, supported), "en");
  EXPECT_EQ(choose_language(std::nullopt, "ES-mx", supported), "es");
}

TEST(Templates, EveryTemplateStartsWithTheAutoescapePragma) {
  int templates = 0;
  for (const EmbeddedFile& file : embedded_files()) {
    if (!file.name.starts_with("templates/")) continue;
    ++templates;
    EXPECT_TRUE(file.data.starts_with("{{%AUTOESCAPE context=\"HTML\"}}")) << file.name;
  }
  EXPECT_GE(templates, 3);
}

TEST(Templates, BakeEveryTemplateInEveryLanguage) {
  const Templates templates(i18n::Catalogue::builtin());  // throws on an unknown message
  ctemplate::TemplateDictionary data("test");
  data.SetValue("HEADING", "<script>alert(1)</script>");
  const std::string html = templates.expand("error", "es", data);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Ir a la página de inicio"), std::string::npos);
}

TEST(Templates, BakingEscapesMessagesAndRefusesUnknownKeys) {
  const auto catalogue = i18n::Catalogue::from_files(
      {{"en", "a.json", R"({"a": "Tom & \"Jerry\" <b>", "p": "{n} posts"})"}});
  EXPECT_EQ(Templates::bake("<p>[[a]]</p>", "en", catalogue),
            "<p>Tom &amp; &quot;Jerry&quot; &lt;b&gt;</p>");
  EXPECT_THROW(Templates::bake("[[missing]]", "en", catalogue), std::runtime_error);
  EXPECT_THROW(Templates::bake("[[p]]", "en", catalogue), std::runtime_error);
  EXPECT_THROW(Templates::bake("[[a", "en", catalogue), std::runtime_error);
}

}  // namespace
}  // namespace gapfill::http
