#include "engine/align/similarity_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <thread>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/negators.h"
#include "tests/align/similarity_test_util.h"

namespace parallax {
namespace {

// A small news-like corpus so that IDF separates content from function words.
const std::vector<std::string> kCorpus = {
    "The COAS appreciated China's consistent support for Pakistan.",
    "Munir expressed deep appreciation for Beijing's consistent backing.",
    "The two sides agreed to deepen counter-terrorism cooperation.",
    "Both countries pledged closer counterterrorism cooperation.",
    "A bomb exploded near the Karachi airport on Sunday.",
    "The price of oil rose to 1,000 dollars.",
    "Stocks fell sharply in early trading on Monday.",
    "The minister did not attend the summit.",
    "The minister attended the summit.",
    "It rained in the afternoon.",
};

class SimilarityModelTest : public ::testing::Test {
 protected:
  SimilarityModelTest() : model_(ModelFor(kCorpus)) {}
  SentenceFeatures F(std::string_view text) { return model_.Featurize(text, 0, &stemmer_); }
  double S(std::string_view a, std::string_view b) { return model_.Score(F(a), F(b)); }

  SimilarityModel model_;
  Stemmer stemmer_;
};

// A plain reference for pair feature 5: the cosine of the 4-gram counts of " norm norm ... ".
double CharGramCosine(std::string_view a, std::string_view b) {
  auto counts = [](std::string_view text) {
    std::vector<Token> tokens;
    Tokenize(text, 0, &tokens);
    std::string joined = " ";
    for (const Token& t : tokens) joined += t.norm + " ";
    std::map<std::string, double> out;
    for (size_t i = 0; i + 4 <= joined.size(); ++i) out[joined.substr(i, 4)] += 1;
    return out;
  };
  std::map<std::string, double> ca = counts(a);
  std::map<std::string, double> cb = counts(b);
  double dot = 0, na = 0, nb = 0;
  for (const auto& [g, c] : ca) {
    na += c * c;
    if (auto it = cb.find(g); it != cb.end()) dot += c * it->second;
  }
  for (const auto& [g, c] : cb) nb += c * c;
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

TEST_F(SimilarityModelTest, CharGramFeatureIsTheCosineOfGramCounts) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {kCorpus[0], kCorpus[1]},
      {kCorpus[2], kCorpus[3]},
      {"aaaa aaaa aaaa", "aaaa aaaa"},  // repeated grams: counts above one
      {"The minister attended.", "The minister attended."},
      {"", "Something happened."},
  };
  for (const auto& [a, b] : pairs) {
    EXPECT_NEAR(model_.Features(F(a), F(b))[5], CharGramCosine(a, b), 1e-5) << a << " | " << b;
  }
}

TEST_F(SimilarityModelTest, WordsShareOneFormPerDistinctToken) {
  SentenceFeatures a = F("Oil prices rose as oil output fell.");
  SentenceFeatures b = F("Oil rose.");
  ASSERT_GE(a.words.size(), 5u);
  EXPECT_EQ(a.words[0].form, a.words[4].form);  // "oil", twice
  EXPECT_EQ(a.words[0].form, b.words[0].form);
  EXPECT_NE(a.words[0].form, a.words[1].form);
  EXPECT_EQ(a.words[0].norm(), "oil");
}

TEST_F(SimilarityModelTest, NumbersWithAMultiplierAreFormsOfTheirOwn) {
  SentenceFeatures a = F("They paid 2.5 billion.");
  SentenceFeatures b = F("They paid 2.5 dollars.");
  ASSERT_GE(a.numbers.size(), 1u);
  ASSERT_GE(b.numbers.size(), 1u);
  const SentenceWord& wa = a.words[a.numbers[0].word];
  const SentenceWord& wb = b.words[b.numbers[0].word];
  EXPECT_EQ(wa.norm(), wb.norm());
  EXPECT_NE(wa.key(), wb.key());
  EXPECT_NE(wa.form, wb.form);
}

TEST_F(SimilarityModelTest, UnseenWordsGetTheUnseenWeightAndAreMadeOnce) {
  std::vector<SentenceFeatures> made(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < made.size(); ++t) {
    threads.emplace_back([&, t] {
      Stemmer stemmer;
      made[t] = model_.Featurize("Quokkas frolicked.", 0, &stemmer);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const SentenceFeatures& f : made) {
    ASSERT_EQ(f.words.size(), 2u);
    EXPECT_EQ(f.words[0].form, made[0].words[0].form);
    EXPECT_EQ(f.words[0].term(), -1);
    EXPECT_FLOAT_EQ(f.words[0].weight(), static_cast<float>(model_.Idf(0)));
  }
}

TEST_F(SimilarityModelTest, IdentityScoresHighAndUnrelatedLow) {
  EXPECT_GT(S(kCorpus[2], kCorpus[2]), 0.9);
  EXPECT_LT(S(kCorpus[2], kCorpus[9]), 0.3);
}

TEST_F(SimilarityModelTest, ScoresStayInUnitIntervalAndAreSymmetric) {
  for (const std::string& a : kCorpus) {
    for (const std::string& b : kCorpus) {
      double ab = S(a, b);
      EXPECT_GE(ab, 0.0);
      EXPECT_LE(ab, 1.0);
      EXPECT_DOUBLE_EQ(ab, S(b, a)) << a << " | " << b;
    }
  }
  EXPECT_GE(S("", ""), 0.0);
  EXPECT_LE(S("", "Something happened."), 1.0);
}

TEST_F(SimilarityModelTest, IdfComesFromTheCorpus) {
  SentenceFeatures f = F("The minister attended the summit.");
  ASSERT_EQ(f.words.size(), 5u);
  EXPECT_LT(f.words[0].weight(),
            f.words[1].weight());  // "the" is in more documents than "minister"
  EXPECT_EQ(model_.document_count(), kCorpus.size());
  // A word the corpus never saw gets the highest weight.
  SentenceFeatures g = F("zyzzyva");
  ASSERT_EQ(g.words.size(), 1u);
  EXPECT_EQ(g.words[0].term(), -1);
  EXPECT_GT(g.words[0].weight(), f.words[1].weight());
}

TEST_F(SimilarityModelTest, AlignsAliasedEntitiesStemsAndNumbers) {
  SentenceFeatures a = F("Beijing's support rose to 1,000 cases");
  SentenceFeatures b = F("China supported 1000 cases");
  WordAlignment al = model_.Align(a, b);
  ASSERT_EQ(a.words.size(), 6u);
  EXPECT_EQ(al.a_kind[0], MatchKind::kEntity);  // Beijing's = China
  EXPECT_EQ(al.a_kind[1], MatchKind::kStem);    // support = supported
  EXPECT_EQ(al.a_kind[4], MatchKind::kNumber);  // 1,000 = 1000
  EXPECT_EQ(al.a_kind[2], MatchKind::kNone);    // rose
  EXPECT_EQ(al.a_to_b[1], 1);
}

TEST_F(SimilarityModelTest, MultiWordEntityMatchesItsAbbreviation) {
  SentenceFeatures a = F("Field Marshal Asim Munir met officials");
  SentenceFeatures b = F("The COAS met officials");
  WordAlignment al = model_.Align(a, b);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(al.a_kind[i], MatchKind::kEntity) << i;
  EXPECT_EQ(al.b_kind[1], MatchKind::kEntity);
}

TEST_F(SimilarityModelTest, HyphenatedAndClosedCompoundsMatch) {
  WordAlignment al = model_.Align(F("counter-terrorism"), F("counterterrorism"));
  EXPECT_EQ(al.a_kind[0], MatchKind::kStem);
}

TEST_F(SimilarityModelTest, SynonymsAlignThroughWordNet) {
  if (!HaveWordNet()) GTEST_SKIP() << "WordNet not installed (apt-get install wordnet-base)";
  WordAlignment al = model_.Align(F("consistent support"), F("consistent backing"));
  EXPECT_EQ(al.a_kind[1], MatchKind::kSynonym);
}

TEST_F(SimilarityModelTest, SeedParaphrasesOutscoreUnrelatedSentences) {
  double paraphrase = S(kCorpus[0], kCorpus[1]);
  EXPECT_GT(paraphrase, S(kCorpus[0], kCorpus[4]));
  EXPECT_GT(paraphrase, S(kCorpus[0], kCorpus[6]));
  EXPECT_GT(S(kCorpus[2], kCorpus[3]), S(kCorpus[2], kCorpus[4]));
}

TEST_F(SimilarityModelTest, ExtractsNumbersWithMultipliersAndDates) {
  SentenceFeatures f = F("In June 2014 the firm paid $2.5 billion, five times more, on Monday.");
  ASSERT_EQ(f.numbers.size(), 3u);
  EXPECT_DOUBLE_EQ(f.numbers[0].value, 2014);
  EXPECT_DOUBLE_EQ(f.numbers[1].value, 2.5e9);
  EXPECT_DOUBLE_EQ(f.numbers[2].value, 5);
  std::vector<std::string> dates;
  for (const DateRef& d : f.dates) dates.push_back(d.value);
  EXPECT_EQ(dates, (std::vector<std::string>{"june", "2014", "monday"}));
  EXPECT_TRUE(F("You may go.").dates.empty());  // "may" the verb is no month
}

TEST_F(SimilarityModelTest, SpansAreOffsetByBase) {
  SentenceFeatures f = model_.Featurize("Oil rose", 100, &stemmer_);
  ASSERT_EQ(f.words.size(), 2u);
  EXPECT_EQ(f.words[1].span(), (Span{104, 108}));
}

TEST_F(SimilarityModelTest, LinearCombinationIsClamped) {
  SimilarityRules rules;
  rules.logistic = false;
  rules.bias = 0.5;
  rules.weights.fill(0);
  rules.weights[0] = 2.0;
  std::vector<std::string_view> corpus = {"a b", "c d"};
  SimilarityModel m = SimilarityModel::Build(corpus, rules, nullptr, nullptr, nullptr);
  PairFeatures f{};
  f[0] = 1.0;
  EXPECT_DOUBLE_EQ(m.Combine(f), 1.0);
  f[0] = -1.0;
  EXPECT_DOUBLE_EQ(m.Combine(f), 0.0);
  f[0] = 0.1;
  EXPECT_DOUBLE_EQ(m.Combine(f), 0.7);
}

TEST(SimilarityModelBuildTest, SameModelOnAnyNumberOfThreads) {
  // More texts than one chunk of the parallel count, so chunks and threads both vary.
  std::vector<std::string> texts;
  for (int i = 0; i < 9000; ++i) {
    texts.push_back(kCorpus[i % kCorpus.size()] + " item" + std::to_string(i % 97));
  }
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const SimilarityModel one =
      SimilarityModel::Build(views, SimilarityRules(), nullptr, nullptr, nullptr, 1);
  Stemmer stemmer;
  for (int threads : {2, 3}) {
    const SimilarityModel many =
        SimilarityModel::Build(views, SimilarityRules(), nullptr, nullptr, nullptr, threads);
    EXPECT_EQ(many.vocabulary_size(), one.vocabulary_size());
    for (size_t i = 0; i < texts.size(); i += 997) {
      EXPECT_EQ(many.Featurize(texts[i], 0, &stemmer).vector,
                one.Featurize(texts[i], 0, &stemmer).vector)
          << threads << " threads, text " << i;
    }
  }
}

TEST(SimilarityModelEmptyTest, WorksWithoutAliasesOrWordNet) {
  std::vector<std::string_view> corpus = {"The cat sat.", "A dog barked."};
  SimilarityModel m = SimilarityModel::Build(corpus, SimilarityRules(), nullptr, nullptr, nullptr);
  Stemmer stemmer;
  double same =
      m.Score(m.Featurize("The cat sat.", 0, &stemmer), m.Featurize("the cats sat", 0, &stemmer));
  double other =
      m.Score(m.Featurize("The cat sat.", 0, &stemmer), m.Featurize("A dog barked.", 0, &stemmer));
  EXPECT_GT(same, 0.9);
  EXPECT_LT(other, 0.1);
}

// Negations come from the negator lexicon the model is given (lexicon/negators.h), its clause
// negators only; the model keeps no list of its own.
TEST(SimilarityModelNegationTest, CountsTheClauseNegatorsOfTheLexicon) {
  Lexicon lexicon;
  ASSERT_TRUE(lexicon
                  .AddText("category: negator\ngroups:\n  - entries: [never]\n"
                           "  - negates: phrase\n    entries: [without]\n",
                           "negators")
                  .ok());
  const Negators negators(lexicon);
  const std::vector<std::string_view> corpus = {"The minister did not attend.",
                                                "The minister never attended."};
  const SimilarityModel m =
      SimilarityModel::Build(corpus, SimilarityRules(), nullptr, nullptr, &negators);
  Stemmer stemmer;
  EXPECT_EQ(m.Featurize("The minister never attended.", 0, &stemmer).negations, 1);
  EXPECT_EQ(m.Featurize("The minister did not attend.", 0, &stemmer).negations, 0);  // unlisted
  EXPECT_EQ(m.Featurize("The minister didn't attend.", 0, &stemmer).negations, 1);
  EXPECT_EQ(m.Featurize("He left without a deal.", 0, &stemmer).negations, 0);  // a phrase
  // With no list only "-n't" words negate.
  const SimilarityModel bare =
      SimilarityModel::Build(corpus, SimilarityRules(), nullptr, nullptr, nullptr);
  EXPECT_EQ(bare.Featurize("The minister never attended.", 0, &stemmer).negations, 0);
  EXPECT_EQ(bare.Featurize("The minister didn't attend.", 0, &stemmer).negations, 1);
}

}  // namespace
}  // namespace parallax
