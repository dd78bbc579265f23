#include "engine/lexicon/profile.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

Mark MakeMark(MarkCategory c, const std::string& voice, const std::string& stance = "",
              const std::string& kind = "") {
  Mark m;
  m.category = c;
  m.voice = voice;
  m.stance = stance;
  m.source_kind = kind;
  return m;
}

TEST(ProfileTest, CountsRatesVoiceAndEvidence) {
  std::vector<MarkedSentence> sentences(3);
  sentences[0] = {
      0,
      0,
      400,
      {MakeMark(MarkCategory::kHedge, "outlet"), MakeMark(MarkCategory::kHedge, "quoted")}};
  sentences[1] = {
      0, 1, 300, {MakeMark(MarkCategory::kAttribution, "outlet", "distancing", "anonymous")}};
  sentences[2] = {1, 0, 300, {MakeMark(MarkCategory::kHedge, "outlet")}};
  SourceProfile p = BuildProfile("columnist", sentences);
  EXPECT_EQ(p.articles, 2);
  EXPECT_EQ(p.sentences, 3);
  EXPECT_EQ(p.words, 1000u);
  const ProfileBucket* hedge = SourceProfile::Find(p.categories, "hedge");
  ASSERT_NE(hedge, nullptr);
  EXPECT_EQ(hedge->count, 3);
  EXPECT_EQ(hedge->outlet_count, 2);
  EXPECT_DOUBLE_EQ(hedge->per_1000_words, 3.0);
  EXPECT_DOUBLE_EQ(hedge->outlet_per_1000_words, 2.0);
  // One evidence entry per sentence, not per mark.
  ASSERT_EQ(hedge->evidence.size(), 2u);
  EXPECT_EQ(hedge->evidence[1], (Evidence{1, 0}));
  const ProfileBucket* distancing = SourceProfile::Find(p.stances, "distancing");
  ASSERT_NE(distancing, nullptr);
  EXPECT_EQ(distancing->count, 1);
  EXPECT_EQ(SourceProfile::Find(p.source_kinds, "anonymous")->count, 1);
  EXPECT_EQ(SourceProfile::Find(p.source_kinds, "named")->count, 0);
}

TEST(ProfileTest, NoWordsMeansZeroRates) {
  SourceProfile p = BuildProfile("empty", {});
  EXPECT_EQ(p.categories.size(), static_cast<size_t>(kNumMarkCategories));
  for (const ProfileBucket& b : p.categories) EXPECT_EQ(b.per_1000_words, 0.0);
}

TEST(ProfileTest, EvidenceIsCappedButCountsAreExact) {
  std::vector<MarkedSentence> sentences;
  for (int i = 0; i < 10; ++i) {
    sentences.push_back({0, i, 10, {MakeMark(MarkCategory::kEvaluative, "outlet")}});
  }
  ProfileOptions options;
  options.max_evidence = 3;
  SourceProfile p = BuildProfile("s", sentences, options);
  const ProfileBucket* b = SourceProfile::Find(p.categories, "evaluative");
  EXPECT_EQ(b->count, 10);
  EXPECT_EQ(b->evidence.size(), 3u);
}

TEST(CountWordsTest, CountsWordsNotNumbers) {
  EXPECT_EQ(CountWords("In 2024, two engineers were killed."), 5u);
  EXPECT_EQ(CountWords(""), 0u);
}

}  // namespace
}  // namespace parallax
