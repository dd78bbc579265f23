#include "engine/lexicon/pattern.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/testutil.h"

namespace parallax {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(InflectionsTest, GeneratesRegularForms) {
  struct Case {
    const char* word;
    std::vector<std::string> forms;
  } cases[] = {
      {"claim", {"claim", "claims", "claimed", "claiming"}},
      {"believe", {"believe", "believes", "believed", "believing"}},
      {"deny", {"deny", "denies", "denied", "denying"}},
      {"admit", {"admits", "admitted", "admitting"}},
      {"stress", {"stresses", "stressed", "stressing"}},
      {"say", {"say", "says", "saying"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got = Inflections(c.word);
    for (const std::string& f : c.forms) EXPECT_TRUE(Has(got, f)) << c.word << " -> " << f;
  }
}

TEST(ParsePatternTest, ReadsSlotsContextAndGaps) {
  StatusOr<Pattern> p = ParsePattern("could [be|have]");
  ASSERT_OK(p);
  EXPECT_EQ(p->slots.size(), 2u);
  EXPECT_EQ(p->leading_context, 0);
  EXPECT_EQ(p->trailing_context, 1);
  EXPECT_EQ(p->slots[1].words, (std::vector<std::string>{"be", "have"}));

  p = ParsePattern("what * described as");
  ASSERT_OK(p);
  EXPECT_TRUE(p->has_gap);
  EXPECT_EQ(p->trailing_context, 0);

  p = ParsePattern("sources close to *");
  ASSERT_OK(p);
  EXPECT_EQ(p->trailing_context, 1);  // lookahead, not part of the cue
  EXPECT_EQ(p->slots.back().kind, PatternSlot::Kind::kAnyToken);

  p = ParsePattern("It’S");  // folded like the tokenizer folds text
  ASSERT_OK(p);
  EXPECT_EQ(p->slots[0].words[0], "it's");
}

TEST(ParsePatternTest, RefusesMalformedPatterns) {
  const char* bad[] = {
      "",            // empty
      "* said",      // leading gap
      "said [to",    // unbalanced
      "a [b] c",     // context in the middle
      "[said]",      // no cue left
      "said||told",  // empty alternative
      "U.S.",        // not one token
      "said *?",     // optional gap
      "[may?] be",   // optional context
      "a|b|c|d|e|f|g|h|i|j a|b|c|d|e|f|g|h|i|j a|b|c|d|e|f|g|h|i|j a|b|c|d|e|f|g|h|i|j",
  };
  for (const char* text : bad) {
    EXPECT_FALSE(ParsePattern(text).ok()) << "accepted: '" << text << "'";
  }
}

}  // namespace
}  // namespace parallax
