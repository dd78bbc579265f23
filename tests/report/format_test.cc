#include "engine/report/format.h"

#include <gtest/gtest.h>

#include <clocale>
#include <string>

namespace parallax {
namespace {

TEST(FormatTest, FormatsFixedIndependentlyOfLocale) {
  EXPECT_EQ(FormatFixed(4.2, 1), "4.2");
  EXPECT_EQ(FormatFixed(4.25, 2), "4.25");
  EXPECT_EQ(FormatFixed(0.0, 2), "0.00");
  EXPECT_EQ(FormatFixed(-0.0001, 2), "0.00");
  EXPECT_EQ(FormatFixed(1.0 / 0.0, 1), "0.0");
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(12345), "12,345");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  // A comma-decimal locale, when the machine has one, must not leak into reports.
  if (std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr) {
    EXPECT_EQ(FormatFixed(4.2, 1), "4.2");
    std::setlocale(LC_ALL, "C");
  }
}

TEST(FormatTest, ClassTokenKeepsOnlySafeCharacters) {
  EXPECT_EQ(ClassToken("scare_quote"), "scare_quote");
  EXPECT_EQ(ClassToken("Hedge"), "hedge");
  EXPECT_EQ(ClassToken("a\"><b c"), "a---b-c");
  EXPECT_EQ(ClassToken(""), "none");
}

TEST(FormatTest, OnlyHttpAndRelativeUrlsAreLinkTargets) {
  struct Case {
    const char* url;
    bool http, link;
  };
  const Case cases[] = {
      {"https://example.org/a?b=c#d", true, true},
      {"HTTP://EXAMPLE.ORG", true, true},
      {"  https://example.org", true, true},
      {"stories/story-001.html", false, true},
      {"story.html#claim-3", false, true},
      {"javascript:alert(1)", false, false},
      {" JaVaScRiPt:alert(1)", false, false},
      {"java\tscript:alert(1)", false, false},
      {"java\nscript:alert(1)", false, false},
      {"data:text/html,<script>", false, false},
      {"vbscript:msgbox", false, false},
      {"//evil.example/x", false, false},
      {"/\\evil.example/x", false, false},
      {"mailto:a@b", false, false},
      {"", false, false},
      {"https://exa mple.org", false, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsHttpUrl(c.url), c.http) << c.url;
    EXPECT_EQ(IsSafeLinkTarget(c.url), c.link) << c.url;
  }
}

TEST(FormatTest, ShortensAtCharacterBoundary) {
  EXPECT_EQ(ShortenUtf8("short", 10), "short");
  // "ab—cd" cut at 3 bytes would split the dash: cut before it.
  EXPECT_EQ(ShortenUtf8("ab\xE2\x80\x94"
                        "cd",
                        3),
            "ab\xE2\x80\xA6");
  EXPECT_EQ(ShortenUtf8("one two three", 8), "one two\xE2\x80\xA6");
}

TEST(FormatTest, RepairsInvalidUtf8AndCollapsesSpaces) {
  EXPECT_EQ(CleanUtf8("a\xFF"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(CleanUtf8("valid \xC3\xA9"), "valid \xC3\xA9");
  EXPECT_EQ(CollapseSpaces("  a \n\n b\t"), "a b");
}

}  // namespace
}  // namespace parallax
