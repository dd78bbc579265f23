#include "engine/report/claim_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace parallax {
namespace {

// The dense table the sparse rows replace: one cell per source column, each with the claim's
// sentences from that source in claim order, without repeats.
std::vector<std::vector<SentenceRef>> DenseRow(const ReportModel& model, const ClaimTable& table,
                                               size_t claim) {
  std::vector<std::vector<SentenceRef>> cells(table.sources.size());
  for (const SentenceRef& ref : model.claims[claim].sentences) {
    if (!IsValidRef(model, ref)) continue;
    const std::string& source = model.articles[ref.article].source;
    const size_t column =
        std::find(table.sources.begin(), table.sources.end(), source) - table.sources.begin();
    std::vector<SentenceRef>& cell = cells[column];
    if (std::find(cell.begin(), cell.end(), ref) == cell.end()) cell.push_back(ref);
  }
  return cells;
}

ReportModel RandomModel(std::mt19937* rng, int sources, int articles, int claims) {
  ReportModel model;
  for (int s = 0; s < sources; ++s) model.sources.push_back("source " + std::to_string(s));
  for (int a = 0; a < articles; ++a) {
    ReportArticle article;
    article.source = model.sources[(*rng)() % sources];
    article.sentences.resize(1 + (*rng)() % 6);
    model.articles.push_back(std::move(article));
  }
  for (int c = 0; c < claims; ++c) {
    ReportClaim claim;
    const int refs = 1 + static_cast<int>((*rng)() % 8);
    for (int k = 0; k < refs; ++k) {
      // Now and then a repeat or a reference to nothing, which the table must skip.
      const int article = static_cast<int>((*rng)() % (articles + 1));
      const int sentence = static_cast<int>((*rng)() % 7);
      claim.sentences.push_back({article, sentence});
      if ((*rng)() % 5 == 0) claim.sentences.push_back(claim.sentences.back());
    }
    model.claims.push_back(std::move(claim));
  }
  return model;
}

TEST(ClaimTableTest, SparseRowsMatchTheDenseTableOnRandomModels) {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    const ReportModel model = RandomModel(&rng, 1 + round % 20, 30, 40);
    const ClaimTable table = BuildClaimTable(model);
    ASSERT_EQ(table.rows.size(), model.claims.size());
    for (size_t c = 0; c < model.claims.size(); ++c) {
      const std::vector<std::vector<SentenceRef>> dense = DenseRow(model, table, c);
      std::vector<std::string> carrying;
      std::vector<std::string> omitting;
      for (size_t s = 0; s < table.sources.size(); ++s) {
        const std::span<const SentenceRef> cell = table.Cell(c, s);
        EXPECT_EQ(std::vector<SentenceRef>(cell.begin(), cell.end()), dense[s]);
        (dense[s].empty() ? omitting : carrying).push_back(table.sources[s]);
      }
      EXPECT_EQ(table.SourcesCarrying(c), carrying);
      EXPECT_EQ(table.SourcesOmitting(c), omitting);
      EXPECT_EQ(table.CarryingCount(c), carrying.size());
      EXPECT_EQ(table.OmittingCount(c), omitting.size());
    }
  }
}

TEST(ClaimTableTest, EachSentenceNamesTheFirstClaimHoldingIt) {
  ReportModel model;
  model.sources = {"A", "B"};
  for (const char* source : {"A", "B"}) {
    ReportArticle article;
    article.source = source;
    article.sentences.resize(2);
    model.articles.push_back(std::move(article));
  }
  model.claims.resize(2);
  model.claims[0].sentences = {{0, 0}, {1, 1}};
  model.claims[1].sentences = {{1, 1}, {0, 1}};
  const ClaimTable table = BuildClaimTable(model);
  EXPECT_EQ(table.claim_of_sentence[0], (std::vector<int>{0, 1}));
  EXPECT_EQ(table.claim_of_sentence[1], (std::vector<int>{-1, 0}));
  // Claim 1 holds sentences of both sources: none omits it.
  EXPECT_EQ(table.OmittingCount(1), 0u);
  EXPECT_EQ(table.Cell(1, 0).size(), 1u);
}

}  // namespace
}  // namespace parallax
