#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "engine/base/file_io.h"
#include "engine/report/report.h"
#include "tests/report/seed_fixture.h"

namespace parallax {
namespace {

const std::string kTemplates = PARALLAX_SOURCE_DIR "/reports/templates";
const std::string kSeeds = PARALLAX_SOURCE_DIR "/examples/seeds";

ReportMark MarkAt(Span span) {
  ReportMark mark;
  mark.span = span;
  mark.category = "hedge";
  return mark;
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

std::string RenderSeeds() {
  auto model = BuildSeedFixture(kSeeds);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  if (!model.ok()) return "";
  auto html = RenderHtml(*model, kTemplates);
  EXPECT_TRUE(html.ok()) << html.status().ToString();
  return html.ok() ? *html : "";
}

TEST(HtmlReportTest, SeedReportIsSelfContainedAndComplete) {
  const std::string html = RenderSeeds();
  ASSERT_FALSE(html.empty());
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"),
            std::string::npos);
  // Nothing is fetched: no external stylesheet, script, image or font.
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url(http"), std::string::npos);
  // CSS and script are inlined from the templates.
  EXPECT_NE(html.find("mark.c-hedge"), std::string::npos);
  EXPECT_NE(html.find("data-toggle"), std::string::npos);
  // Claims: a row per claim, a cell per source, omissions and the discrepancy shown.
  EXPECT_EQ(Count(html, "<tr id=\"claim-"), 4);
  EXPECT_EQ(Count(html, "class=\"omission\""), 1);  // the Karachi bombing
  EXPECT_NE(html.find("Beijing vs Islamabad"), std::string::npos);
  EXPECT_NE(html.find("class=\"m c-diff"), std::string::npos);
  // Profiles: one SVG chart per source, each bar a link to its evidence.
  EXPECT_EQ(Count(html, "<svg class=\"chart\""), 2);
  EXPECT_NE(html.find("<a href=\"#ev-0-0\" class=\"bar-link\">"), std::string::npos);
  EXPECT_NE(html.find("<details id=\"ev-0-0\">"), std::string::npos);
  // Every sentence has an anchor; marks carry their reason.
  EXPECT_NE(html.find("id=\"s-1-0\""), std::string::npos);
  EXPECT_NE(html.find("stance: distancing"), std::string::npos);
  EXPECT_NE(html.find("data-cat=\"scare_quote\""), std::string::npos);
  EXPECT_NE(html.find("(negated)"), std::string::npos);
  EXPECT_NE(html.find("voice: inside quoted speech"), std::string::npos);
  // No timestamp unless asked for.
  EXPECT_EQ(html.find("Generated</dt>"), std::string::npos);
}

TEST(HtmlReportTest, SameModelGivesByteIdenticalHtml) {
  const std::string first = RenderSeeds();
  EXPECT_EQ(RenderSeeds(), first);
  // Marks in another order render the same: the renderer sorts them.
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_TRUE(model.ok());
  for (ReportArticle& article : model->articles) {
    for (ReportSentence& sentence : article.sentences) {
      std::reverse(sentence.marks.begin(), sentence.marks.end());
    }
  }
  auto html = RenderHtml(*model, kTemplates);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(*html, first);
}

TEST(HtmlReportTest, StreamedPageIsTheSameForAnyBatchSizeAndThreadCount) {
  const std::string whole = RenderSeeds();
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_TRUE(model.ok());
  for (int threads : {1, 2, 3}) {
    for (size_t batch : {1, 2, 1000}) {
      HtmlOptions options;
      options.threads = threads;
      options.batch = batch;
      std::string streamed;
      int parts = 0;
      ASSERT_TRUE(RenderHtmlTo(*model, kTemplates, options, [&](std::string_view part) {
                    streamed.append(part);
                    ++parts;
                    return Status::Ok();
                  }).ok());
      EXPECT_EQ(streamed, whole) << threads << " threads, batches of " << batch;
      // The page around the parts, then at least one part per batch of claim rows or articles
      // and at most one per row or article: a batch is written as it is done.
      const int claims = model->claims.size(), articles = model->articles.size();
      const int batches = (claims + batch - 1) / batch + (articles + batch - 1) / batch;
      EXPECT_GE(parts, 3 + batches) << threads << " threads, batches of " << batch;
      EXPECT_LE(parts, 3 + claims + articles) << threads << " threads, batches of " << batch;
      if (batch == 1) {
        EXPECT_EQ(parts, 3 + claims + articles);
      }
    }
  }
}

TEST(HtmlReportTest, ManySourcesListVersionsPerRowInsteadOfAColumnEach) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_TRUE(model.ok());
  HtmlOptions options;
  options.max_source_columns = 1;  // the seeds have two sources
  auto html = RenderHtml(*model, kTemplates, options);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_EQ(Count(*html, "<tr id=\"claim-"), 4);
  EXPECT_EQ(Count(*html, "class=\"omission\""), 0);              // no empty cells ...
  EXPECT_EQ(Count(*html, "not reported by 1 of 2 sources"), 1);  // ... but the count
  EXPECT_EQ(Count(*html, "<td class=\"versions\">"), 4);
  EXPECT_NE(html->find("<div class=\"version\" data-source=\"Firstpost\">"), std::string::npos);
  EXPECT_EQ(html->find("<th scope=\"col\">Firstpost</th>"), std::string::npos);
  EXPECT_NE(html->find("Versions, by source"), std::string::npos);
  // The default keeps a column per source.
  EXPECT_NE(RenderSeeds().find("<th scope=\"col\">Firstpost</th>"), std::string::npos);
}

TEST(HtmlReportTest, SinkErrorStopsTheRenderingAndIsReturned) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_TRUE(model.ok());
  int calls = 0;
  const Status status = RenderHtmlTo(*model, kTemplates, HtmlOptions(), [&](std::string_view) {
    ++calls;
    return Status::IoError("out.html: cannot write: No space left on device");
  });
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find("No space left"), std::string::npos);
  EXPECT_EQ(calls, 1);
}

TEST(HtmlReportTest, ShowsGeneratedAtOnlyWhenSet) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_TRUE(model.ok());
  model->generated_at = "2025-08-02T10:00:00Z";
  auto html = RenderHtml(*model, kTemplates);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("<dt>Generated</dt><dd>2025-08-02T10:00:00Z</dd>"), std::string::npos);
}

TEST(HtmlReportTest, OverlappingMarksNestInsideOneSegment) {
  const std::string html = RenderSeeds();
  // "could possibly" (hedge) overlaps "possibly be cosmetic" (evaluative): the shared word
  // "possibly" is one segment holding both categories, the hedge outermost.
  const std::regex shared(
      "<mark class=\"m c-hedge lv0\" data-cat=\"hedge\"><mark class=\"m c-evaluative lv1 first\" "
      "data-cat=\"evaluative\">possibly</mark></mark>");
  EXPECT_TRUE(std::regex_search(html, shared));
  // "reliable sources indicate" holds its own cited source: nested, both open at "reliable".
  EXPECT_NE(html.find("<mark class=\"m c-attribution lv0 first\" data-cat=\"attribution\"><mark "
                      "class=\"m c-src lv1 first\" data-cat=\"attribution\">reliable sources</mark>"
                      "</mark>"),
            std::string::npos);
}

TEST(HtmlReportTest, EscapesEveryHostileString) {
  auto html = RenderHtml(BuildHostileFixture(), kTemplates);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  // The only script element is the page's own.
  EXPECT_EQ(Count(*html, "<script"), 1);
  EXPECT_EQ(Count(*html, "</script>"), 1);
  EXPECT_EQ(html->find("<img"), std::string::npos);
  EXPECT_EQ(html->find("</textarea>"), std::string::npos);
  EXPECT_EQ(html->find("onerror=\""), std::string::npos);
  EXPECT_EQ(html->find("' onmouseover='"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;document.title=&apos;PWNED&apos;&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html->find("&quot;&gt;&lt;img src=x onerror="), std::string::npos);
  // javascript: URLs are shown as text, never as links.
  EXPECT_EQ(html->find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(html->find("href=\" JaVaScRiPt"), std::string::npos);
  EXPECT_NE(html->find("javascript:document.title=&apos;PWNED&apos;"), std::string::npos);
  // Class names built from a hostile category stay inert.
  EXPECT_NE(html->find("c-attribution---img-src-x-onerror--document-title--pwned---"),
            std::string::npos);
}

TEST(HtmlReportTest, LinksHttpUrls) {
  ReportModel model;
  ReportArticle article;
  article.id = "a";
  article.source = "S";
  article.url = "https://example.org/story?id=1&x=2";
  model.articles = {article};
  auto html = RenderHtml(model, kTemplates);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("<a href=\"https://example.org/story?id=1&amp;x=2\" rel=\"noopener "
                       "noreferrer nofollow\">"),
            std::string::npos);
}

TEST(HtmlReportTest, KeepsMultiByteCharactersWhole) {
  ReportModel model;
  ReportArticle article;
  article.id = "u";
  article.source = "S";
  article.text = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D end.";
  ReportSentence sentence{0, Span{0, article.text.size()}, 0, false, {}, ""};
  ReportMark mark;
  mark.category = "scare_quote";
  mark.span = Span{4, 7};  // starts inside "é", ends inside the opening quote
  sentence.marks = {mark};
  article.sentences = {sentence};
  model.articles = {article};
  auto html = RenderHtml(model, kTemplates);
  ASSERT_TRUE(html.ok());
  // The mark widens to "é “": whole characters only.
  EXPECT_NE(html->find(">Caf<span class=\"seg\""), std::string::npos);
  EXPECT_NE(html->find("data-cat=\"scare_quote\">\xC3\xA9 \xE2\x80\x9C</mark>"), std::string::npos);
}

TEST(HtmlReportTest, ShowsEmptyAndSingleSourceModels) {
  ReportModel empty;
  auto html = RenderHtml(empty, kTemplates);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("No claims were found."), std::string::npos);

  auto model = BuildSeedFixture(kSeeds);
  ASSERT_TRUE(model.ok());
  model->articles.resize(1);
  model->sources.resize(1);
  model->claims.clear();
  model->profiles.resize(1);
  model->notices = {"Only one source: nothing to compare."};
  html = RenderHtml(*model, kTemplates);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->find("<li>Only one source: nothing to compare.</li>"), std::string::npos);
}

TEST(HtmlReportTest, RefusesModelWithSpansOutsideText) {
  struct Case {
    const char* what;
    void (*breaks)(ReportModel*);
    const char* message;
  };
  const Case cases[] = {
      {"sentence past end", [](ReportModel* m) { m->articles[0].sentences[0].span.end = 1 << 30; },
       "sentence 0: span"},
      {"mark past end",
       [](ReportModel* m) {
         m->articles[0].sentences[0].marks.push_back(MarkAt(Span{5, 1 << 30}));
       },
       "mark"},
      {"reversed mark",
       [](ReportModel* m) {
         m->articles[0].sentences[0].marks.push_back(MarkAt(Span{9, 3}));
       },
       "is reversed"},
      {"claim ref",
       [](ReportModel* m) {
         m->claims[0].sentences.push_back({7, 0});
       },
       "does not exist"},
      {"evidence ref",
       [](ReportModel* m) {
         m->profiles[0].bars[0].evidence.push_back({0, 100000});
       },
       "evidence"},
  };
  for (const Case& c : cases) {
    auto model = BuildSeedFixture(kSeeds);
    ASSERT_TRUE(model.ok());
    c.breaks(&*model);
    auto html = RenderHtml(*model, kTemplates);
    ASSERT_FALSE(html.ok()) << c.what;
    EXPECT_EQ(html.status().code(), Status::Code::kInvalidInput) << c.what;
    EXPECT_NE(html.status().message().find(c.message), std::string::npos)
        << c.what << ": " << html.status().message();
  }
}

class TemplateDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parallax_templates_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    for (const auto& entry : std::filesystem::directory_iterator(kTemplates)) {
      std::filesystem::copy(entry.path(), dir_ / entry.path().filename());
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(TemplateDirTest, MissingTemplateIsNotFound) {
  std::filesystem::remove(dir_ / "report.css");
  auto html = RenderHtml(ReportModel(), dir_.string());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), Status::Code::kNotFound);
  EXPECT_NE(html.status().message().find("report.css"), std::string::npos);
}

TEST_F(TemplateDirTest, BrokenTemplateNamesTheFile) {
  ASSERT_TRUE(WriteFileAtomically((dir_ / "sentence.mustache").string(), "{{#segments}}").ok());
  auto html = RenderHtml(ReportModel(), dir_.string());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(html.status().message().find("sentence.mustache"), std::string::npos);
}

TEST_F(TemplateDirTest, StyleThatClosesItsBlockIsRefused) {
  ASSERT_TRUE(WriteFileAtomically((dir_ / "report.css").string(), "a{}</STYLE><script>").ok());
  auto html = RenderHtml(ReportModel(), dir_.string());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), Status::Code::kInvalidInput);
}

TEST_F(TemplateDirTest, ClaimRowsShownTwiceAreRefused) {
  auto page = ReadFile((dir_ / "report.mustache").string());
  ASSERT_TRUE(page.ok());
  const std::string rows = "{{#claims}}{{{html}}}{{/claims}}";
  ASSERT_TRUE(WriteFileAtomically((dir_ / "report.mustache").string(), *page + rows + rows).ok());
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_TRUE(model.ok());
  auto html = RenderHtml(*model, dir_.string());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(html.status().message().find("report.mustache"), std::string::npos);
}

TEST_F(TemplateDirTest, EditedTemplateChangesTheLookWithoutRebuild) {
  ASSERT_TRUE(WriteFileAtomically((dir_ / "report.css").string(), "body{color:#123456}").ok());
  auto html = RenderHtml(ReportModel(), dir_.string());
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("body{color:#123456}"), std::string::npos);
}

}  // namespace
}  // namespace parallax
