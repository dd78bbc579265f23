// Pages built to break a parser: deep nesting, markup that multiplies elements, huge and
// malformed input. None is timed; each checks the guard that bounds the work.
#include <gtest/gtest.h>

#include <string>

#include "engine/base/utf8.h"
#include "engine/html/html_article.h"
#include "tests/html/html_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::ParagraphTexts;

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HostileInputTest, HundredThousandNestedElementsAreFlattened) {
  struct Case {
    const char* name;
    std::string html;
  } cases[] = {
      {"closed divs", Repeat("<div>", 100000) + "deep text" + Repeat("</div>", 100000)},
      {"unclosed divs", Repeat("<div>", 100000) + "deep text"},
      {"unclosed formatting", Repeat("<i>", 100000) + "deep text"},
      {"custom elements", Repeat("<x-box>", 100000) + "deep text"},
      {"tables", Repeat("<table><tr><td>", 100000) + "deep text"},
      {"self-closing divs", Repeat("<div/>", 100000) + "deep text"},
      {"svg then breakout", "<svg><p>" + Repeat("<section/>", 100000) + "deep text"},
  };
  for (const Case& c : cases) {
    auto a = ExtractHtmlArticle(c.html, "deep.html");
    ASSERT_OK(a) << c.name << ": " << a.status().message();
    EXPECT_EQ(ParagraphTexts(*a), std::vector<std::string>{"deep text"}) << c.name;
    ASSERT_FALSE(a->warnings.empty()) << c.name;
    EXPECT_NE(a->warnings[0].find("nested deeper than 256 levels"), std::string::npos)
        << a->warnings[0];
  }
}

TEST(HostileInputTest, MarkupThatMultipliesElementsIsRefused) {
  // Every <p> re-opens all the formatting elements left open before it: 200 open <b>s and
  // 20,000 <p>s make four million elements out of 100 KB.
  std::string html = "<p>";
  for (int i = 0; i < 200; ++i) html += "<b id=" + std::to_string(i) + ">x";
  html += Repeat("<p>x", 20000);
  HtmlArticleOptions options;
  options.min_parse_memory = 16u << 20;
  auto a = ExtractHtmlArticle(html, "bomb.html", options);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(a.status().message().rfind("bomb.html: the HTML page needs more than ", 0), 0u)
      << a.status().message();
}

TEST(HostileInputTest, PageOverTheSizeLimitIsRefused) {
  HtmlArticleOptions options;
  options.max_page_bytes = 1u << 20;
  std::string html = Repeat("<p>Some text, with a comma.</p>", 40000);  // 1.2 MB
  auto a = ExtractHtmlArticle(html, "big.html", options);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(),
            "big.html: the HTML page is 1.2 MB, larger than the 1.0 MB a page may be");
}

TEST(HostileInputTest, LargePageKeepsEveryParagraph) {
  // 8 MB of paragraphs, no markers: every paragraph scores, so <body> is the article.
  const int kParagraphs = 100000;
  std::string html = "<html><body>";
  for (int i = 0; i < kParagraphs; ++i) {
    html += "<p>Paragraph " + std::to_string(i) +
            " says something, with commas, &amp; an <a href=/x>inline link</a>.</p>\n";
  }
  auto a = ExtractHtmlArticle(html, "large.html");
  ASSERT_OK(a);
  ASSERT_EQ(a->paragraphs.size(), static_cast<size_t>(kParagraphs));
  EXPECT_EQ(a->paragraphs.back().span.Of(a->text),
            "Paragraph 99999 says something, with commas, & an inline link.");
  testing_util::ExpectExactSpans(*a);
}

TEST(HostileInputTest, InvalidUtf8AndControlBytesGiveValidText) {
  struct Case {
    const char* name;
    std::string html;
  } cases[] = {
      {"stray bytes", "<p>caf\xE9 \xFF\xFE end</p>"},
      {"truncated sequence", "<p>cut \xE2\x80</p>"},
      {"overlong and surrogate", "<p>\xC0\xAF and \xED\xA0\x80</p>"},
      {"NUL bytes", std::string("<p>nul\0 byte</p>", 16)},
      {"in attributes and tag names", "<p class='\xFF'>text<\xFF\xFE>more</p>"},
      {"entity of a surrogate", "<p>&#xD800; &#0; &#x110000;</p>"},
  };
  for (const Case& c : cases) {
    auto a = ExtractHtmlArticle(c.html, "bad.html");
    ASSERT_OK(a) << c.name << ": " << a.status().message();
    EXPECT_FALSE(FindInvalidUtf8(a->text).has_value()) << c.name;
    testing_util::ExpectExactSpans(*a);
  }
}

TEST(HostileInputTest, UnterminatedConstructsDoNotLoseTheArticle) {
  struct Case {
    std::string html;
    std::vector<std::string> want;
  } cases[] = {
      {"<p>before</p><!-- never closed <p>x</p>", {"before"}},
      {"<p>before</p><script>never closed", {"before"}},
      {"<p>text</p><div title='never closed", {"text"}},
      {"<p>a</p></p></div></body></html><p>b", {"a", "b"}},
  };
  for (const Case& c : cases) {
    auto a = ExtractHtmlArticle(c.html, "broken.html");
    ASSERT_OK(a) << c.html << ": " << a.status().message();
    EXPECT_EQ(ParagraphTexts(*a), c.want) << c.html;
  }
}

}  // namespace
}  // namespace parallax
