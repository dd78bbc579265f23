#include "engine/html/nesting_limit.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

TEST(LimitNestingTest, DropsOnlyTagsBeyondTheLimit) {
  struct Case {
    std::string html;
    int max_depth;
    std::string want;  // "" when nothing is dropped
    size_t dropped;
  } cases[] = {
      {"<div><div>x</div></div>", 2, "", 0},
      {"<div><div><div>x</div></div></div>", 2, "<div><div>x</div></div>", 2},
      {"<div><section><span>x</span>y</section></div>", 1, "<div>xy</div>", 4},
      // Void elements, elements with optional end tags and self-closing SVG never nest.
      {"<div><p>a<p>b<li>c<br><img src=x><hr></div>", 1, "", 0},
      {"<div><svg><path/><path d='M0 0'/></svg></div>", 2, "", 0},
      // ... but a self-closing HTML element does open (and so takes the </div> with it).
      {"<div><span/>x</div>", 1, "<div>x", 2},
      // Markup inside comments, raw text and quoted attributes is not markup.
      {"<div><!-- <div><div> --><script>if (a<b) { '<div><div>' }</script>x</div>", 1, "", 0},
      {"<div title='>'><b>x</b></div>", 1, "<div title='>'>x</div>", 2},
      {"<div><textarea><div><div></textarea></div>", 1, "", 0},
      // A stray end tag never takes the depth below zero.
      {"</div></div><div><div>x</div></div>", 1, "</div></div><div>x</div>", 2},
      // A page that ends inside a tag or a comment keeps what is left.
      {"<div><div><div", 1, "<div><div", 1},
      {"<div><div><!-- <div>", 1, "<div><!-- <div>", 1},
  };
  for (const Case& c : cases) {
    std::string out = "stale";
    EXPECT_EQ(LimitNesting(c.html, c.max_depth, &out), c.dropped) << c.html;
    EXPECT_EQ(out, c.want) << c.html;
  }
}

TEST(LimitNestingTest, BreakoutTagEndsSvgSoItsSelfClosingFormOpens) {
  // <p> inside <svg> returns to HTML, where <section/> opens an element.
  std::string out;
  EXPECT_EQ(LimitNesting("<svg><p><section/><section/>x", 2, &out), 1u);
  EXPECT_EQ(out, "<svg><p><section/>x");
}

TEST(LimitNestingTest, FlattensHundredThousandNestedDivs) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  std::string out;
  EXPECT_EQ(LimitNesting(html, 256, &out), 2u * (100000 - 256));
  std::string want;
  for (int i = 0; i < 256; ++i) want += "<div>";
  want += "deep";
  for (int i = 0; i < 256; ++i) want += "</div>";
  EXPECT_EQ(out, want);
}

}  // namespace
}  // namespace parallax
