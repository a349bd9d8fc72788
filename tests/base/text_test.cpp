#include "base/text.hpp"

#include <gtest/gtest.h>

namespace gapfill {
namespace {

TEST(Text, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("niños"), 5u);
  EXPECT_EQ(utf8_length("食べ物"), 3u);
}

TEST(Text, AcceptsCleanTextAndRejectsControlsAndBadUtf8) {
  EXPECT_TRUE(is_clean_text("Groceries for a family", true));
  EXPECT_TRUE(is_clean_text("Ropa de invierno, tallas niños 🧥", true));
  EXPECT_TRUE(is_clean_text("line one\nline two\ttab", false));
  EXPECT_FALSE(is_clean_text("line one\nline two", true));
  EXPECT_FALSE(is_clean_text(std::string("nul\0byte", 8), false));
  EXPECT_FALSE(is_clean_text("bell\x07", false));
  EXPECT_FALSE(is_clean_text("\xC3", false));              // truncated
  EXPECT_FALSE(is_clean_text("\xC0\xAF", false));          // overlong
  EXPECT_FALSE(is_clean_text("\xED\xA0\x80", false));      // surrogate
  EXPECT_FALSE(is_clean_text("\xF4\x90\x80\x80", false));  // beyond U+10FFFF
  EXPECT_FALSE(is_clean_text("\xC2\x85", false));          // C1 control
}

TEST(Text, Trims) {
  EXPECT_EQ(trim("  a b \n"), "a b");
  EXPECT_EQ(trim("   "), "");
}

}  // namespace
}  // namespace gapfill
