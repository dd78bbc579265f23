#include "engine/base/visible_text.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

// Reliability probe, defect 9: a source named U+202E + "moc.sretuer" was shown as
// "reuters.com", and "Reuters", "Reuters" + U+200B and "Re" + 20 combining marks + "uters" were
// three sources that all read "Reuters".
TEST(VisibleTextTest, Issue19SpoofedSourceNamesLookDifferent) {
  struct Case {
    std::string name;
    std::string shown;
    size_t replaced;
  };
  std::string stacked = "Re";
  for (int i = 0; i < 20; ++i) stacked += "\xCC\x81";  // U+0301 combining acute
  stacked += "uters";
  std::string stacked_shown = "Re\xCC\x81\xCC\x81";
  for (int i = 2; i < 20; ++i) stacked_shown += "<U+0301>";
  stacked_shown += "uters";
  const Case cases[] = {
      {"Reuters", "Reuters", 0},
      {"Reuters\xE2\x80\x8B", "Reuters<U+200B>", 1},                      // zero-width space
      {"\xE2\x80\xAEmoc.sretuer", "<U+202E>moc.sretuer", 1},              // right-to-left override
      {"Re\xE2\x81\xA0uters\xEF\xBB\xBF", "Re<U+2060>uters<U+FEFF>", 2},  // word joiner, BOM
      {"Reu\xC2\xADters", "Reu<U+00AD>ters", 1},                          // soft hyphen
      {"\xE2\x81\xA7x\xE2\x81\xA9", "<U+2067>x<U+2069>", 2},              // bidi isolates
      {"A\x1B[8mB", "A<U+001B>[8mB", 1},                                  // ESC
      {"Vi\xE1\xBB\x87t", "Vi\xE1\xBB\x87t", 0},                      // precomposed letters stay
      {"Vie\xCC\x82\xCC\xA3t", "Vie\xCC\x82\xCC\xA3t", 0},            // two marks stay
      {"Le Monde \xD8\xA7\xD9\x84", "Le Monde \xD8\xA7\xD9\x84", 0},  // Arabic letters stay
      {stacked, stacked_shown, 18},
  };
  for (const Case& c : cases) {
    size_t replaced = 99;
    EXPECT_EQ(VisibleName(c.name, &replaced), c.shown) << c.name;
    EXPECT_EQ(replaced, c.replaced) << c.name;
  }
  EXPECT_NE(VisibleName("Reuters"), VisibleName("Reuters\xE2\x80\x8B"));
  EXPECT_NE(VisibleName("Reuters"), VisibleName(stacked));
}

// Reliability probe, defect 12: ESC sequences and tab/newline in ids and sources were printed
// raw by `search` and `index list`.
TEST(VisibleTextTest, Issue19TerminalEscapesAndTabsAreShownNotActed) {
  struct Case {
    std::string text;
    std::string shown;
  };
  const Case cases[] = {
      {"plain text, é and 中文", "plain text, é and 中文"},
      {"evil\tFAKE\t1999\nsecond", "evil\\tFAKE\\t1999\\nsecond"},
      {"\x1B[8mhidden\x1B]0;title\a", "\\e[8mhidden\\e]0;title\\x07"},
      {"a\\b\r\x7F", "a\\\\b\\r\\x7F"},
      {"c1 \xC2\x9B"
       "31m",
       "c1 \\u009B31m"},  // CSI as a C1 control
      {"\xE2\x80\xAEmoc", "<U+202E>moc"},
      {"bad \xFF byte", "bad \\xFF byte"},
  };
  for (const Case& c : cases) EXPECT_EQ(EscapeForTerminal(c.text), c.shown) << c.text;
}

}  // namespace
}  // namespace parallax
