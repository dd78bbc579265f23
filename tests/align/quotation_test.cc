#include "engine/align/quotation.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/align/similarity_test_util.h"

namespace parallax {
namespace {

// The span of the first "..." stretch of `text`.
std::vector<Span> QuoteOf(const std::string& text) {
  const size_t open = text.find('"');
  const size_t close = text.find('"', open + 1);
  if (open == std::string::npos || close == std::string::npos) return {};
  return {{open, close + 1}};
}

TEST(QuotationTest, FindsSharedQuotationsAndTheirWordDifferences) {
  struct Case {
    std::string a;
    std::string b;
    bool shared;
    bool differs;
    std::string a_text;
    std::string b_text;
  };
  const Case cases[] = {
      // The same words in other frames: shared, not different.
      {"\"It's not against the president,\" she said.",
       "A spokeswoman said \"it's not against the president\" on Monday.", true, false, "", ""},
      // A word substituted inside the quotation.
      {"He asked: \"what have you guys been debating, John?\"",
       "He asked: \"what have you guys been doing, John?\"", true, true, "debating", "doing"},
      // A negation added is a change, not an elision.
      {"\"I used money that should have been used for my campaign,\" he said.",
       "\"I used money that should not have been used,\" he said.", true, true, "", "not"},
      // One quotation cut short: not a difference.
      {"\"We will win this war and bring our troops home,\" he said.",
       "\"We will win this war,\" he said.", true, false, "", ""},
      // Both versions ending in their own words: the ending given in other words; the words
      // after the closing mark are no part of it.
      {"\"Iran gets closer and closer to a nuclear bomb,\" Netanyahu says.",
       "\"Iran gets closer and closer to nuclear arms,\" Mr. Netanyahu is shown saying.", true,
       true, "a bomb", "arms"},
      {"\"The Earth is not the objective,\" he said.", "\"That is not the objective,\" he said.",
       true, true, "the earth", "that"},
      // Other ends that are the same words: an abbreviation, or only function words.
      {"\"Sen. Reid respects that but thinks the mosque should be built someplace else.\"",
       "\"Senator Reid respects that but thinks the mosque should be built someplace else.\"", true,
       false, "", ""},
      {"He said \"so it is not enough just to not suck as much as the other side.\"",
       "He said \"but it is not enough just to not suck as much as the other side.\"", true, false,
       "", ""},
      // Words added or left out inside the quotation: a difference, function words too.
      {"He said they \"are alleged to be both discriminators and victims.\"",
       "He said they \"are alleged to be discriminators and victims.\"", true, true, "both", ""},
      {"\"Tom Brady, George Clooney, James Bond, the president have nothing on Mo.\"",
       "\"Tom Brady, George Clooney, James Bond and the president have nothing on Mo.\"", true,
       true, "", "and"},
      // Words left out where the quoting side shows an elision, or put in brackets: an editor's
      // hand, not a misquote.
      {"\"I did these things and I used money that should have been used for my campaign,\" he "
       "said.",
       "\"I did these things ... I used money that should have been used for my campaign,\" he "
       "said.",
       true, false, "", ""},
      {"\"Teachers should teach, but schools should be willing to arm them,\" he said.",
       "\"Teachers should teach, but schools should be willing to [arm personnel],\" he said.",
       true, false, "", ""},
      {"\"Schools should be willing to go through 40 to 60 hours of training,\" he said.",
       "\"Schools should be willing to go through 40 to 60 hours of [firearms] training,\" he "
       "said.",
       true, false, "", ""},
      // A word found earlier is no part of the shared words: no gap opens before them.
      {"\"We're not reading out details of the conversation, but the lines of communication "
       "remain open,\" the statement said.",
       "The offices said \"the lines of communication remain open.\"", true, false, "", ""},
      {"\"There will be no further readout of the meeting, but lines of communication remain "
       "open,\" he said.",
       "They said \"the lines of communication remain open.\"", true, false, "", ""},
      {"The minister said: \"I attended the summit in Geneva on Tuesday.\"",
       "The minister said: \"I did not attend the summit in Geneva on Tuesday.\"", true, true, "",
       "did not"},
      // A contraction spelled out on the other side: the same words.
      {"\"President Obama has said that he\u2019s determined to prevent Iran from getting nuclear "
       "weapons,\" Netanyahu said.",
       "\"President Obama has said that he is determined to prevent Iran from getting nuclear "
       "weapons,\" he said.",
       true, false, "", ""},
      // Two quotations of the same speaker saying other things.
      {"\"The economy is growing faster than expected,\" she said.",
       "\"We will cut taxes for every family next year,\" she said.", false, false, "", ""},
      // The same words in another house style (BASIL: "F.B.I." / "FBI", "two-in-three" /
      // "2 in 3", "tax-filing" / "tax filing"): no difference.
      {"\"The F.B.I. agents checked the tax-filing records of two-in-three firms in the city "
       "last year,\" he said.",
       "\"The FBI agents checked the tax filing records of 2 in 3 firms in the city last year,\" "
       "he "
       "said.",
       true, false, "", ""},
      // No quotation on one side.
      {"The economy is growing faster than expected, she said.",
       "\"The economy is growing faster than expected,\" she said.", false, false, "", ""},
  };
  std::vector<std::string> texts;
  for (const Case& c : cases) {
    texts.push_back(c.a);
    texts.push_back(c.b);
  }
  SimilarityModel model = ModelFor(texts);
  Stemmer stemmer;
  for (const Case& c : cases) {
    const SentenceFeatures a = model.Featurize(c.a, 0, &stemmer);
    const SentenceFeatures b = model.Featurize(c.b, 0, &stemmer);
    const std::vector<Span> qa = QuoteOf(c.a);
    const std::vector<Span> qb = QuoteOf(c.b);
    const QuoteMatch m = MatchQuotations({a, qa, c.a, 0}, {b, qb, c.b, 0});
    EXPECT_EQ(m.shared, c.shared) << c.a << " | " << c.b;
    EXPECT_EQ(m.differs, c.differs) << c.a << " | " << c.b;
    EXPECT_EQ(m.a_text, c.a_text) << c.a;
    EXPECT_EQ(m.b_text, c.b_text) << c.b;
  }
}

}  // namespace
}  // namespace parallax
