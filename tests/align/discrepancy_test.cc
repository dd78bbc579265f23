#include "engine/align/discrepancy.h"

#include <gtest/gtest.h>

#include "tests/align/similarity_test_util.h"

namespace parallax {
namespace {

struct Case {
  const char* a;
  const char* b;
  std::vector<std::string> expected;  // "kind:a_text|b_text"
};

std::vector<std::string> Describe(const std::vector<Discrepancy>& ds) {
  std::vector<std::string> out;
  for (const Discrepancy& d : ds)
    out.push_back(std::string(DiscrepancyKindName(d.kind)) + ":" + d.a_text + "|" + d.b_text);
  return out;
}

TEST(DiscrepancyTest, ReportsWhatTheSentencesDisagreeOn) {
  const Case cases[] = {
      {"The army killed 12 militants.", "The army killed 20 militants.", {"number:12|20"}},
      {"The army killed 12 militants.", "The army killed twelve militants.", {}},
      {"Sales reached $2.5 billion.", "Sales reached 2,500 million dollars.", {}},
      {"The minister attended the summit.",
       "The minister did not attend the summit.",
       {"negation:|not attend"}},
      // Negation of something the other sentence does not say is no disagreement.
      {"The senator never had a veto overridden.",
       "It was the first time a chamber had the votes to overrule the governor.",
       {}},
      // Two quantities, and a rounded figure, are not two values of one quantity.
      {"The blast killed 3 soldiers.", "The blast injured 20 civilians.", {}},
      {"It costs $800 to $1,000 per trainee.", "Training takes 40 to 60 hours.", {}},
      {"He bought a watch for 43,350 dollars.", "He bought a watch for 43,000 dollars.", {}},
      {"The minister didn't attend.", "The minister never attended.", {}},
      {"The bombing happened on Monday.",
       "The bombing happened on Tuesday.",
       {"date:monday|tuesday"}},
      {"It opened in June 2014.", "It opened in June 2015.", {"date:2014|2015"}},
      {"Talks were held in Beijing.", "Talks were held in Moscow.", {"place:China|Russia"}},
      {"He was on an official visit to China.",
       "He met the minister in Moscow.",
       {"place:China|Russia"}},
      {"He spoke to China's envoy.", "He met the minister in Moscow.", {}},
      // Places as actors or adjectives are not where it happened.
      {"Chinese officials met the minister.", "Pakistan's officials met the minister.", {}},
      // Leaving a detail out is an omission, not a discrepancy.
      {"The army killed 12 militants on Monday.", "The army killed militants.", {}},
      {"China backed Pakistan.", "China backed Pakistan strongly.", {}},
      {"Talks in Beijing, 3 killed, not on Monday.",
       "Talks in Moscow, 4 killed on Friday.",
       {"number:3|4", "date:monday|friday", "place:China|Russia"}},
  };
  SimilarityModel model = ModelFor({});
  Stemmer stemmer;
  for (const Case& c : cases) {
    SentenceFeatures a = model.Featurize(c.a, 0, &stemmer);
    SentenceFeatures b = model.Featurize(c.b, 0, &stemmer);
    EXPECT_EQ(Describe(FindDiscrepancies(a, b)), c.expected) << c.a << " | " << c.b;
  }
}

TEST(DiscrepancyTest, SpansPointAtTheDifferingWords) {
  SimilarityModel model = ModelFor({});
  Stemmer stemmer;
  std::string a = "Officials said 12 people died.";
  std::string b = "Officials said 20 people died.";
  auto ds = FindDiscrepancies(model.Featurize(a, 0, &stemmer), model.Featurize(b, 1000, &stemmer));
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_EQ(ds[0].a_spans.size(), 1u);
  EXPECT_EQ(ds[0].a_spans[0].Of(a), "12");
  EXPECT_EQ(ds[0].b_spans[0], (Span{1015, 1017}));
}

// Lexically similar contradictions must come out as the same claim with a discrepancy, not as
// agreement and not as different claims.
TEST(DiscrepancyTest, ContradictionsAreSameClaimWithDiscrepancy) {
  const std::vector<std::string> corpus = {
      "The minister did not attend the summit in Islamabad.",
      "The minister attended the summit in Islamabad.",
      "Police said 12 people were killed in the blast.",
      "Police said 20 people were killed in the blast.",
      "Stocks fell sharply in early trading.",
      "The central bank kept interest rates unchanged.",
      "Heavy rain flooded the city streets.",
      "The team won the championship last year.",
  };
  SimilarityModel model = ModelFor(corpus);
  Stemmer stemmer;
  const double claim = model.rules().claim_threshold;
  for (int pair = 0; pair < 2; ++pair) {
    SentenceFeatures a = model.Featurize(corpus[2 * pair], 0, &stemmer);
    SentenceFeatures b = model.Featurize(corpus[2 * pair + 1], 0, &stemmer);
    EXPECT_GE(model.Score(a, b), claim) << corpus[2 * pair];
    EXPECT_EQ(FindDiscrepancies(a, b).size(), 1u) << corpus[2 * pair];
  }
}

}  // namespace
}  // namespace parallax
