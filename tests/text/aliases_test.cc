#include "engine/text/aliases.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testutil.h"

namespace parallax {
namespace {

std::string WriteTemp(const std::string& name, const std::string& contents) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << contents;
  return path;
}

std::vector<std::string> Canonicals(const AliasTable& table, std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, &tokens);
  std::vector<std::string> out;
  for (const EntityMention& m : table.Find(tokens)) out.push_back(m.canonical);
  return out;
}

class AliasesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto table = AliasTable::Load(std::string(PARALLAX_SOURCE_DIR) + "/rules/aliases.yaml");
    ASSERT_OK(table);
    table_ = std::move(*table);
  }
  AliasTable table_;
};

TEST_F(AliasesTest, BundledRulesMapCapitalsAndTitlesToOneName) {
  EXPECT_EQ(Canonicals(table_, "Beijing\xE2\x80\x99s consistent support"),
            std::vector<std::string>{"China"});
  EXPECT_EQ(Canonicals(table_, "the COAS appreciated China's support"),
            (std::vector<std::string>{"Asim Munir", "China"}));
  EXPECT_EQ(Canonicals(table_, "Field Marshal Asim Munir met Wang Yi"),
            (std::vector<std::string>{"Asim Munir", "Wang Yi"}));
}

TEST_F(AliasesTest, CaseSensitiveAliasesIgnoreOrdinaryWords) {
  EXPECT_EQ(Canonicals(table_, "let us talk"), std::vector<std::string>{});
  EXPECT_EQ(Canonicals(table_, "US officials said"), std::vector<std::string>{"United States"});
  EXPECT_EQ(Canonicals(table_, "Chinese engineers"), std::vector<std::string>{"China"});
}

TEST_F(AliasesTest, MentionSpansCoverTheWholeAlias) {
  std::string text = "Chief of Army Staff Field Marshal Asim Munir arrived";
  std::vector<Token> tokens;
  Tokenize(text, 0, &tokens);
  auto found = table_.Find(tokens);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.Of(text), "Chief of Army Staff Field Marshal Asim Munir");
  EXPECT_EQ(found[0].kind, "person");
}

TEST(AliasTableTest, CanonicalOfPhrase) {
  auto table = AliasTable::Load(
      WriteTemp("parallax_alias_ok.yaml", "entities:\n  - name: China\n    aliases: [Beijing]\n"));
  ASSERT_OK(table);
  EXPECT_EQ(table->Canonical("Beijing"), "China");
  EXPECT_EQ(table->Canonical("Paris"), "");
}

TEST(AliasTableTest, RejectsBadFilesWithLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"entities:\n  - name: A\n    alias: [x]\n", ":3:12: unknown or malformed key 'alias'"},
      {"entities:\n  - aliases: [x]\n", ":2:5: entity without a 'name'"},
      {"entities:\n  - name: A\n    aliases: [x]\n  - name: B\n    aliases: [x]\n",
       "alias 'x' already names 'A'"},
      {"entities: [\n", "malformed YAML"},
      {"names: []\n", "unknown key 'names'"},
  };
  for (const auto& [yaml, want] : cases) {
    std::string path = WriteTemp("parallax_alias_bad.yaml", yaml);
    auto table = AliasTable::Load(path);
    ASSERT_FALSE(table.ok()) << yaml;
    EXPECT_NE(table.status().message().find(want), std::string::npos) << table.status().message();
    EXPECT_EQ(table.status().message().rfind(path, 0), 0u) << "message should start with the file";
  }
}

}  // namespace
}  // namespace parallax
