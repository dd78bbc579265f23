#include <gtest/gtest.h>

#include <string>

#include "engine/report/report.h"
#include "tests/report/seed_fixture.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

const std::string kTemplates = PARALLAX_SOURCE_DIR "/reports/templates";
const std::string kSeeds = PARALLAX_SOURCE_DIR "/examples/seeds";

// Three outlets, one article each, one sentence per claim:
//   c1  A B C  certainty drift only        c3  A B C  a number conflict
//   c2  A B    omitted by C                c4  A      one outlet's sentence
ReportModel ThreeOutletStory() {
  ReportModel model;
  for (const char* source : {"A", "B", "C"}) {
    ReportArticle article;
    article.id = std::string("a-") + source;
    article.source = source;
    article.date = std::string("2024-05-0") + (source[0] == 'C' ? "3" : "1");
    article.text = "One. Two. Three. Four.";
    for (size_t s = 0; s < 4; ++s) {
      article.sentences.push_back({static_cast<int>(s), Span{s * 5, s * 5 + 4}, 0, false, {}, ""});
    }
    model.articles.push_back(article);
  }
  auto claim = [](const char* id, std::vector<int> articles, int sentence) {
    ReportClaim c;
    c.id = id;
    for (int a : articles) c.sentences.push_back({a, sentence});
    return c;
  };
  model.claims = {claim("c1", {0, 1, 2}, 0), claim("c2", {0, 1}, 1), claim("c3", {0, 1, 2}, 2),
                  claim("c4", {0}, 3)};
  model.claims[0].discrepancies.push_back({"attribution", "A states, B attributes", {}, {}});
  model.claims[2].discrepancies.push_back({"number", "12 vs 20 killed", {}, {}});
  return model;
}

TEST(BatchIndexTest, TellingClaimsAreConflictsThenOmissionsThenDrifts) {
  const auto claims = MostTellingClaims(ThreeOutletStory(), 5);
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].id, "c3");
  EXPECT_EQ(claims[0].kind, TellingKind::kConflict);
  EXPECT_EQ(claims[0].descriptions, std::vector<std::string>{"12 vs 20 killed"});
  EXPECT_EQ(claims[0].claim, 2);
  EXPECT_EQ(claims[1].id, "c2");
  EXPECT_EQ(claims[1].kind, TellingKind::kOmission);
  EXPECT_EQ(claims[1].sources_omitting, std::vector<std::string>{"C"});
  EXPECT_EQ(claims[2].id, "c1");
  EXPECT_EQ(claims[2].kind, TellingKind::kDrift);
  EXPECT_EQ(MostTellingClaims(ThreeOutletStory(), 1).size(), 1u);
}

// Issue 17: the index listed sentences that one outlet alone carries as the story's "most
// divergent claims". One outlet's sentence is neither omitted by the others nor in conflict.
TEST(BatchIndexTest, Issue17OneOutletsSentenceIsNeverTelling) {
  ReportModel model = ThreeOutletStory();
  model.claims[3].discrepancies.push_back({"number", "odd", {}, {}});
  for (const BatchTellingClaim& claim : MostTellingClaims(model, 10)) EXPECT_NE(claim.id, "c4");
  model.claims[2].related = true;  // related sentences are not claims either
  for (const BatchTellingClaim& claim : MostTellingClaims(model, 10)) EXPECT_NE(claim.id, "c3");
}

TEST(BatchIndexTest, SeedsTellTheirPlaceConflictOnly) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  const auto claims = MostTellingClaims(*model, 5);
  // "meeting" has a place conflict; "karachi-bombing" is one source's sentence.
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].id, "meeting");
  EXPECT_EQ(claims[0].discrepancies, std::vector<std::string>{"place"});
  EXPECT_NE(claims[0].text.find("Beijing"), std::string::npos);
}

TEST(BatchIndexTest, StoryFiguresCountSharedConflictsOmissionsAndDrifts) {
  const BatchStory story = SummarizeStory(ThreeOutletStory(), 3);
  EXPECT_EQ(story.sources.size(), 3u);
  EXPECT_EQ(story.articles, 3);
  EXPECT_EQ(story.claims, 4);
  EXPECT_EQ(story.shared_claims, 3);
  EXPECT_EQ(story.conflicts, 1);
  EXPECT_EQ(story.omissions, 1);  // c2, left out by C
  EXPECT_EQ(story.drifts, 1);
  EXPECT_EQ(story.first_date, "2024-05-01");
  EXPECT_EQ(story.last_date, "2024-05-03");
  EXPECT_EQ(story.telling_claims.size(), 3u);
}

// Issue 17: stories read from .txt files were all titled "Parallax report".
TEST(BatchIndexTest, Issue17StoryOfTextFilesIsTitledByItsFirstLine) {
  ReportModel model = ThreeOutletStory();
  model.title = "Parallax report";
  model.articles[0].text = "\n  \nPakistan's army chief   visits Beijing\nMore text.";
  EXPECT_EQ(StoryTitle(model), "Pakistan's army chief visits Beijing");
  model.articles[0].text = std::string(300, 'x');
  EXPECT_EQ(StoryTitle(model), std::string(100, 'x') + "\xE2\x80\xA6");
  model.articles[1].title = "Steele under fire";
  EXPECT_EQ(StoryTitle(model), "Steele under fire");
  EXPECT_EQ(SummarizeStory(model, 1).title, "Steele under fire");
  EXPECT_EQ(StoryTitle(ReportModel()), "");
}

BatchIndexModel TwoStories() {
  BatchIndexModel index;
  index.title = "Night run <b>";
  BatchStory safe = SummarizeStory(ThreeOutletStory(), 3);
  safe.id = "s1";
  safe.title = "Talks";
  safe.href = "stories/s1.html";
  BatchStory evil = safe;
  evil.id = "s2";
  evil.title = "Evil";
  evil.href = "javascript:alert(1)";
  index.stories = {safe, evil};
  index.failures = {{"bad.txt", "bad.txt: empty file"}};
  index.data_files = {{"marks.csv", "every mark"}};
  return index;
}

TEST(BatchIndexTest, RendersStoriesAndRefusesUnsafeLinks) {
  auto html = RenderBatchIndex(TwoStories(), kTemplates);
  ASSERT_OK(html);
  EXPECT_NE(html->find("<a href=\"stories/s1.html\">Talks</a>"), std::string::npos);
  EXPECT_NE(html->find("<a href=\"stories/s1.html#claim-2\">C3</a>"), std::string::npos);
  EXPECT_EQ(html->find("javascript:"), std::string::npos);
  EXPECT_NE(html->find("Night run &lt;b&gt;"), std::string::npos);
  EXPECT_NE(html->find("not in C"), std::string::npos);
  EXPECT_NE(html->find("12 vs 20 killed"), std::string::npos);
  EXPECT_NE(html->find("bad.txt: empty file"), std::string::npos);
  EXPECT_NE(html->find("default-src 'none'"), std::string::npos);
  EXPECT_NE(html->find("<a href=\"marks.csv\"><code>marks.csv</code></a>: every mark"),
            std::string::npos);
}

// Sorting, search and filters are the inline script's, on figures the rows carry; the controls
// stay hidden until the script runs, so a page without script shows no dead controls.
TEST(BatchIndexTest, RowsCarryWhatTheScriptSortsAndFiltersBy) {
  auto html = RenderBatchIndex(TwoStories(), kTemplates);
  ASSERT_OK(html);
  EXPECT_NE(html->find("<tr id=\"story-1\" data-number=\"1\" data-date=\"2024-05-01\" "
                       "data-last-date=\"2024-05-03\" data-outlets=\"3\" data-shared=\"3\" "
                       "data-conflicts=\"1\" data-omissions=\"1\" data-drifts=\"1\">"),
            std::string::npos);
  EXPECT_NE(html->find("<span class=\"tag\" data-source=\"C\">C</span>"), std::string::npos);
  EXPECT_NE(html->find("<option>A</option><option>B</option><option>C</option>"),
            std::string::npos);
  EXPECT_NE(html->find("<form id=\"story-controls\" class=\"story-controls\" role=\"search\" "
                       "hidden>"),
            std::string::npos);
  EXPECT_NE(html->find("min=\"2024-05-01\" max=\"2024-05-03\""), std::string::npos);
  EXPECT_NE(html->find("<script>\n// Parallax batch index script"), std::string::npos);
  EXPECT_NE(html->find("data-sort=\"conflicts\""), std::string::npos);
}

TEST(BatchIndexTest, IsByteIdenticalAcrossRuns) {
  auto a = RenderBatchIndex(TwoStories(), kTemplates);
  auto b = RenderBatchIndex(TwoStories(), kTemplates);
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(*a, *b);
}

TEST(BatchIndexTest, MissingTemplateIsNamed) {
  auto html = RenderBatchIndex(TwoStories(), PARALLAX_SOURCE_DIR "/no-such-dir");
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.status().message().find("batch_index"), std::string::npos)
      << html.status().message();
}

}  // namespace
}  // namespace parallax
