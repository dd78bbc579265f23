#include "engine/lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/testutil.h"

namespace parallax {
namespace {

TEST(LexiconTest, LoadsTheShippedLexicons) {
  StatusOr<Lexicon> lexicon = Lexicon::LoadDir(PARALLAX_SOURCE_DIR "/lexicons");
  ASSERT_OK(lexicon);
  EXPECT_GT(lexicon->entries().size(), 500u);
  bool saw_distancing = false;
  for (const LexiconEntry& e : lexicon->entries()) {
    if (e.text == "claimed|claims|claiming") saw_distancing = e.stance == Stance::kDistancing;
  }
  EXPECT_TRUE(saw_distancing);
}

TEST(LexiconTest, LoadsTheShippedFunctionWords) {
  StatusOr<Lexicon> lexicon = Lexicon::LoadDir(PARALLAX_SOURCE_DIR "/lexicons");
  ASSERT_OK(lexicon);
  const std::vector<std::string>& words = lexicon->function_words();
  EXPECT_NE(std::find(words.begin(), words.end(), "on"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "to"), words.end());
  // Auxiliaries belong to verb-group cues ("has been criticized"): not listed.
  EXPECT_EQ(std::find(words.begin(), words.end(), "has"), words.end());
}

TEST(LexiconTest, FunctionWordsAreNormalizedAndBadLinesNamed) {
  Lexicon lexicon;
  Status s = lexicon.AddFunctionWords("# comment\r\n\nOn\n  to \r\n", "fw.txt");
  ASSERT_OK(s);
  EXPECT_EQ(lexicon.function_words(), (std::vector<std::string>{"on", "to"}));
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"on\nin a\n", "fw.txt:2: 'in a' is not a single word"},
      {"# c\n\nto,\n", "fw.txt:3: 'to,' is not a single word"},
  };
  for (const Case& c : cases) {
    Status bad = Lexicon().AddFunctionWords(c.text, "fw.txt");
    ASSERT_FALSE(bad.ok()) << c.text;
    EXPECT_EQ(bad.code(), Status::Code::kInvalidInput);
    EXPECT_NE(bad.message().find(c.message), std::string::npos) << bad.message();
  }
}

TEST(LexiconTest, MissingDirectoryIsNotFound) {
  StatusOr<Lexicon> lexicon = Lexicon::LoadDir("/nonexistent/lexicons");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), Status::Code::kNotFound);
}

TEST(LexiconTest, GroupsAndDefaultsSetAttributes) {
  Lexicon lexicon;
  Status s = lexicon.AddText(
      "category: attribution\n"
      "defaults: {weight: 2}\n"
      "groups:\n"
      "  - stance: distancing\n"
      "    entries: [claim+, {pattern: \"what * described as\", source: gap}]\n"
      "  - reports: act\n"
      "    entries: [urged]\n"
      "entries:\n"
      "  - {pattern: reportedly, source: none, stance: distancing, weight: 0.5}\n",
      "attribution");
  ASSERT_OK(s);
  ASSERT_EQ(lexicon.entries().size(), 4u);
  const LexiconEntry& reportedly = lexicon.entries()[0];
  EXPECT_EQ(reportedly.source_rule, SourceRule::kNone);
  EXPECT_DOUBLE_EQ(reportedly.weight, 0.5);
  EXPECT_EQ(lexicon.entries()[1].stance, Stance::kDistancing);
  EXPECT_DOUBLE_EQ(lexicon.entries()[1].weight, 2.0);
  EXPECT_EQ(lexicon.entries()[2].source_rule, SourceRule::kGap);
  EXPECT_EQ(lexicon.entries()[2].lexicon, "attribution");
  EXPECT_FALSE(lexicon.entries()[2].reports_act);  // `content` unless the file says `act`
  EXPECT_TRUE(lexicon.entries()[3].reports_act);
}

// Each bad file is refused with its file:line:column and the reason.
TEST(LexiconTest, RefusesBadFilesWithFileAndLine) {
  struct Case {
    const char* yaml;
    const char* where;
    const char* what;
  } cases[] = {
      {"category: hedges\nentries: [may]\n", "bad.yaml:1:", "unknown category 'hedges'"},
      {"category: non_reports\nentries: [think tank]\n",
       "bad.yaml:1:", "unknown category 'non_reports'"},
      {"category: hedge\nentries:\n  - may\n  - might\n  - may\n",
       "bad.yaml:5:", "duplicate entry 'may' (first at bad.yaml:3:"},
      {"category: hedge\nentries:\n  - \"* may\"\n", "bad.yaml:3:", "bad pattern"},
      {"category: hedge\nentries:\n  - {pattern: may, wieght: 2}\n",
       "bad.yaml:3:", "unknown key 'wieght'"},
      {"category: attribution\nentries:\n  - {pattern: said, stance: sceptical}\n",
       "bad.yaml:3:", "unknown stance 'sceptical'"},
      {"category: hedge\nentries:\n  - {pattern: may, stance: neutral}\n",
       "bad.yaml:3:", "'stance' applies to attribution entries only"},
      {"category: attribution\nentries:\n  - {pattern: urged, reports: deed}\n",
       "bad.yaml:3:", "unknown value 'deed' of 'reports' (content, act)"},
      {"category: hedge\nentries:\n  - {pattern: may, reports: act}\n",
       "bad.yaml:3:", "'reports' applies to attribution entries only"},
      {"category: evaluative\nentries:\n  - {pattern: bad, polarity: sour}\n",
       "bad.yaml:3:", "unknown polarity"},
      {"category: hedge\nentries:\n  - {pattern: may, weight: -1}\n",
       "bad.yaml:3:", "weight must be in"},
      {"category: attribution\nentries:\n  - {pattern: said, source: gap}\n",
       "bad.yaml:3:", "needs a gap"},
      {"entries: [may]\n", "bad.yaml:1:", "missing 'category'"},
      {"category: hedge\nwords: [may]\n", "bad.yaml:2:", "unknown key 'words'"},
      {"- may\n", "bad.yaml:1:", "a lexicon file is a map"},
  };
  for (const Case& c : cases) {
    Lexicon lexicon;
    Status s = lexicon.AddText(c.yaml, "bad");
    ASSERT_FALSE(s.ok()) << c.yaml;
    EXPECT_NE(s.message().find(c.where), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(c.what), std::string::npos) << s.message();
  }
}

TEST(LexiconTest, DuplicateAcrossFilesOfOneCategoryIsRefused) {
  Lexicon lexicon;
  ASSERT_OK(lexicon.AddText("category: hedge\nentries: [may]\n", "a"));
  Status s = lexicon.AddText("category: hedge\nentries: [MAY]\n", "b");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("first at a.yaml:2"), std::string::npos) << s.message();
  // The same words in another category are a different entry.
  EXPECT_OK(lexicon.AddText("category: booster\nentries: [may]\n", "c"));
}

}  // namespace
}  // namespace parallax
