#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/file_io.h"
#include "engine/report/report.h"
#include "tests/report/seed_fixture.h"
#include "tests/testutil.h"

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
  EXPECT_OK(model);
  if (!model.ok()) return "";
  auto html = RenderHtml(*model, kTemplates);
  EXPECT_OK(html);
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
  // Claims: a row per shared claim, a cell per source, and the discrepancy shown; a claim one
  // source carries (the Karachi bombing) is listed under that source, with no empty cell.
  EXPECT_EQ(Count(html, "<tr id=\"claim-"), 3);
  EXPECT_EQ(Count(html, "<li id=\"claim-"), 1);
  EXPECT_NE(html.find("<summary><b>Firstpost</b>: 1 sentence no other outlet carries</summary>"),
            std::string::npos);
  EXPECT_EQ(Count(html, "class=\"omission\""), 0);
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

// A claim is labelled by its id in the claims table and the full texts, as in the JSON and the
// CSV ("c12" is "C12" wherever it shows), whatever its row.
// The claims view opens on the shared claims, those with a conflict first, then lists each
// source's single-source sentences in a closed <details> of their own.
TEST(HtmlReportTest, SharedClaimsWithAConflictComeFirstAndSingleSourceSentencesFollowPerSource) {
  const std::string html = RenderSeeds();
  const size_t table = html.find("<h3 id=\"shared-h\" class=\"group-h\">Shared claims");
  const size_t conflict = html.find("<tr id=\"claim-1\" class=\"claim has-diff\"");
  const size_t first = html.find("<tr id=\"claim-0\"");
  const size_t group =
      html.find("<details class=\"group single\" id=\"only-0\" data-column=\"0\">");
  const size_t single = html.find("<li id=\"claim-3\" class=\"claim one\"");
  ASSERT_NE(table, std::string::npos);
  ASSERT_NE(conflict, std::string::npos);
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(group, std::string::npos);
  ASSERT_NE(single, std::string::npos);
  EXPECT_LT(table, conflict);
  EXPECT_LT(conflict, first) << "the claim with a conflict is not first";
  EXPECT_LT(first, group);
  EXPECT_LT(group, single);
  // The filters read the columns carrying each claim and those in its conflicts.
  EXPECT_NE(html.find("data-carry=\"0 1\" data-conflict=\"0 1\">"), std::string::npos);
}

// The first screen: per outlet what it carries, omits and conflicts on, and its framing, each a
// link to a real element (the first claim it counts, a group, a profile's evidence list).
TEST(HtmlReportTest, FirstScreenSaysPerOutletWhatItCarriesOmitsAndWhereItConflicts) {
  const std::string html = RenderSeeds();
  const size_t card = html.find("<h3 id=\"outlet-0-h\">Firstpost</h3>");
  ASSERT_NE(card, std::string::npos);
  EXPECT_LT(card, html.find("<section id=\"claims\""));
  const std::string firstpost = html.substr(card, html.find("</article>", card) - card);
  for (const char* expected : {
           "<a href=\"#claim-1\" data-view=\"view=shared&amp;src=0\">3 of 3 shared claims</a>",
           "<a href=\"#only-0\" data-view=\"view=single&amp;src=0\">1 sentence no other outlet "
           "carries</a>",
           "<span class=\"none\">nothing others carry</span>",
           "<a href=\"#claim-1\" data-view=\"view=conflict&amp;src=0\">1 claim</a>",
           "<a class=\"framing f-hedge\" href=\"#ev-0-0\"",
       }) {
    EXPECT_NE(firstpost.find(expected), std::string::npos) << expected << "\nin\n" << firstpost;
  }
  // The disagreement is listed with its claim.
  EXPECT_NE(html.find("<li class=\"diff d-place\"><a class=\"claim-link\" href=\"#claim-1\">"),
            std::string::npos);
}

TEST(HtmlReportTest, ClaimsAreLabelledByTheirIds) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  const std::vector<std::string> ids = {"c12", "c3", "c7", "c1"};
  ASSERT_EQ(model->claims.size(), ids.size());
  for (size_t c = 0; c < ids.size(); ++c) {
    for (ReportArticle& article : model->articles) {
      for (ReportSentence& sentence : article.sentences) {
        if (sentence.claim_id == model->claims[c].id) sentence.claim_id = ids[c];
      }
    }
    model->claims[c].id = ids[c];
  }
  auto html = RenderHtml(*model, kTemplates);
  ASSERT_OK(html);
  for (size_t c = 0; c < ids.size(); ++c) {
    const std::string label = "C" + ids[c].substr(1);
    const std::string row = "href=\"#claim-" + std::to_string(c) + "\">" + label + "</a>";
    EXPECT_NE(html->find(row), std::string::npos) << label;
    // The full texts point to the claim by the same label.
    EXPECT_NE(html->find("title=\"Claim " + label + " in the claims table\">" + label + "</a>"),
              std::string::npos)
        << label;
  }
  EXPECT_EQ(html->find(">C2</a>"), std::string::npos) << "row numbers are not labels";
}

TEST(HtmlReportTest, SameModelGivesByteIdenticalHtml) {
  const std::string first = RenderSeeds();
  EXPECT_EQ(RenderSeeds(), first);
  // Marks in another order render the same: the renderer sorts them.
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  for (ReportArticle& article : model->articles) {
    for (ReportSentence& sentence : article.sentences) {
      std::reverse(sentence.marks.begin(), sentence.marks.end());
    }
  }
  auto html = RenderHtml(*model, kTemplates);
  ASSERT_OK(html);
  EXPECT_EQ(*html, first);
}

TEST(HtmlReportTest, StreamedPageIsTheSameForAnyBatchSizeAndThreadCount) {
  const std::string whole = RenderSeeds();
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  for (int threads : {1, 2, 3}) {
    for (size_t batch : {1, 2, 1000}) {
      HtmlOptions options;
      options.threads = threads;
      options.batch = batch;
      std::string streamed;
      int parts = 0;
      ASSERT_OK(RenderHtmlTo(*model, kTemplates, options, [&](std::string_view part) {
        streamed.append(part);
        ++parts;
        return Status::Ok();
      }));
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

// One article of three sentences and its profile, which cites a named source twice in two
// sentences and a hostile anonymous one once.
ReportModel CitingModel() {
  ReportModel model;
  ReportArticle article;
  article.id = "a1";
  article.source = "Outlet";
  article.title = "Story";
  article.text = "Munir claimed victory. Sources said so. Munir stressed it.";
  article.sentences = {{0, Span{0, 22}, 0, false, {}, ""},
                       {1, Span{23, 39}, 0, false, {}, ""},
                       {2, Span{40, 58}, 0, false, {}, ""}};
  model.articles = {article};
  ReportSourceProfile profile;
  profile.source = "Outlet";
  profile.articles = 1;
  profile.sentences = 3;
  profile.words = 9;
  profile.bars = {ReportProfileBar{"Attribution: all", "attribution", 3, 333, 2, 222, {{0, 0}}}};
  ReportCitedSource munir;
  munir.name = "Munir";
  munir.kind = "named";
  munir.count = 3;
  munir.own_voice_count = 2;
  munir.stances = {{"distancing", 2}, {"neutral", 1}};
  munir.evidence = {{0, 0}, {0, 2}};
  // Shown under its entity's name, it lists how the outlet wrote it, the name itself left out.
  munir.written_as = {"Munir", "General <b>Munir</b>"};
  ReportCitedSource hostile;
  hostile.name = "<script>alert(1)</script> & Co";
  hostile.kind = "anonymous";
  hostile.count = 1;
  hostile.evidence = {{0, 1}};
  profile.cited = {munir, hostile};
  model.profiles = {profile};
  return model;
}

// The text between the first `begin` at or after `from` and the next `end` (included).
std::string Between(const std::string& html, const std::string& begin, const std::string& end,
                    size_t from = 0) {
  const size_t at = html.find(begin, from);
  if (at == std::string::npos) return "";
  const size_t stop = html.find(end, at);
  return stop == std::string::npos ? "" : html.substr(at, stop + end.size() - at);
}

TEST(HtmlReportTest, CitedSourcesTableHasARowPerSourceLinkingToItsSentences) {
  auto html = RenderHtml(CitingModel(), kTemplates);
  ASSERT_OK(html);
  // Inside the profile, after the chart and before the evidence lists.
  const size_t profile = html->find("<article class=\"profile\" id=\"profile-0\"");
  ASSERT_NE(profile, std::string::npos);
  const std::string table = Between(*html, "<table class=\"cited\">", "</table>", profile);
  ASSERT_FALSE(table.empty());
  EXPECT_LT(html->find("<svg class=\"chart\"", profile), html->find(table));
  EXPECT_LT(html->find(table), html->find("<div class=\"evidence\">", profile));
  EXPECT_NE(table.find("<caption>Who it cites <span class=\"cited-count\">(2 sources)</span>"),
            std::string::npos);
  EXPECT_NE(table.find("<th scope=\"col\">Source</th>"), std::string::npos);
  EXPECT_EQ(Count(table, "<th scope=\"row\">"), 2);

  struct Row {
    const char* html;  // the row, as rendered
    const char* evidence_id;
    std::vector<std::string> sentence_links;  // what its evidence list links to
  };
  const Row rows[] = {
      {"<tr><th scope=\"row\"><a href=\"#cited-0-0\">Munir</a> <span class=\"written-as\">as "
       "\xE2\x80\x9CGeneral &lt;b&gt;Munir&lt;/b&gt;\xE2\x80\x9D</span></th><td class=\"kind "
       "k-named\">named</td><td class=\"num\">3</td><td class=\"num\">2</td><td>distancing\xC2\xA0"
       "2 "
       "\xC2\xB7 neutral\xC2\xA0"
       "1</td></tr>",
       "cited-0-0",
       {"#s-0-0", "#s-0-2"}},
      // The name is article text: escaped, never markup. No stance: "none".
      {"<tr><th scope=\"row\"><a href=\"#cited-0-1\">&lt;script&gt;alert(1)&lt;/script&gt; "
       "&amp; Co</a></th><td class=\"kind k-anonymous\">anonymous</td><td "
       "class=\"num\">1</td><td class=\"num\">0</td><td><span "
       "class=\"missing\">none</span></td></tr>",
       "cited-0-1",
       {"#s-0-1"}},
  };
  for (const Row& row : rows) {
    EXPECT_NE(table.find(row.html), std::string::npos) << row.html << "\nin\n" << table;
    const std::string details =
        Between(*html, "<details id=\"" + std::string(row.evidence_id) + "\"", "</details>");
    ASSERT_FALSE(details.empty()) << row.evidence_id;
    EXPECT_EQ(Count(details, "<li>"), static_cast<int>(row.sentence_links.size()));
    for (const std::string& link : row.sentence_links) {
      // One article for the outlet: the link is its sentence's number, as in the claims.
      EXPECT_NE(details.find("<a href=\"" + link + "\">\xC2\xB6"), std::string::npos)
          << row.evidence_id << " " << link;
      // ... and the sentence is on the page to land on.
      EXPECT_NE(html->find("id=\"" + link.substr(1) + "\""), std::string::npos) << link;
    }
  }
  EXPECT_NE(html->find("<summary>Cites Munir: 3 citations, 2 in own voice \xC2\xB7 2 "
                       "sentences</summary>"),
            std::string::npos);
  EXPECT_NE(html->find("<summary>Cites &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co: 1 "
                       "citation, 0 in own voice \xC2\xB7 1 sentence</summary>"),
            std::string::npos);
  // The page's own script is the only one.
  EXPECT_EQ(Count(*html, "<script"), 1);
}

TEST(HtmlReportTest, CitedSourcesTableIsLeftOutWhenNothingIsCited) {
  ReportModel model = CitingModel();
  model.profiles[0].cited.clear();
  auto html = RenderHtml(model, kTemplates);
  ASSERT_OK(html);
  EXPECT_NE(html->find("<article class=\"profile\" id=\"profile-0\""), std::string::npos);
  EXPECT_EQ(html->find("<table class=\"cited\">"), std::string::npos);
  EXPECT_EQ(html->find("<caption>Who it cites"), std::string::npos);
  EXPECT_EQ(html->find("id=\"cited-"), std::string::npos);
}

TEST(HtmlReportTest, CitedStancesSkipEmptyCountsAndMergeRepeats) {
  struct Case {
    std::vector<std::pair<std::string, int>> stances;
    const char* shown;
  };
  const Case cases[] = {
      {{{"neutral", 1}},
       "<td>neutral\xC2\xA0"
       "1</td>"},
      {{{"neutral", 0}, {"emphatic", 4}},
       "<td>emphatic\xC2\xA0"
       "4</td>"},
      {{{"distancing", 1}, {"neutral", 2}, {"distancing", 2}},
       "<td>distancing\xC2\xA0"
       "3 \xC2\xB7 neutral\xC2\xA0"
       "2</td>"},
      {{{"neutral", 0}}, "<td><span class=\"missing\">none</span></td>"},
      {{{"<b>", 1}},
       "<td>&lt;b&gt;\xC2\xA0"
       "1</td>"},
  };
  for (const Case& c : cases) {
    ReportModel model = CitingModel();
    model.profiles[0].cited.resize(1);
    model.profiles[0].cited[0].stances = c.stances;
    auto html = RenderHtml(model, kTemplates);
    ASSERT_OK(html);
    const std::string table = Between(*html, "<table class=\"cited\">", "</table>");
    EXPECT_NE(table.find(c.shown), std::string::npos) << c.shown << "\nin\n" << table;
  }
}

TEST(HtmlReportTest, SeedProfilesShowWhoEachOutletCites) {
  const std::string html = RenderSeeds();
  EXPECT_EQ(Count(html, "<table class=\"cited\">"), 2);
  // Firstpost cites Munir twice: stressed (emphatic) and claimed (distancing).
  EXPECT_NE(html.find("<a href=\"#cited-0-0\">Munir</a></th><td class=\"kind k-named\">named</td>"
                      "<td class=\"num\">2</td><td class=\"num\">2</td><td>distancing\xC2\xA0"
                      "1 "
                      "\xC2\xB7 emphatic\xC2\xA0"
                      "1</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<details id=\"cited-1-0\" class=\"cited-evidence\">"), std::string::npos);
}

TEST(HtmlReportTest, ManySourcesListVersionsPerRowInsteadOfAColumnEach) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  HtmlOptions options;
  options.max_source_columns = 1;  // the seeds have two sources
  auto html = RenderHtml(*model, kTemplates, options);
  ASSERT_OK(html);
  // The three shared claims are rows, each listing its versions; the one-source claim is
  // listed under its source (with two sources, no shared claim is omitted by one).
  EXPECT_EQ(Count(*html, "<tr id=\"claim-"), 3);
  EXPECT_EQ(Count(*html, "<li id=\"claim-"), 1);
  EXPECT_EQ(Count(*html, "class=\"omission\""), 0);  // no empty cells
  EXPECT_EQ(Count(*html, "not reported by"), 0);
  EXPECT_EQ(Count(*html, "<td class=\"versions\">"), 3);
  EXPECT_NE(html->find("<div class=\"version\" data-source=\"Firstpost\">"), std::string::npos);
  EXPECT_EQ(html->find("<th scope=\"col\">Firstpost</th>"), std::string::npos);
  EXPECT_NE(html->find("Versions, by source"), std::string::npos);
  // The default keeps a column per source.
  EXPECT_NE(RenderSeeds().find("<th scope=\"col\">Firstpost</th>"), std::string::npos);
}

TEST(HtmlReportTest, SinkErrorStopsTheRenderingAndIsReturned) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
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
  ASSERT_OK(model);
  model->generated_at = "2025-08-02T10:00:00Z";
  auto html = RenderHtml(*model, kTemplates);
  ASSERT_OK(html);
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
  ASSERT_OK(html);
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
  // Why the versions are one claim: the quotation and words they share.
  EXPECT_NE(html->find("both quote \u201cquote &lt;script&gt;"), std::string::npos);
  // The cited source's name and kind, too.
  EXPECT_NE(html->find(">Spokesman &lt;script&gt;document.title=&apos;PWNED&apos;&lt;/script&gt;"),
            std::string::npos);
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
  ASSERT_OK(html);
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
  ASSERT_OK(html);
  // The mark widens to "é “": whole characters only.
  EXPECT_NE(html->find(">Caf<span class=\"seg\""), std::string::npos);
  EXPECT_NE(html->find("data-cat=\"scare_quote\">\xC3\xA9 \xE2\x80\x9C</mark>"), std::string::npos);
}

TEST(HtmlReportTest, ShowsEmptyAndSingleSourceModels) {
  ReportModel empty;
  auto html = RenderHtml(empty, kTemplates);
  ASSERT_OK(html);
  EXPECT_NE(html->find("No claims were found."), std::string::npos);

  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  model->articles.resize(1);
  model->sources.resize(1);
  model->claims.clear();
  model->profiles.resize(1);
  model->notices = {"Only one source: nothing to compare."};
  html = RenderHtml(*model, kTemplates);
  ASSERT_OK(html);
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
      {"cited evidence ref",
       [](ReportModel* m) {
         m->profiles[0].cited.push_back(
             ReportCitedSource{"Munir", "named", 1, 1, {}, {{2, 0}}, {}});
       },
       "cited source 'Munir': evidence sentence (2, 0) does not exist"},
      {"cited evidence sentence",
       [](ReportModel* m) {
         m->profiles[1].cited.push_back(ReportCitedSource{"X", "named", 1, 1, {}, {{1, -1}}, {}});
       },
       "cited source 'X': evidence sentence (1, -1) does not exist"},
  };
  for (const Case& c : cases) {
    auto model = BuildSeedFixture(kSeeds);
    ASSERT_OK(model);
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
  ASSERT_OK(WriteFileAtomically((dir_ / "sentence.mustache").string(), "{{#segments}}"));
  auto html = RenderHtml(ReportModel(), dir_.string());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(html.status().message().find("sentence.mustache"), std::string::npos);
}

TEST_F(TemplateDirTest, StyleThatClosesItsBlockIsRefused) {
  ASSERT_OK(WriteFileAtomically((dir_ / "report.css").string(), "a{}</STYLE><script>"));
  auto html = RenderHtml(ReportModel(), dir_.string());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), Status::Code::kInvalidInput);
}

TEST_F(TemplateDirTest, ClaimRowsShownTwiceAreRefused) {
  auto page = ReadFile((dir_ / "report.mustache").string());
  ASSERT_OK(page);
  const std::string rows = "{{#claims}}{{{html}}}{{/claims}}";
  ASSERT_OK(WriteFileAtomically((dir_ / "report.mustache").string(), *page + rows + rows));
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  auto html = RenderHtml(*model, dir_.string());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(html.status().message().find("report.mustache"), std::string::npos);
}

TEST_F(TemplateDirTest, EditedTemplateChangesTheLookWithoutRebuild) {
  ASSERT_OK(WriteFileAtomically((dir_ / "report.css").string(), "body{color:#123456}"));
  auto html = RenderHtml(ReportModel(), dir_.string());
  ASSERT_OK(html);
  EXPECT_NE(html->find("body{color:#123456}"), std::string::npos);
}

}  // namespace
}  // namespace parallax
