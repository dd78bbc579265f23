#include "engine/align/candidates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "tests/align/similarity_test_util.h"

namespace parallax {
namespace {

// The reference: every pair scored with plain loops over the same pruned, re-normalised vectors.
std::vector<CandidatePair> NaiveCandidates(const std::vector<SentenceFeatures>& s,
                                           const std::vector<uint32_t>& groups,
                                           const SimilarityModel& model,
                                           const CandidateOptions& o) {
  double limit = o.max_df_fraction * model.document_count();
  if (o.max_df > 0) limit = std::min<double>(limit, o.max_df);
  limit = std::max<double>(limit, o.min_prune_df);
  std::vector<std::vector<std::pair<int32_t, double>>> v(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    double norm = 0;
    for (auto [t, w] : s[i].vector) {
      if (model.DocumentFrequency(t) > limit) continue;
      v[i].emplace_back(t, w);
      norm += double(w) * w;
    }
    for (auto& [t, w] : v[i]) w /= std::sqrt(norm);
  }
  std::vector<CandidatePair> out;
  for (size_t i = 0; i < s.size(); ++i) {
    std::vector<std::pair<double, uint32_t>> partners;
    for (size_t j = 0; j < s.size(); ++j) {
      if (groups[i] == groups[j]) continue;
      double dot = 0;
      for (auto [t, w] : v[i]) {
        for (auto [u, x] : v[j]) {
          if (t == u) dot += w * x;
        }
      }
      if (dot > 0 && dot >= o.min_cosine) partners.emplace_back(dot, j);
    }
    std::sort(partners.begin(), partners.end(), [](auto& p, auto& q) {
      return p.first != q.first ? p.first > q.first : p.second < q.second;
    });
    for (size_t k = 0; k < std::min(o.top_k, partners.size()); ++k) {
      uint32_t j = partners[k].second;
      out.push_back({std::min<uint32_t>(i, j), std::max<uint32_t>(i, j), float(partners[k].first)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](auto& p, auto& q) { return p.a != q.a ? p.a < q.a : p.b < q.b; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](auto& p, auto& q) { return p.a == q.a && p.b == q.b; }),
            out.end());
  return out;
}

// Random sentences over a Zipf-like vocabulary: a few words in most sentences (pruned), many rare.
std::vector<std::string> SyntheticSentences(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<double> weights;
  for (int w = 0; w < 300; ++w) weights.push_back(1.0 / (w + 1));
  std::discrete_distribution<int> word(weights.begin(), weights.end());
  std::uniform_int_distribution<int> length(4, 14);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    for (int k = length(rng); k > 0; --k) s += "w" + std::to_string(word(rng)) + "x ";
    out.push_back(s);
  }
  return out;
}

void ExpectSamePairs(const std::vector<CandidatePair>& got,
                     const std::vector<CandidatePair>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].a, want[i].a) << i;
    EXPECT_EQ(got[i].b, want[i].b) << i;
    EXPECT_NEAR(got[i].cosine, want[i].cosine, 1e-5) << i;
  }
}

TEST(CandidatesTest, MatchesAllPairsReferenceAcrossBlocksAndPruning) {
  std::vector<std::string> texts = SyntheticSentences(240, 7);
  SimilarityModel model = ModelFor(texts);
  Stemmer stemmer;
  std::vector<SentenceFeatures> features;
  std::vector<uint32_t> groups;
  for (size_t i = 0; i < texts.size(); ++i) {
    features.push_back(model.Featurize(texts[i], 0, &stemmer));
    groups.push_back(static_cast<uint32_t>(i % 4));
  }
  struct Options {
    size_t top_k;
    double max_df_fraction;
    uint32_t max_df;
    uint32_t min_prune_df;
    double min_cosine;
    size_t block_rows;
  } table[] = {
      {3, 0.05, 500, 5, 0.1, 17},    // heavy pruning, odd block size
      {8, 1.0, 0, 1000, 0.0, 1000},  // no pruning, one block
      {1, 0.2, 0, 0, 0.3, 1},        // one row per block
      {50, 1.0, 20, 0, 0.05, 64},    // absolute cap; more partners than most rows have
  };
  for (const Options& t : table) {
    CandidateOptions o;
    o.top_k = t.top_k;
    o.max_df_fraction = t.max_df_fraction;
    o.max_df = t.max_df;
    o.min_prune_df = t.min_prune_df;
    o.min_cosine = t.min_cosine;
    o.block_rows = t.block_rows;
    SCOPED_TRACE("top_k " + std::to_string(t.top_k) + " block " + std::to_string(t.block_rows));
    std::vector<CandidatePair> got = FindCandidates(features, groups, model, o);
    EXPECT_FALSE(got.empty());
    ExpectSamePairs(got, NaiveCandidates(features, groups, model, o));
  }
}

TEST(CandidatesTest, NeverPairsSentencesOfOneGroup) {
  std::vector<std::string> texts = {"oil prices rose sharply", "oil prices rose sharply today",
                                    "oil prices rose", "rain fell in the city"};
  SimilarityModel model = ModelFor(texts);
  Stemmer stemmer;
  std::vector<SentenceFeatures> f;
  for (const auto& t : texts) f.push_back(model.Featurize(t, 0, &stemmer));
  CandidateOptions o;
  o.max_df_fraction = 1.0;
  auto pairs = FindCandidates(f, {0, 0, 1, 1}, model, o);
  std::vector<std::pair<uint32_t, uint32_t>> got;
  for (const auto& p : pairs) got.emplace_back(p.a, p.b);
  EXPECT_EQ(got, (std::vector<std::pair<uint32_t, uint32_t>>{{0, 2}, {1, 2}}));
}

TEST(CandidatesTest, EmptyAndMismatchedInputGiveNoPairs) {
  SimilarityModel model = ModelFor({});
  EXPECT_TRUE(FindCandidates({}, {}, model, {}).empty());
  std::vector<SentenceFeatures> one(1);
  EXPECT_TRUE(FindCandidates(one, {}, model, {}).empty());
}

}  // namespace
}  // namespace parallax
