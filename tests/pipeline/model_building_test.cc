#include "engine/pipeline/model_building.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tests/pipeline/source_tree_resources.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

const Analysis& SeedsAnalysis() {
  static const Analysis* analysis = [] {
    auto a = Analyze({std::string(PARALLAX_SOURCE_DIR) + "/examples/seeds/corpus.yaml"},
                     SourceTreeResources(), AnalysisOptions());
    EXPECT_OK(a);
    return new Analysis(a.ok() ? std::move(*a) : Analysis());
  }();
  return *analysis;
}

TEST(ModelBuildingTest, SeedsModelHasBothArticlesTheirSourcesAndTheDigests) {
  const Analysis& analysis = SeedsAnalysis();
  auto model = BuildReportModel(analysis, StoryArticles(analysis, 0), SourceTreeResources(), {});
  ASSERT_OK(model);
  ASSERT_EQ(model->articles.size(), 2u);
  EXPECT_EQ(model->sources.size(), 2u);
  EXPECT_EQ(model->profiles.size(), 2u);
  EXPECT_EQ(model->lexicon_digest, SourceTreeResources().lexicon_digest);
  EXPECT_EQ(model->rules_digest, SourceTreeResources().rules_digest);
  EXPECT_EQ(model->articles[0].sentences.size(), analysis.corpus.sentences[0].size());
  EXPECT_FALSE(model->title.empty());
  EXPECT_TRUE(model->notices.empty());
}

// Shared claims first, then those of one source, then related sentences (topic claims).
TEST(ModelBuildingTest, OrdersSharedClaimsThenSingleSourceThenRelated) {
  const Analysis& analysis = SeedsAnalysis();
  auto model = BuildReportModel(analysis, StoryArticles(analysis, 0), SourceTreeResources(), {});
  ASSERT_OK(model);
  auto rank = [&](const ReportClaim& c) {
    if (c.related) return 2;
    std::set<std::string> sources;
    for (const SentenceRef& r : c.sentences) sources.insert(model->articles[r.article].source);
    return sources.size() > 1 ? 0 : 1;
  };
  ASSERT_FALSE(model->claims.empty());
  EXPECT_EQ(rank(model->claims.front()), 0) << "the seeds share at least one claim";
  for (size_t i = 1; i < model->claims.size(); ++i)
    EXPECT_LE(rank(model->claims[i - 1]), rank(model->claims[i])) << model->claims[i].id;
}

// Shared claims say why their versions are one claim, with references into the model; a
// place flag names the places as each outlet wrote them ("Islamabad", not the "Pakistan" it
// stands for).
TEST(ModelBuildingTest, SharedClaimsCarryEvidenceAndWrittenPlaces) {
  const Analysis& analysis = SeedsAnalysis();
  auto model = BuildReportModel(analysis, StoryArticles(analysis, 0), SourceTreeResources(), {});
  ASSERT_OK(model);
  bool place = false;
  for (const ReportClaim& c : model->claims) {
    std::set<std::string> sources;
    for (const SentenceRef& r : c.sentences) sources.insert(model->articles[r.article].source);
    EXPECT_EQ(!c.evidence.empty(), sources.size() > 1 && !c.related) << c.id;
    for (const ReportEvidence& e : c.evidence) {
      EXPECT_NE(model->articles[e.a.article].source, model->articles[e.b.article].source);
      EXPECT_FALSE(e.shared_words.empty()) << c.id;
    }
    for (const ReportDiscrepancy& d : c.discrepancies) {
      if (d.kind != "place") continue;
      place = true;
      EXPECT_EQ(d.description,
                "Place: Firstpost \u201cChina\u201d vs News site \u201cIslamabad\u201d");
    }
  }
  EXPECT_TRUE(place) << "the seeds' visit to China and meeting in Islamabad are flagged";
}

// Every sentence shown in a claim (not as a related sentence) carries that claim's id.
TEST(ModelBuildingTest, SentencesCarryTheirClaimIds) {
  const Analysis& analysis = SeedsAnalysis();
  auto model = BuildReportModel(analysis, StoryArticles(analysis, 0), SourceTreeResources(), {});
  ASSERT_OK(model);
  for (const ReportClaim& c : model->claims) {
    if (c.related) continue;
    for (const SentenceRef& r : c.sentences)
      EXPECT_EQ(model->articles[r.article].sentences[r.sentence].claim_id, c.id);
  }
}

TEST(ModelBuildingTest, KeepsTheArticlesInTheOrderGiven) {
  const Analysis& analysis = SeedsAnalysis();
  auto model = BuildReportModel(analysis, {1, 0}, SourceTreeResources(), {});
  ASSERT_OK(model);
  ASSERT_EQ(model->articles.size(), 2u);
  EXPECT_EQ(model->articles[0].id, analysis.corpus.articles[1].id);
  EXPECT_EQ(model->sources[0], analysis.corpus.articles[1].source);
}

TEST(ModelBuildingTest, OneSourceGetsANoticeAndItsOwnClaimsOnly) {
  const Analysis& analysis = SeedsAnalysis();
  auto model = BuildReportModel(analysis, {0}, SourceTreeResources(), {});
  ASSERT_OK(model);
  ASSERT_EQ(model->notices.size(), 1u);
  EXPECT_NE(model->notices[0].find("Only one source"), std::string::npos);
  for (const ReportClaim& c : model->claims) {
    for (const SentenceRef& r : c.sentences) EXPECT_EQ(r.article, 0) << c.id;
  }
}

TEST(ModelBuildingTest, TitleAndTimeComeFromTheOptions) {
  const Analysis& analysis = SeedsAnalysis();
  ReportOptions options;
  options.title = "Talks, two ways";
  options.generated_at = "2026-12-07T14:00:00Z";
  auto model = BuildReportModel(analysis, {0, 1}, SourceTreeResources(), options);
  ASSERT_OK(model);
  EXPECT_EQ(model->title, "Talks, two ways");
  EXPECT_EQ(model->generated_at, options.generated_at);
}

// Without the provenance part, the model is built unstamped; without aliases, the profiles
// still count every cited party.
TEST(ModelBuildingTest, BuildsWithoutDigestsOrAliases) {
  const Analysis& analysis = SeedsAnalysis();
  Resources bare = SourceTreeResources();
  bare.lexicon_digest.clear();
  bare.rules_digest.clear();
  bare.aliases = nullptr;
  auto model = BuildReportModel(analysis, {0, 1}, bare, {});
  ASSERT_OK(model);
  EXPECT_TRUE(model->lexicon_digest.empty());
  ASSERT_EQ(model->profiles.size(), 2u);
  EXPECT_FALSE(model->profiles[0].cited.empty());
}

TEST(ModelBuildingTest, AnArticleIndexOutOfRangeIsRefused) {
  const Analysis& analysis = SeedsAnalysis();
  auto model = BuildReportModel(analysis, {0, 7}, SourceTreeResources(), {});
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace parallax
