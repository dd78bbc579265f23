#include "engine/segment/segment_rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/testutil.h"

namespace parallax {
namespace {

TEST(SegmentRulesTest, BundledFileLoads) {
  auto rules = SegmentRules::Load(std::string(PARALLAX_SOURCE_DIR) + "/rules/segmentation.yaml");
  ASSERT_OK(rules);
  EXPECT_EQ(rules->never_final.count("Gen."), 1u);
  EXPECT_EQ(rules->never_final.count("Mr."), 1u);
  EXPECT_EQ(rules->may_end.count("Inc."), 1u);
  EXPECT_EQ(rules->before_number.count("No."), 1u);
  EXPECT_EQ(rules->states.count("N.J."), 1u);
  EXPECT_EQ(rules->states.count("Calif."), 1u);
  EXPECT_EQ(rules->never_final.count("P.S."), 1u);
  EXPECT_EQ(rules->name_suffixes.count("Jr."), 1u);
  EXPECT_EQ(rules->name_continuations.count("Day"), 1u);
  EXPECT_EQ(rules->sentence_starters.count("The"), 1u);
  EXPECT_EQ(rules->attribution_verbs.count("said"), 1u);
  EXPECT_TRUE(rules->initials);
  EXPECT_FALSE(rules->keep_quotes_whole);
  EXPECT_EQ(rules->max_sentence_bytes, 2000u);
}

TEST(SegmentRulesTest, EmptyFileGivesDefaults) {
  auto rules = SegmentRules::Parse("", "empty.yaml");
  ASSERT_OK(rules);
  EXPECT_TRUE(rules->never_final.empty());
  EXPECT_EQ(rules->max_sentence_bytes, 2000u);
}

TEST(SegmentRulesTest, ReadsEveryKey) {
  auto rules = SegmentRules::Parse(
      "abbreviations:\n"
      "  never_final: [Gen.]\n"
      "  may_end: U.S.\n"
      "  before_number: [No., Jan.]\n"
      "  states: [Calif.]\n"
      "  name_suffixes: [Jr.]\n"
      "sentence_starters: [The]\n"
      "name_continuations: [Day]\n"
      "attribution_verbs: [said]\n"
      "keep_quotes_whole: true\n"
      "whole_quote_below_average_words: 4.5\n"
      "initials: false\n"
      "max_sentence_bytes: 500\n",
      "r.yaml");
  ASSERT_OK(rules);
  EXPECT_EQ(rules->never_final.count("Gen."), 1u);
  EXPECT_EQ(rules->may_end.count("U.S."), 1u);
  EXPECT_EQ(rules->before_number.size(), 2u);
  EXPECT_EQ(rules->states.count("Calif."), 1u);
  EXPECT_EQ(rules->name_suffixes.count("Jr."), 1u);
  EXPECT_EQ(rules->name_continuations.count("Day"), 1u);
  EXPECT_TRUE(rules->keep_quotes_whole);
  EXPECT_EQ(rules->whole_quote_below_average_words, 4.5);
  EXPECT_FALSE(rules->initials);
  EXPECT_EQ(rules->max_sentence_bytes, 500u);
  EXPECT_GE(rules->icu_window_bytes, 4 * rules->max_sentence_bytes);
}

TEST(SegmentRulesTest, RejectsBadFilesWithFileLineAndColumn) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"abbreviations: [\n", "bad.yaml:2:1: malformed YAML"},
      {"abbreviation:\n  never_final: [Gen.]\n", "bad.yaml:2:3: unknown key 'abbreviation'"},
      {"abbreviations:\n  titles: [Gen.]\n",
       "bad.yaml:2:11: unknown key 'titles' under 'abbreviations'"},
      {"abbreviations:\n  never_final: [Gen]\n",
       "bad.yaml:2:16: abbreviation 'Gen' must end in '.'"},
      {"abbreviations:\n  may_end: [U. S.]\n",
       "abbreviation 'U. S.' must end in '.' and contain no white space"},
      {"abbreviations: [Gen.]\n", "bad.yaml:1:16: 'abbreviations' must be a map"},
      {"abbreviations:\n  states: [Calif]\n",
       "bad.yaml:2:11: abbreviation 'Calif' must end in '.'"},
      {"sentence_starters: [The End]\n", "'The End' must be one word"},
      {"name_continuations: [Jr. Day]\n", "'Jr. Day' must be one word"},
      {"sentence_starters: {The: 1}\n", "bad.yaml:1:20: expected a word or a list of words"},
      {"initials: maybe\n", "bad.yaml:1:11: expected true or false"},
      {"max_sentence_bytes: 10\n", "bad.yaml:1:21: max_sentence_bytes must be a whole number"},
      {"max_sentence_bytes: 2000.5\n", "max_sentence_bytes must be a whole number"},
      {"- Gen.\n", "bad.yaml:1:1: expected a map"},
      {"whole_quote_below_average_words: -1\n",
       "bad.yaml:1:34: whole_quote_below_average_words must be a number from 0 to 100"},
      {"whole_quote_below_average_words: many\n", "bad.yaml:1:34:"},
  };
  for (const auto& [yaml, want] : cases) {
    auto rules = SegmentRules::Parse(yaml, "bad.yaml");
    ASSERT_FALSE(rules.ok()) << yaml;
    EXPECT_NE(rules.status().message().find(want), std::string::npos)
        << "for " << yaml << " got: " << rules.status().message();
  }
}

TEST(SegmentRulesTest, MissingFileIsAnError) {
  auto rules = SegmentRules::Load("/nonexistent/segmentation.yaml");
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("/nonexistent/segmentation.yaml"), std::string::npos);
}

TEST(SegmentRulesTest, LoadNamesTheFileInErrors) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "parallax_seg_bad.yaml").string();
  std::ofstream(path) << "abbreviations:\n  never_final: [Gen.]\n  oops: 1\n";
  auto rules = SegmentRules::Load(path);
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find(path + ":3:9: unknown key 'oops'"), std::string::npos)
      << rules.status().message();
}

}  // namespace
}  // namespace parallax
