#include "engine/base/utf8.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

struct Utf8Case {
  std::string name;
  std::string bytes;
  std::optional<size_t> first_invalid;
};

TEST(Utf8Test, FindsFirstInvalidByte) {
  const std::vector<Utf8Case> cases = {
      {"ascii", "plain text", std::nullopt},
      {"two-byte", "caf\xC3\xA9", std::nullopt},
      {"curly quote", "\xE2\x80\x9Cquoted\xE2\x80\x9D", std::nullopt},
      {"emoji", "\xF0\x9F\x98\x80", std::nullopt},
      {"latin1 byte", "caf\xE9 noir", 3},
      {"overlong slash", "a\xC0\xAF", 1},
      {"overlong 3-byte", "ab\xE0\x80\xAF", 2},
      {"surrogate", "\xED\xA0\x80", 0},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"truncated", "ok\xE2\x80", 2},
      {"stray continuation", "\x80", 0},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.bytes), c.first_invalid) << c.name;
  }
}

TEST(Utf8Test, RepairReplacesEachInvalidByte) {
  size_t replaced = 0;
  EXPECT_EQ(RepairUtf8("a\xFF"
                       "b\xC0",
                       &replaced),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(replaced, 2u);
  EXPECT_EQ(RepairUtf8("clean", &replaced), "clean");
  EXPECT_EQ(replaced, 0u);
}

TEST(Utf8Test, DecodesCodePoints) {
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8("\xE2\x80\x99", 0, &len), U'\u2019');
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(DecodeUtf8("\xFF", 0, &len), U'\uFFFD');
  EXPECT_EQ(len, 1u);
}

TEST(Utf8Test, AppendUtf8RoundTripsThroughDecode) {
  for (char32_t cp : {U'a', U'\u00e9', U'\u2019', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(cp, &s);
    size_t len = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), cp);
    EXPECT_EQ(len, s.size());
  }
}

TEST(Utf8Test, RecognisesUtf16ByteOrderMarks) {
  EXPECT_TRUE(HasUtf16Bom("\xFF\xFEh\0i"));
  EXPECT_TRUE(HasUtf16Bom("\xFE\xFF\0h"));
  EXPECT_FALSE(HasUtf16Bom("\xEF\xBB\xBFhello"));
}

}  // namespace
}  // namespace parallax
