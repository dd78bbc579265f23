// Fuzz target: HTML article extraction (html/html_article.h): gumbo parsing under the nesting
// and memory limits, main-content choice, paragraph text and page metadata.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/html/html_article.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  std::string_view html(reinterpret_cast<const char*>(data), size);
  // Smaller limits than the defaults so that the fuzzer reaches them with small inputs.
  HtmlArticleOptions options;
  options.max_nesting_depth = 32;
  options.max_page_bytes = 1 << 20;
  StatusOr<HtmlArticle> article = ExtractHtmlArticle(html, "fuzz.html", options);
  if (!article.ok()) return 0;
  // Paragraphs are in page order, inside the text, and the text has no outer white space.
  const std::string& text = article->text;
  FUZZ_CHECK(!text.empty());
  FUZZ_CHECK(text.front() != ' ' && text.back() != ' ');
  size_t previous_end = 0;
  for (const Paragraph& p : article->paragraphs) {
    FUZZ_CHECK(p.span.start >= previous_end);
    FUZZ_CHECK(p.span.end <= text.size());
    FUZZ_CHECK(p.span.start <= p.span.end);
    previous_end = p.span.end;
  }
  // Default options too: the same page must not crash with the production limits.
  (void)ExtractHtmlArticle(html, "fuzz.html");
  return 0;
}
