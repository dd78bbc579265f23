#include "engine/ingest/boilerplate.h"

#include <gtest/gtest.h>

#include "tests/ingest/ingest_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::BundledRules;
using testing_util::ScratchDir;
using testing_util::SeedPath;

Article ReadTxt(const std::string& path) {
  ArticleReader reader(BundledRules(), ReadOptions());
  auto articles = reader.ReadFile(path, "txt");
  EXPECT_OK(articles);
  return articles.ok() ? (*articles)[0] : Article();
}

std::vector<std::string> ParagraphTexts(const Article& a) {
  std::vector<std::string> out;
  for (const Paragraph& p : a.paragraphs) out.emplace_back(p.span.Of(a.text));
  return out;
}

bool AnyParagraphContains(const Article& a, const std::string& needle) {
  for (const std::string& p : ParagraphTexts(a)) {
    if (p.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(BoilerplateTest, NewsSiteSeedLosesPageFurnitureAndKeepsHeadings) {
  Article a = ReadTxt(SeedPath("news-site-report.txt"));
  for (const char* furniture :
       {"Home \xC2\xBB", "Related Posts", "Leave a Comment", "by Sara Ahmed"}) {
    EXPECT_FALSE(AnyParagraphContains(a, furniture)) << furniture;
  }
  EXPECT_EQ(a.author, "Sara Ahmed");
  EXPECT_EQ(a.title,
            "Wang Yi, Pakistan\xE2\x80\x99s Army Chief Hold Talks Amid Push to Expand Security, "
            "Economic Ties");
  EXPECT_FALSE(AnyParagraphContains(a, "Hold Talks Amid Push")) << "the title is not body text";
  std::vector<std::string> headings;
  for (const Paragraph& p : a.paragraphs) {
    if (p.heading) headings.emplace_back(p.span.Of(a.text));
  }
  EXPECT_EQ(headings, (std::vector<std::string>{"Part of a Broader Diplomatic Push",
                                                "CPEC as the Cornerstone", "Why This Matters"}));
  EXPECT_EQ(ParagraphTexts(a).front().rfind("Chinese Foreign Minister Wang Yi met", 0), 0u);
}

TEST(BoilerplateTest, ColumnistSeedLosesWidgetsAndKeepsDisclaimerAside) {
  Article a = ReadTxt(SeedPath("firstpost-column.txt"));
  EXPECT_FALSE(AnyParagraphContains(a, "Impact Shorts"));
  EXPECT_FALSE(AnyParagraphContains(a, "More Shorts"));
  EXPECT_TRUE(AnyParagraphContains(a, "It may be recalled that in October 2024"));
  EXPECT_FALSE(AnyParagraphContains(a, "Views expressed"));
  EXPECT_FALSE(AnyParagraphContains(a, "The writer is a retired IPS officer"));
  ASSERT_FALSE(a.notes.empty());
  EXPECT_NE(a.notes.back().find("Views expressed in the above piece are personal"),
            std::string::npos);
  EXPECT_TRUE(a.title.empty()) << "the column starts with body text, not a title: " << a.title;
  for (const Paragraph& p : a.paragraphs) EXPECT_FALSE(p.heading) << p.span.Of(a.text);
}

TEST(BoilerplateTest, SplitIntoLinesTrimsCarriageReturnsAndJoinsHardWrappedBlocks) {
  std::string crlf = "First line.\r\n\r\nSecond line.\r\n";
  auto lines = SplitIntoLines(crlf, 0);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].span.Of(crlf), "Second line.");

  std::string wrapped =
      "The talks were held in Islamabad on Friday and\ncovered security and trade.\n\n"
      "Both sides agreed to meet again\nnext year in Beijing.\n";
  lines = SplitIntoLines(wrapped, 0);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].span.Of(wrapped),
            "The talks were held in Islamabad on Friday and\ncovered security and trade.");
}

TEST(BoilerplateTest, PunctuationOnlyLinesAreNotParagraphs) {
  ScratchDir dir;
  Article a = ReadTxt(dir.Write(
      "p.txt", "First paragraph here.\n)\n* * *\n\xE2\x80\x94\nLast one, \xC3\xA9t\xC3\xA9.\n"));
  EXPECT_EQ(ParagraphTexts(a),
            (std::vector<std::string>{"First paragraph here.", "Last one, \xC3\xA9t\xC3\xA9."}));
}

TEST(BoilerplateTest, BadRulesFileNamesTheLine) {
  ScratchDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"drop_lines:\n  - '^ok$'\n  - '(unclosed'\n", ":3:5: bad pattern '(unclosed'"},
      {"drop_line:\n  - x\n", ":2:3: unknown key 'drop_line'"},
      {"drop_lines: {a: b}\n", "expected a list of patterns"},
      {"max_heading_words: lots\n", "expected a number"},
      // RE2 syntax: lookarounds and backreferences are refused by name, at the pattern.
      {"drop_lines:\n  - '^ok$'\n  - '^Home(?=\\s)'\n",
       ":3:5: bad pattern '^Home(?=\\s)': a lookahead ((?=...) at offset 5; patterns use RE2 "
       "syntax, which has no lookarounds or backreferences"},
      {"note_lines:\n  - '(?<!Mr )Views'\n", ":2:5: bad pattern '(?<!Mr )Views': a lookbehind"},
      {"drop_lines:\n  - '^(Share)\\1$'\n", ":2:5: bad pattern '^(Share)\\1$': a backreference"},
      {"bylines:\n  - '^By [A-Z]\\w+$'\n",
       ":2:5: bad pattern '^By [A-Z]\\w+$': a byline "
       "pattern needs a group"},
      {"strip_prefixes:\n  - 'x{2,1}'\n", ":2:5: bad pattern 'x{2,1}': invalid repetition size"},
  };
  for (const auto& [yaml, want] : cases) {
    auto rules = BoilerplateRules::Load(dir.Write("rules.yaml", yaml));
    ASSERT_FALSE(rules.ok()) << yaml;
    EXPECT_NE(rules.status().message().find(want), std::string::npos) << rules.status().message();
  }
}

TEST(BoilerplateTest, EmptyRuleListsKeepEveryLine) {
  ScratchDir dir;
  auto rules = BoilerplateRules::Load(
      dir.Write("rules.yaml", "drop_lines: []\nnote_lines: []\nbylines: []\nstrip_prefixes:\n"));
  ASSERT_OK(rules);
  std::string author;
  size_t length = 0;
  EXPECT_FALSE(rules->DropsLine("Related Posts"));
  EXPECT_FALSE(rules->IsNoteLine("The writer is a columnist."));
  EXPECT_FALSE(rules->MatchByline("By Sara Ahmed", &author));
  EXPECT_FALSE(rules->MatchPrefix("Impact ShortsText", &length));
}

TEST(BoilerplateTest, LookaroundTextInsideAClassOrEscapedIsAllowed) {
  ScratchDir dir;
  auto rules = BoilerplateRules::Load(
      dir.Write("rules.yaml", "drop_lines:\n  - '^[(?=]+$'\n  - '^\\(\\?!x$'\n"));
  ASSERT_OK(rules);
  EXPECT_TRUE(rules->DropsLine("(?="));
  EXPECT_TRUE(rules->DropsLine("(?!x"));
  EXPECT_FALSE(rules->DropsLine("(?!y"));
}

TEST(BoilerplateTest, PatternsMatchWholeUtf8CharactersAndTakeInlineFlags) {
  ScratchDir dir;
  auto rules =
      BoilerplateRules::Load(dir.Write("rules.yaml",
                                       "drop_lines:\n  - '^(?i)related posts$'\n  - '^Tag: .$'\n"
                                       "bylines:\n  - '^By ([A-Z][a-z\xE2\x80\x99]+)$'\n"));
  ASSERT_OK(rules);
  EXPECT_TRUE(rules->DropsLine("RELATED POSTS"));
  EXPECT_TRUE(rules->DropsLine("Tag: \xC3\xA9")) << "'.' is one character, not one byte";
  std::string author;
  ASSERT_TRUE(rules->MatchByline("By O\xE2\x80\x99neil", &author));
  EXPECT_EQ(author, "O\xE2\x80\x99neil");
  // The class holds the character U+2019, not its three bytes: U+201D (E2 80 9D) is not in it.
  EXPECT_FALSE(rules->MatchByline("By O\xE2\x80\x9Dneil", &author));
}

}  // namespace
}  // namespace parallax
