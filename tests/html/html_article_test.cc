#include "engine/html/html_article.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/html/html_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::ExpectExactSpans;
using testing_util::ParagraphTexts;
using Paras = std::vector<std::string>;

// Extracts `html`, failing the test on an error; returns the paragraphs.
Paras Extract(const std::string& html) {
  auto a = ExtractHtmlArticle(html, "page.html");
  EXPECT_OK(a) << a.status().message() << "\nfor: " << html;
  if (!a.ok()) return {};
  ExpectExactSpans(*a);
  return ParagraphTexts(*a);
}

const char kLong[] =
    "Officials from both countries met in Islamabad on Friday, and they discussed trade, "
    "security, energy and the corridor, according to a statement issued after the meeting.";

TEST(HtmlArticleTest, KeepsOnlyTheArticleAmidPageFurniture) {
  std::string body = std::string("<p>") + kLong + "</p><p>Second paragraph, with a comma.</p>";
  struct Case {
    const char* name;
    std::string html;
  } cases[] = {
      {"layout elements",
       "<body><header><h1>Site</h1></header><nav><a href=/>Home</a> <a href=/w>World</a></nav>"
       "<aside><h2>Latest</h2><p>Another story that is long enough to be a paragraph, really.</p>"
       "</aside><article>" +
           body + "</article><footer>Copyright 2025</footer></body>"},
      {"furniture named by class and id, no markers",
       "<body><div class=menu><a href=/>Home</a></div><div class=breadcrumbs>Home &raquo; "
       "World</div><div class=post>" +
           body +
           "<div class='share-bar'>Share on Facebook</div>"
           "</div><div id=comments><p>A comment, saying that the story is wrong, for reasons.</p>"
           "</div><div class='related-posts'><p>Related: another story, with commas, here.</p>"
           "</div><div class=newsletter>Subscribe, now, today, for free, to our newsletter.</div>"
           "<div id=cookie-banner>We use cookies, to track you, and to show you ads.</div></body>"},
      {"furniture inside <article>",
       "<article><div class=ad-slot>Advertisement</div>" + body +
           "<div class=sharedaddy><h3>Share this:</h3></div><div class=jp-relatedposts>"
           "<h3>Related</h3></div></article>"},
      {"hidden elements",
       "<article><p hidden>Hidden text.</p><p style='display: none'>Also hidden.</p>" + body +
           "<div aria-hidden=true>Icon text</div><p style='VISIBILITY:hidden'>Gone.</p></article>"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Extract(c.html), (Paras{kLong, "Second paragraph, with a comma."})) << c.name;
  }
}

TEST(HtmlArticleTest, NeverEmitsScriptStyleOrFormText) {
  std::string html = std::string(
                         "<html><head><style>p{color:red}</style><script>var a = "
                         "'<p>fake</p>';</script></head><body><article><p>") +
                     kLong +
                     "</p><script>document.write('injected');</script><noscript>Enable "
                     "JavaScript</noscript><template><p>template text</p></template><svg>"
                     "<text>svg text</text></svg><iframe src=x>frame text</iframe><form><label>"
                     "Email</label><input value=v><button>Send</button><select><option>One"
                     "</option></select><textarea>typed</textarea></form></article></body></html>";
  EXPECT_EQ(Extract(html), Paras{kLong});
}

TEST(HtmlArticleTest, FlagsHeadings) {
  std::string html = std::string("<article><h2>Title</h2><p>") + kLong +
                     "</p><h2>Section <em>two</em></h2><p>Text.</p><h6>Small</h6>"
                     "<div role=heading aria-level=3>Role heading</div>"
                     "<p><strong>Why This Matters</strong></p>"
                     "<p><b>What happens next?</b></p>"
                     "<p><strong>A bold lead sentence.</strong></p>"
                     "<p><b>ISLAMABAD:</b> the city said, in a statement.</p></article>";
  EXPECT_EQ(Extract(html),
            (Paras{"# Title", kLong, "# Section two", "Text.", "# Small", "# Role heading",
                   "# Why This Matters", "# What happens next?", "A bold lead sentence.",
                   "ISLAMABAD: the city said, in a statement."}));
}

TEST(HtmlArticleTest, LeavesOutTheHeadlineCaptionsAndLinkOnlyParagraphs) {
  std::string body = std::string("<p>") + kLong + "</p>";
  struct Case {
    const char* name;
    std::string html;
  } cases[] = {
      {"<h1> headline", "<article><h1>Officials meet in Islamabad</h1>" + body + "</article>"},
      {"photo caption and credit",
       "<article><div class=image><img src=a.jpg><div class='caption-full'>Officials shake hands "
       "in Islamabad on Friday, in a file photo.</div><span class=credit>Photo: AP</span></div>" +
           body + "</article>"},
      {"timestamp",
       "<article><span class=timestamp>Updated 5:27 am, Nov 20</span>" + body + "</article>"},
      {"teaser list",
       "<article>" + body +
           "<div class='element teaser'><h2>Another story, read it</h2></div><ul>"
           "<li><a href=/a>Climate impacts to cost world trillions by 2050: report</a></li>"
           "<li><a href=/b>Amazon deforestation hits worst level in 11 years</a></li></ul>"
           "</article>"},
      {"paragraph that is one link",
       "<article>" + body +
           "<p><a href=/app><strong>GET THE NEWS ON THE GO BY CLICKING HERE</strong></a></p>"
           "</article>"},
  };
  for (const Case& c : cases) EXPECT_EQ(Extract(c.html), Paras{kLong}) << c.name;
  // A paragraph with a link in it stays whole.
  std::string linked = "<article>" + body + "<p>The <a href=/r>report</a> says so.</p></article>";
  EXPECT_EQ(Extract(linked), (Paras{kLong, "The report says so."}));
}

TEST(HtmlArticleTest, DecodesEntities) {
  struct Case {
    const char* html;
    const char* want;
  } cases[] = {
      {"Tom &amp; Jerry", "Tom & Jerry"},
      {"Pakistan&#8217;s army", "Pakistan\u2019s army"},
      {"&#x201C;quoted&#x201D;", "\u201Cquoted\u201D"},
      {"a&nbsp;&nbsp;b", "a b"},
      {"&lt;b&gt; is a tag", "<b> is a tag"},
      {"caf&eacute; &mdash; bar", "caf\u00E9 \u2014 bar"},
      {"AT&T and &unknown; stay", "AT&T and &unknown; stay"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Extract(std::string("<p>") + c.html + "</p>"), Paras{c.want}) << c.html;
  }
}

TEST(HtmlArticleTest, SplitsParagraphsAtBlocksAndBreaks) {
  struct Case {
    const char* html;
    Paras want;
  } cases[] = {
      {"<p>one<br>two<br/><br>three</p>", {"one", "two", "three"}},
      {"<div>direct text<p>para</p>tail</div>", {"direct text", "para", "tail"}},
      {"<ul><li>first</li><li>second <a href=x>link</a></li></ul>", {"first", "second link"}},
      {"<blockquote>quoted</blockquote><p>after<hr>rule</p>", {"quoted", "after", "rule"}},
      {"<table><tr><td>cell one</td><td>cell two</td></tr></table>", {"cell one", "cell two"}},
      {"<p>  spaced \n\t out  <b>bold</b>\n text </p>", {"spaced out bold text"}},
      {"<p>un<b>der</b><i>line</i>d</p>", {"underlined"}},
      {"<p><span>a</span> <span>b</span></p>", {"a b"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Extract(std::string("<body>") + c.html + "</body>"), c.want) << c.html;
  }
}

TEST(HtmlArticleTest, FindsMetadata) {
  struct Case {
    const char* name;
    std::string head;
    std::string body_extra;
    HtmlArticle want;  // only the metadata fields are compared
  };
  auto meta = [](const char* title, const char* author, const char* date, const char* url,
                 const char* site) {
    HtmlArticle a;
    a.title = title;
    a.author = author;
    a.date = date;
    a.url = url;
    a.site_name = site;
    return a;
  };
  Case cases[] = {
      {"open graph and article metas",
       "<title>Talks held | The Daily</title><meta property=og:title content='Talks held in "
       "Islamabad'><meta name=author content='Sara Ahmed'><meta property=article:published_time "
       "content=2025-08-22T14:05:31+00:00><meta property=og:url content=https://daily.example/a>"
       "<meta property=og:site_name content='The Daily'>",
       "",
       meta("Talks held in Islamabad", "Sara Ahmed", "2025-08-22T14:05:31+00:00",
            "https://daily.example/a", "The Daily")},
      {"title less the site name, canonical link, time element",
       "<title>Talks held &#8211; The Daily</title><meta property=og:site_name content='The Daily'>"
       "<link rel=canonical href='https://daily.example/b'>",
       "<time datetime=2025-08-21>Thursday</time>",
       meta("Talks held", "", "2025-08-21", "https://daily.example/b", "The Daily")},
      {"title kept whole when the suffix is not the site", "<title>Peace - or war?</title>", "",
       meta("Peace - or war?", "", "", "", "")},
      {"author as a URL is skipped; byline link and itemprop date",
       "<meta property=article:author content='https://facebook.com/sara'>",
       "<a rel=author href=/sara>By Sara Ahmed</a><span itemprop=datePublished "
       "content=2025-08-20>Aug 20</span>",
       meta("", "Sara Ahmed", "2025-08-20", "", "")},
      {"JSON-LD",
       "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
       "\"datePublished\":\"2025-08-19T10:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":"
       "\"Ali \\u00D6zt\\u00fcrk\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":"
       "\"Dawn\"}}</script>",
       "", meta("", "Ali \u00D6zt\u00FCrk", "2025-08-19T10:00:00Z", "", "Dawn")},
      {"time inside the article beats one in the page header", "",
       "<header><time datetime=2025-01-01>today</time></header>",
       meta("", "", "2025-08-18", "", "")},
  };
  for (const Case& c : cases) {
    std::string html = "<html><head>" + c.head + "</head><body>" + c.body_extra + "<article><p>" +
                       kLong +
                       (std::string(c.name).find("time inside") != std::string::npos
                            ? "<time datetime=2025-08-18>Monday</time>"
                            : "") +
                       "</p></article></body></html>";
    auto a = ExtractHtmlArticle(html, "page.html");
    ASSERT_OK(a);
    EXPECT_EQ(a->title, c.want.title) << c.name;
    EXPECT_EQ(a->author, c.want.author) << c.name;
    EXPECT_EQ(a->date, c.want.date) << c.name;
    EXPECT_EQ(a->url, c.want.url) << c.name;
    EXPECT_EQ(a->site_name, c.want.site_name) << c.name;
  }
}

TEST(HtmlArticleTest, PrefersMarkedArticleBody) {
  std::string other = "<p>Teaser text, not the article, but long enough to score a little.</p>";
  std::string html = "<body><article><div class=intro>" + other +
                     "</div><div itemprop=articleBody><p>" + kLong + "</p>" + "<p>" + kLong +
                     "</p></div></article></body>";
  EXPECT_EQ(Extract(html), (Paras{kLong, kLong}));
}

TEST(HtmlArticleTest, TakesTheFirstLongArticleOfAnInfiniteScrollPage) {
  std::string first = std::string("<p>First: ") + kLong + "</p><p>" + kLong + "</p>";
  std::string second = std::string("<p>Second: ") + kLong + "</p><p>" + kLong + "</p>";
  std::string html = "<body><article><p>Short card.</p></article><article>" + first +
                     "</article><article>" + second + "</article></body>";
  EXPECT_EQ(Extract(html), (Paras{std::string("First: ") + kLong, kLong}));
}

TEST(HtmlArticleTest, ScoresBlocksWhenThePageHasNoMarkers) {
  std::string links;
  for (int i = 0; i < 10; ++i) links += "<p><a href=/x>A linked headline, with a comma</a></p>";
  std::string html = "<body><div id=left>" + links + "</div><div id=story><p>" + kLong + "</p><p>" +
                     kLong + "</p></div><div id=right><p>Short.</p></div></body>";
  EXPECT_EQ(Extract(html), (Paras{kLong, kLong}));
}

TEST(HtmlArticleTest, GathersSectionsOfOneArticleSplitByFigures) {
  // The article's text sits in several blocks of the same content class, each in a wrapper of
  // its own, with figures between them; blocks of a generic class are not gathered.
  auto section = [](const char* cls, const std::string& text) {
    return std::string("<section><div class='") + cls + "'><p>" + text + "</p><p>" + text +
           "</p></div></section><figure><img src=x.jpg></figure>";
  };
  std::string a = std::string("First. ") + kLong, b = std::string("Second. ") + kLong;
  std::string split = "<body>" + section("post__content wysiwyg", a) +
                      section("post__content wysiwyg", b) + "<footer>Copyright</footer></body>";
  EXPECT_EQ(Extract(split), (Paras{a, a, b, b}));
  std::string generic = "<body>" + section("group", a) + section("group", b) + "</body>";
  EXPECT_EQ(Extract(generic).size(), 2u);
}

TEST(HtmlArticleTest, KeepsAFormThatWrapsThePage) {
  // ASP.NET Web Forms pages put the whole page inside one <form>.
  std::string html = std::string("<body><form id=form1 action=story.aspx><div class=story><p>") +
                     kLong + "</p><p>" + kLong + "</p></div><nav>Home</nav></form></body>";
  EXPECT_EQ(Extract(html), (Paras{kLong, kLong}));
}

TEST(HtmlArticleTest, KeepsAContentWrapperWhoseNameMentionsASidebar) {
  std::string html = std::string("<body><div id=main-content class='content has-sidebar'><p>") +
                     kLong + "</p><p>" + kLong + "</p></div><div class=sidebar>Links</div></body>";
  EXPECT_EQ(Extract(html), (Paras{kLong, kLong}));
}

// Regression for the 14 pages of the extraction benchmark that scored 0: the article's own
// container had a class that reads as furniture, and the article was removed with it.
TEST(HtmlArticleTest, KeepsAnArticleContainerWhoseNameReadsAsFurniture) {
  // A menu of link text makes the article well under 80% of the page's text.
  std::string menu = "<div class=menu>";
  for (int i = 0; i < 12; ++i) menu += "<a href=/s>A section of the site with a long name</a> ";
  menu += "</div>";
  std::string body = std::string("<p>") + kLong + "</p><p>" + kLong + "</p>";
  const char* containers[] = {
      "<div class='elementor-widget elementor-widget-theme-post-content'>",
      "<div class='penci_sidebar penci-main-sticky-sidebar'>",
      "<div class='article-body pagination-first'>",
      "<div class='non-ad-column-l'>",
      "<div id=widget-area-main>",
  };
  for (const char* open : containers) {
    std::string html = "<body>" + menu + open + body +
                       "<div class=share-bar>Share this story, with friends, everywhere</div>"
                       "</div><div class=sidebar><p>Short sidebar note.</p></div></body>";
    EXPECT_EQ(Extract(html), (Paras{kLong, kLong})) << open;
  }
}

TEST(HtmlArticleTest, ReaderCommentsNeverCountAsWrappingTheArticle) {
  std::string comments = "<div id=comments class=comments-area>";
  for (int i = 0; i < 4; ++i) comments += std::string("<p>A reader writes: ") + kLong + "</p>";
  comments += "</div>";
  std::string html =
      std::string("<body><div class=post><p>") + kLong + "</p>" + comments + "</div></body>";
  EXPECT_EQ(Extract(html), Paras{kLong});
}

TEST(HtmlArticleTest, PageWithoutArticleTextIsAnErrorNamingTheFile) {
  const char* pages[] = {
      "",
      "<html></html>",
      "<html><head><title>Only a title</title></head><body>  \n </body></html>",
      "<script>var text = 'not article';</script>",
      "<body><nav><a href=/>Home</a></nav><footer>Copyright</footer></body>",
      "<body><div class=cookie-banner>We use cookies.</div></body>",
      "<!-- just a comment -->",
  };
  for (const char* html : pages) {
    auto a = ExtractHtmlArticle(html, "pages/empty.html");
    ASSERT_FALSE(a.ok()) << html;
    EXPECT_EQ(a.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(a.status().message(), "pages/empty.html: no article text found in the HTML page")
        << html;
  }
}

}  // namespace
}  // namespace parallax
