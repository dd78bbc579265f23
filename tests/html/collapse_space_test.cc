#include "engine/html/collapse_space.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

TEST(CollapsedTextTest, CollapsesWhiteSpaceLikeABrowser) {
  struct Case {
    std::vector<std::string> pieces;  // appended one after another
    std::string want;
  } cases[] = {
      {{"  hello   world  "}, "hello world"},
      {{"a\t\n\r\fb"}, "a b"},
      {{"one", " ", "two"}, "one two"},
      {{"un", "der", "line"}, "underline"},
      {{"no\xC2\xA0"
        "break"},
       "no break"},                               // NBSP
      {{"thin\xE2\x80\x89space"}, "thin space"},  // U+2009
      {{"ideo\xE3\x80\x80space"}, "ideo space"},  // U+3000
      {{"soft\xC2\xADhyphen"}, "softhyphen"},     // U+00AD dropped
      {{"zero\xE2\x80\x8Bwidth"}, "zerowidth"},   // U+200B dropped
      {{"\xEF\xBB\xBF"
        "bom"},
       "bom"},                                                     // U+FEFF dropped
      {{"\xE0\xA4\x95\xE2\x80\x8D"}, "\xE0\xA4\x95\xE2\x80\x8D"},  // ZWJ kept
      {{"   ", "\xC2\xA0"}, ""},
      {{"caf\xC3\xA9 ", " au lait"}, "caf\xC3\xA9 au lait"},
  };
  for (const Case& c : cases) {
    CollapsedText t;
    for (const std::string& p : c.pieces) t.Append(p);
    EXPECT_EQ(t.text, c.want) << "pieces[0]: " << c.pieces[0];
  }
}

TEST(CollapsedTextTest, CountsVisibleCodePoints) {
  CollapsedText t;
  EXPECT_EQ(t.Append(" caf\xC3\xA9 \xC2\xADx "), 5u);
  EXPECT_EQ(CountVisibleChars(" caf\xC3\xA9 \xC2\xADx "), 5u);
  EXPECT_EQ(CountVisibleChars(" \t\n"), 0u);
}

TEST(CollapsedTextTest, TruncatedSequenceIsKeptByteByByte) {
  CollapsedText t;
  t.Append("ab\xE2\x80");
  EXPECT_EQ(t.text, "ab\xE2\x80");
}

}  // namespace
}  // namespace parallax
