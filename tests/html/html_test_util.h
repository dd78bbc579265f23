// Helpers shared by the HTML extraction tests.
#ifndef PARALLAX_TESTS_HTML_HTML_TEST_UTIL_H_
#define PARALLAX_TESTS_HTML_HTML_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/html/html_article.h"

namespace parallax {
namespace testing_util {

// The paragraphs of `a` as text, headings prefixed by "# ".
inline std::vector<std::string> ParagraphTexts(const HtmlArticle& a) {
  std::vector<std::string> out;
  for (const Paragraph& p : a.paragraphs) {
    out.push_back((p.heading ? "# " : "") + std::string(p.span.Of(a.text)));
  }
  return out;
}

// Checks the layout promised by HtmlArticle: spans in order, non-empty, trimmed, and `text` is
// exactly the paragraphs joined by "\n\n".
inline void ExpectExactSpans(const HtmlArticle& a) {
  std::string joined;
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    const Span& s = a.paragraphs[i].span;
    ASSERT_LE(s.end, a.text.size());
    ASSERT_FALSE(s.empty()) << "paragraph " << i;
    std::string_view t = s.Of(a.text);
    EXPECT_NE(t.front(), ' ') << "paragraph " << i;
    EXPECT_NE(t.back(), ' ') << "paragraph " << i;
    EXPECT_EQ(t.find('\n'), std::string_view::npos) << "paragraph " << i;
    if (i > 0) {
      EXPECT_EQ(s.start, a.paragraphs[i - 1].span.end + 2) << "paragraph " << i;
      joined += "\n\n";
    }
    EXPECT_EQ(s.start, joined.size()) << "paragraph " << i;
    joined += t;
  }
  EXPECT_EQ(joined, a.text);
}

}  // namespace testing_util
}  // namespace parallax

#endif  // PARALLAX_TESTS_HTML_HTML_TEST_UTIL_H_
