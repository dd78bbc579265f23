// A realistic WordPress news page: the article of seed 004 with a top bar, menu, breadcrumbs,
// share buttons, an inline ad, "Also Read", related posts, tags, post navigation, comments, a
// comment form, a sidebar with a newsletter form, a footer and a cookie banner.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/base/file_io.h"
#include "engine/base/utf8.h"
#include "engine/html/html_article.h"
#include "tests/html/html_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

std::string TestData(const std::string& name) {
  return std::string(PARALLAX_SOURCE_DIR) + "/tests/html/testdata/" + name;
}

// Reads a .expected.txt file: paragraphs separated by blank lines, headings start with "# ".
std::vector<std::string> ReadExpectedParagraphs(const std::string& path) {
  auto text = ReadFile(path);
  EXPECT_OK(text);
  std::vector<std::string> out;
  if (!text.ok()) return out;
  size_t pos = 0;
  while (pos < text->size()) {
    size_t end = text->find("\n\n", pos);
    if (end == std::string::npos) end = text->size();
    std::string p = text->substr(pos, end - pos);
    while (!p.empty() && p.back() == '\n') p.pop_back();
    if (!p.empty()) out.push_back(p);
    pos = end + 2;
  }
  return out;
}

TEST(NewsPageTest, ExtractsExactlyTheArticleParagraphs) {
  auto html = ReadFile(TestData("news_page.html"));
  ASSERT_OK(html);
  auto a = ExtractHtmlArticle(*html, "news_page.html");
  ASSERT_OK(a);
  testing_util::ExpectExactSpans(*a);
  std::vector<std::string> want = ReadExpectedParagraphs(TestData("news_page.expected.txt"));
  ASSERT_EQ(want.size(), 10u);
  EXPECT_EQ(testing_util::ParagraphTexts(*a), want);
  EXPECT_FALSE(FindInvalidUtf8(a->text).has_value());
  EXPECT_TRUE(a->warnings.empty());
}

TEST(NewsPageTest, ReadsTheMetadata) {
  auto html = ReadFile(TestData("news_page.html"));
  ASSERT_OK(html);
  auto a = ExtractHtmlArticle(*html, "news_page.html");
  ASSERT_OK(a);
  EXPECT_EQ(a->title,
            "Wang Yi, Pakistan\u2019s Army Chief Hold Talks Amid Push to Expand Security, "
            "Economic Ties");
  EXPECT_EQ(a->author, "Sara Ahmed");
  EXPECT_EQ(a->date, "2025-08-22T14:05:31+00:00");
  EXPECT_EQ(a->url,
            "https://southasiamonitor.example/2025/08/22/wang-yi-pakistan-army-chief-talks/");
  EXPECT_EQ(a->site_name, "South Asia Monitor");
}

}  // namespace
}  // namespace parallax
