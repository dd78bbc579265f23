#include <gtest/gtest.h>

#include <string>

#include "engine/report/report.h"
#include "tests/report/seed_fixture.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

const std::string kTemplates = PARALLAX_SOURCE_DIR "/reports/templates";
const std::string kSeeds = PARALLAX_SOURCE_DIR "/examples/seeds";

TEST(BatchIndexTest, DivergentClaimsRankDiscrepanciesBeforeOmissions) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  const auto claims = MostDivergentClaims(*model, 5);
  // "meeting" has a place discrepancy; "karachi-bombing" is omitted by one of two sources;
  // the others are carried by both and agree.
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].id, "meeting");
  EXPECT_EQ(claims[0].claim, 1);
  EXPECT_EQ(claims[0].discrepancies, std::vector<std::string>{"place"});
  EXPECT_DOUBLE_EQ(claims[0].divergence, 1.0);
  EXPECT_EQ(claims[1].id, "karachi-bombing");
  EXPECT_EQ(claims[1].sources_omitting, std::vector<std::string>{"News site"});
  EXPECT_DOUBLE_EQ(claims[1].divergence, 0.5);
  EXPECT_NE(claims[1].text.find("Karachi airport"), std::string::npos);
  EXPECT_EQ(MostDivergentClaims(*model, 1).size(), 1u);
}

TEST(BatchIndexTest, OneSourceHasNothingDivergent) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  model->articles.resize(1);
  model->sources.resize(1);
  model->claims.resize(1);
  model->claims[0].sentences.resize(2);
  EXPECT_TRUE(MostDivergentClaims(*model, 5).empty());
}

TEST(BatchIndexTest, RendersStoriesAndRefusesUnsafeLinks) {
  BatchIndexModel index;
  index.title = "Night run <b>";
  BatchStory safe;
  safe.id = "s1";
  safe.title = "Talks";
  safe.href = "stories/s1.html";
  safe.sources = {{"Firstpost", 2}, {"News site", 1}};
  safe.articles = 3;
  safe.divergent_claims = {{2, "c3", "A claim", {"Firstpost"}, {"News site"}, {"number"}, 1.5}};
  BatchStory evil = safe;
  evil.id = "s2";
  evil.title = "Evil";
  evil.href = "javascript:alert(1)";
  index.stories = {safe, evil};
  index.failures = {{"bad.txt", "bad.txt: empty file"}};
  auto html = RenderBatchIndex(index, kTemplates);
  ASSERT_OK(html);
  EXPECT_NE(html->find("<a href=\"stories/s1.html\">Talks</a>"), std::string::npos);
  EXPECT_NE(html->find("<a href=\"stories/s1.html#claim-2\">C3</a>"), std::string::npos);
  EXPECT_EQ(html->find("javascript:"), std::string::npos);
  EXPECT_NE(html->find("Night run &lt;b&gt;"), std::string::npos);
  EXPECT_NE(html->find("omitted by News site"), std::string::npos);
  EXPECT_NE(html->find("bad.txt: empty file"), std::string::npos);
  EXPECT_NE(html->find("default-src 'none'"), std::string::npos);
}

}  // namespace
}  // namespace parallax
