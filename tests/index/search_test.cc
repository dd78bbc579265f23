// Searching: query syntax, filters, grouping by source, highlight spans.
#include <gtest/gtest.h>

#include <set>

#include "engine/index/sentence_index.h"
#include "index_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::MakeArticle;
using testing_util::TestArticle;

// Three outlets reporting one meeting, in a temporary index.
class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = SentenceIndex::OpenTemporary();
    ASSERT_OK(writer);
    writer_ = std::move(writer).value();
    Add(MakeArticle("fp", "Firstpost",
                    {"Munir reaffirmed appreciation for Beijing's consistent support.",
                     "Both sides discussed counter-terrorism cooperation.",
                     "The columnist doubts the plan."},
                    "2025-07-24", {"columnist", "Indian media"}),
        {{"China", "Asim Munir"}, {}, {}});
    Add(MakeArticle("ns", "News site",
                    {"Wang underscored China's steadfast support, and Munir thanked Beijing for "
                     "consistent backing.",
                     "Talks covered regional security and counter-terrorism."},
                    "2025-08-01", {"news report"}),
        {{"China", "Asim Munir"}, {}});
    Add(MakeArticle("old", "Archive", {"Support for the port project was consistent in 2019."},
                    "2019-03-02"),
        {});
    auto reader = writer_->NewReader();
    ASSERT_OK(reader);
    reader_ = std::move(reader).value();
  }

  void Add(const TestArticle& t, const std::vector<std::vector<std::string>>& entities) {
    ASSERT_OK(writer_->AddArticle(t.article, t.sentences, entities));
  }

  SearchResults Run(SearchRequest request) {
    auto results = reader_->Search(request);
    EXPECT_OK(results);
    return results.ok() ? std::move(results).value() : SearchResults();
  }
  SearchResults Run(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return Run(request);
  }

  static std::set<std::string> Sources(const SearchResults& r) {
    std::set<std::string> s;
    for (const SourceGroup& g : r.groups) s.insert(g.source);
    return s;
  }
  static std::vector<std::string> Highlighted(const SearchHit& hit) {
    std::vector<std::string> words;
    for (const Span& s : hit.highlights) words.emplace_back(s.Of(hit.text));
    return words;
  }

  std::unique_ptr<SentenceIndex> writer_;
  std::unique_ptr<IndexReader> reader_;
};

TEST_F(SearchTest, AllWordsMustMatchByDefaultAndAreStemmed) {
  const SearchResults r = Run("consistent support");
  EXPECT_EQ(Sources(r), (std::set<std::string>{"Firstpost", "News site", "Archive"}));
  SearchRequest any;
  any.query = "steadfast columnist";
  EXPECT_TRUE(Run(any).groups.empty());
  any.match_all = false;
  EXPECT_EQ(Sources(Run(any)), (std::set<std::string>{"Firstpost", "News site"}));
}

TEST_F(SearchTest, HyphenatedWordIsFoundAndHighlightedWhole) {
  const SearchResults r = Run("counter-terrorism");
  EXPECT_EQ(Sources(r), (std::set<std::string>{"Firstpost", "News site"}));
  for (const SourceGroup& g : r.groups) {
    ASSERT_EQ(g.hits.size(), 1u);
    EXPECT_EQ(Highlighted(g.hits[0]), std::vector<std::string>{"counter-terrorism"});
  }
}

TEST_F(SearchTest, PhraseNeedsAdjacentWords) {
  EXPECT_EQ(Sources(Run("\"consistent support\"")), std::set<std::string>{"Firstpost"});
  EXPECT_EQ(Sources(Run("\"steadfast support\"")), std::set<std::string>{"News site"});
}

TEST_F(SearchTest, HighlightsMatchedWordsInAnyInflection) {
  const SearchResults r = Run("supports consistently");
  for (const SourceGroup& g : r.groups) {
    if (g.source != "News site") continue;
    ASSERT_EQ(g.hits.size(), 1u);
    const SearchHit& hit = g.hits[0];
    EXPECT_EQ(Highlighted(hit), (std::vector<std::string>{"support", "consistent"}));
    for (const Span& s : hit.highlights) EXPECT_LE(s.end, hit.text.size());
    EXPECT_EQ(hit.article_id, "ns");
    EXPECT_EQ(hit.title, "Title of ns");
    EXPECT_EQ(hit.date, "2025-08-01");
    EXPECT_EQ(hit.sentence_index, 0);
    EXPECT_EQ(hit.span.start, 0u);
    EXPECT_EQ(hit.span.end, hit.text.size());
  }
}

TEST_F(SearchTest, PossessiveIsHighlightedWithItsApostrophe) {
  const SearchResults r = Run("China");
  ASSERT_EQ(Sources(r), std::set<std::string>{"News site"});
  EXPECT_EQ(Highlighted(r.groups[0].hits[0]), std::vector<std::string>{"China's"});
}

TEST_F(SearchTest, SentenceSpanPointsIntoTheArticle) {
  const SearchResults r = Run("talks regional");
  ASSERT_EQ(r.groups.size(), 1u);
  const SearchHit& hit = r.groups[0].hits[0];
  EXPECT_EQ(hit.sentence_index, 1);
  EXPECT_GT(hit.span.start, 0u);
  EXPECT_EQ(hit.span.size(), hit.text.size());
}

TEST_F(SearchTest, GroupsBySourceInOrderOfBestHit) {
  SearchRequest request;
  request.query = "support OR counter-terrorism OR columnist";
  request.limit = 100;
  const SearchResults r = Run(request);
  ASSERT_EQ(r.groups.size(), 3u);
  int last_best = -1;
  size_t total = 0;
  for (const SourceGroup& g : r.groups) {
    EXPECT_GT(g.hits[0].rank, last_best);
    last_best = g.hits[0].rank;
    for (size_t i = 1; i < g.hits.size(); ++i) EXPECT_GT(g.hits[i].rank, g.hits[i - 1].rank);
    for (const SearchHit& h : g.hits) EXPECT_EQ(h.source, g.source);
    total += g.hits.size();
  }
  EXPECT_EQ(total, 6u);
}

TEST_F(SearchTest, FiltersBySourceTagEntityAndDate) {
  const struct {
    const char* name;
    std::function<void(SearchRequest*)> set;
    std::set<std::string> want;
  } cases[] = {
      {"source, any case", [](SearchRequest* r) { r->sources = {"news SITE"}; }, {"News site"}},
      {"two sources",
       [](SearchRequest* r) {
         r->sources = {"firstpost", "archive"};
       },
       {"Firstpost", "Archive"}},
      {"tag", [](SearchRequest* r) { r->tags = {"Indian Media"}; }, {"Firstpost"}},
      {"entity",
       [](SearchRequest* r) { r->entities = {"asim munir"}; },
       {"Firstpost", "News site"}},
      {"from", [](SearchRequest* r) { r->from_date = "2025-07-25"; }, {"News site"}},
      {"to", [](SearchRequest* r) { r->to_date = "2024"; }, {"Archive"}},
      {"range",
       [](SearchRequest* r) {
         r->from_date = "2025-07";
         r->to_date = "2025-07";
       },
       {"Firstpost"}},
      {"range without any indexed date", [](SearchRequest* r) { r->from_date = "2030"; }, {}},
      {"date and source",
       [](SearchRequest* r) {
         r->from_date = "2025";
         r->sources = {"archive", "news site"};
       },
       {"News site"}},
      {"source in query",
       [](SearchRequest* r) { r->query += " source:\"News Site\""; },
       {"News site"}},
      {"tag in query", [](SearchRequest* r) { r->query += " tag:columnist"; }, {"Firstpost"}},
      {"entity in query",
       [](SearchRequest* r) { r->query += " entity:china"; },
       {"Firstpost", "News site"}},
      {"article in query", [](SearchRequest* r) { r->query += " article:old"; }, {"Archive"}},
      {"kinds combine with AND",
       [](SearchRequest* r) {
         r->sources = {"Firstpost"};
         r->tags = {"news report"};
       },
       {}},
  };
  for (const auto& c : cases) {
    SearchRequest request;
    request.query = "support";
    c.set(&request);
    EXPECT_EQ(Sources(Run(request)), c.want) << c.name;
  }
}

TEST_F(SearchTest, EmptyQueryWithFilterListsSentences) {
  SearchRequest request;
  request.sources = {"Firstpost"};
  const SearchResults r = Run(request);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].hits.size(), 3u);
  EXPECT_TRUE(r.groups[0].hits[0].highlights.empty());
}

TEST_F(SearchTest, LimitAndPerSourceCapHits) {
  SearchRequest request;
  request.query = "support OR counter-terrorism OR columnist";
  request.limit = 2;
  size_t total = 0;
  for (const SourceGroup& g : Run(request).groups) total += g.hits.size();
  EXPECT_EQ(total, 2u);
  request.limit = 100;
  request.per_source = 1;
  const SearchResults r = Run(request);
  EXPECT_EQ(r.groups.size(), 3u);
  for (const SourceGroup& g : r.groups) EXPECT_EQ(g.hits.size(), 1u) << g.source;
}

TEST_F(SearchTest, StopWordsAreDroppedFromWordListsButKeptInPhrases) {
  EXPECT_EQ(Sources(Run("the support of beijing")),
            (std::set<std::string>{"Firstpost", "News site"}));
  EXPECT_TRUE(Run("\"support of beijing\"").groups.empty());
}

TEST_F(SearchTest, BadDateBoundsAreInvalidInput) {
  for (const char* bad : {"July 2025", "2025-7-1", "25"}) {
    SearchRequest request;
    request.from_date = bad;
    EXPECT_EQ(reader_->Search(request).status().code(), Status::Code::kInvalidInput) << bad;
    request.from_date.clear();
    request.to_date = bad;
    EXPECT_EQ(reader_->Search(request).status().code(), Status::Code::kInvalidInput) << bad;
  }
}

}  // namespace
}  // namespace parallax
