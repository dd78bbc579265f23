#include "engine/index/result_formats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace parallax {
namespace {

SearchResults OneHit(const std::string& source, const std::string& text,
                     std::vector<Span> highlights) {
  SearchHit hit;
  hit.rank = 1;
  hit.article_id = "a1";
  hit.sentence_index = 3;
  hit.date = "2025-05-01";
  hit.text = text;
  hit.span = {100, 100 + text.size()};
  hit.highlights = std::move(highlights);
  SearchResults results;
  results.estimated_matches = 7;
  results.groups.push_back({source, {hit}});
  return results;
}

TEST(ResultFormatsTest, TextMarksHighlightsInBracketsOrBold) {
  const SearchResults r = OneHit("Dawn", "China pledged support.", {{0, 5}, {14, 21}});
  EXPECT_EQ(SearchResultsText(r, false),
            "1 of about 7 matching sentences\n\n== Dawn (1)\n"
            "  a1 #3 2025-05-01: [China] pledged [support].\n");
  EXPECT_NE(SearchResultsText(r, true).find("\033[1mChina\033[0m"), std::string::npos);
}

// Crawled text cannot act on the terminal or forge lines: its control characters are escaped,
// and only our own bold sequences are sent raw.
TEST(ResultFormatsTest, TextEscapesControlCharactersFromTheIndex) {
  const SearchResults r = OneHit("Evil\033[2J", "line\nforged \033]8;;x\033\\", {});
  const std::string out = SearchResultsText(r, true);
  EXPECT_EQ(out.find("\033[2J"), std::string::npos) << out;
  EXPECT_EQ(out.find("line\nforged"), std::string::npos) << out;
}

TEST(ResultFormatsTest, JsonCarriesTheSpansAndEscapesTheText) {
  const SearchResults r = OneHit("A \"quoted\" <source>", "He said \"no\".", {{8, 12}});
  const auto json = nlohmann::json::parse(SearchResultsJson("said", r));
  EXPECT_EQ(json["query"], "said");
  EXPECT_EQ(json["estimated_matches"], 7);
  const auto& hit = json["groups"][0]["hits"][0];
  EXPECT_EQ(json["groups"][0]["source"], "A \"quoted\" <source>");
  EXPECT_EQ(hit["text"], "He said \"no\".");
  EXPECT_EQ(hit["start"], 100);
  EXPECT_EQ(hit["highlights"][0][0], 8);
  EXPECT_EQ(hit["highlights"][0][1], 12);
}

TEST(ResultFormatsTest, JsonReplacesInvalidUtf8) {
  const SearchResults r = OneHit("Dawn", "bad \xff byte", {});
  const auto json = nlohmann::json::parse(SearchResultsJson("q", r));
  EXPECT_EQ(json["groups"][0]["hits"][0]["text"], "bad \xEF\xBF\xBD byte");
}

TEST(ResultFormatsTest, ArticleListTextIsOneTabSeparatedLinePerArticle) {
  IndexedArticle a;
  a.id = "a1";
  a.source = "Dawn";
  a.sentence_count = 4;
  a.title = "Talks\tand\nmore";
  const std::string out = ArticleListText({a});
  EXPECT_EQ(out.rfind("a1\tDawn\t-\t4\t", 0), 0u) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << "a newline in a title forged a row";
  EXPECT_EQ(std::count(out.begin(), out.end(), '\t'), 4) << "a tab in a title forged a column";
}

TEST(ResultFormatsTest, ArticleListJsonHasEveryField) {
  IndexedArticle a;
  a.id = "a1";
  a.tags = {"columnist"};
  a.sentence_count = 2;
  const auto json = nlohmann::json::parse(ArticleListJson({a}));
  ASSERT_EQ(json.size(), 1u);
  for (const char* key : {"id", "source", "date", "title", "author", "url", "tags", "sentences"})
    EXPECT_TRUE(json[0].contains(key)) << key;
  EXPECT_EQ(json[0]["tags"][0], "columnist");
}

}  // namespace
}  // namespace parallax
