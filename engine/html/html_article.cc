#include "engine/html/html_article.h"

#include <cstdio>
#include <string>
#include <utility>

#include "engine/html/article_text.h"
#include "engine/html/gumbo_page.h"
#include "engine/html/main_content.h"
#include "engine/html/nesting_limit.h"
#include "engine/html/page_metadata.h"
#include "engine/html/page_tree.h"

namespace parallax {
namespace {

// "1.2 MB".
std::string Megabytes(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1u << 20));
  return buf;
}

}  // namespace

StatusOr<HtmlArticle> ExtractHtmlArticle(std::string_view html, const std::string& file,
                                         const HtmlArticleOptions& options) {
  if (html.size() > options.max_page_bytes) {
    return Status::InvalidInput(file + ": the HTML page is " + Megabytes(html.size()) +
                                ", larger than the " + Megabytes(options.max_page_bytes) +
                                " a page may be");
  }
  HtmlArticle article;
  std::string flattened;
  size_t dropped = LimitNesting(html, options.max_nesting_depth, &flattened);
  if (dropped > 0) {
    html = flattened;
    article.warnings.push_back(std::to_string(dropped) + " tags nested deeper than " +
                               std::to_string(options.max_nesting_depth) +
                               " levels were ignored (their text was kept)");
  }
  GumboPage page;
  size_t budget = options.min_parse_memory + options.parse_memory_per_byte * html.size();
  if (!page.Parse(html, budget)) {
    return Status::InvalidInput(file + ": the HTML page needs more than " + Megabytes(budget) +
                                " to parse; its markup makes the parser build far more elements "
                                "than the page has bytes");
  }
  PageTree tree(page.document());
  std::vector<int> roots = ChooseMainContent(tree);
  AppendArticleText(tree, roots, &article.text, &article.paragraphs);
  if (article.paragraphs.empty()) {
    return Status::InvalidInput(file + ": no article text found in the HTML page");
  }
  ReadPageMetadata(tree, roots, &article);
  return article;
}

StatusOr<HtmlArticle> ExtractHtmlArticle(std::string_view html, const std::string& file) {
  return ExtractHtmlArticle(html, file, HtmlArticleOptions());
}

}  // namespace parallax
