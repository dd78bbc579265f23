#include "engine/segment/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

#define LQ "\xE2\x80\x9C"   // “
#define RQ "\xE2\x80\x9D"   // ”
#define LSQ "\xE2\x80\x98"  // ‘
#define RSQ "\xE2\x80\x99"  // ’

std::vector<std::string> Quotes(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& s : FindQuotes(text, {0, text.size()})) out.emplace_back(s.Of(text));
  return out;
}

TEST(QuotesTest, FindsQuotedStretches) {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"He said " LQ "no" RQ " twice.", {LQ "no" RQ}},
      {"He said \"no\" and \"yes\".", {"\"no\"", "\"yes\""}},
      {"A " LSQ "war of choice" RSQ " it was.", {LSQ "war of choice" RSQ}},
      {"Pakistan" RSQ "s army and China's don't count.", {}},
      {"'One party won't tax,' he said.", {"'One party won't tax,'"}},
      {"The boys' toys.", {}},
      {LQ "Outer " LSQ "inner" RSQ " outer" RQ " end", {LQ "Outer " LSQ "inner" RSQ " outer" RQ}},
      {"French "
       "\xC2\xAB"
       "oui"
       "\xC2\xBB"
       ".",
       {"\xC2\xAB"
        "oui"
        "\xC2\xBB"}},
      {"Unclosed " LQ "runs to the end.  ", {LQ "runs to the end."}},
      {"Unclosed " LSQ "single is dropped.", {}},
      {"A stray " RQ " closing mark.", {}},
      {"Reopened " LQ "first " LQ "second" RQ ".", {LQ "first", LQ "second" RQ}},
  };
  for (const Case& c : cases) EXPECT_EQ(Quotes(c.text), c.want) << c.text;
}

TEST(QuotesTest, TellsClosedFromUnclosed) {
  const std::string text = LQ "Yes," RQ " he said. " LQ "And more";
  std::vector<QuotedStretch> got = FindQuotedStretches(text, {0, text.size()});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(got[0].closed);
  EXPECT_FALSE(got[1].closed);
}

TEST(QuotesTest, StaysInsideTheParagraph) {
  const std::string text = "\"a\" [\"b\"] \"c\"";
  std::vector<Span> got = FindQuotes(text, {4, 9});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].Of(text), "\"b\"");
}

TEST(QuotesTest, FindsOutermostBracketPairs) {
  const std::string text = "a (b [c] d) e) f [g (h] i";
  std::vector<std::string> got;
  for (const Span& s : FindBracketPairs(text, {0, text.size()})) got.emplace_back(s.Of(text));
  EXPECT_EQ(got, (std::vector<std::string>{"(b [c] d)"}));
}

}  // namespace
}  // namespace parallax
