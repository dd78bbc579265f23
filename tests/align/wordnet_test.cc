#include "engine/align/wordnet.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testutil.h"

namespace parallax {
namespace {

const std::string kFakeDir = std::string(PARALLAX_SOURCE_DIR) + "/tests/align/testdata/wordnet";

WordNet LoadFake(WordNetOptions options = {}) {
  auto wn = WordNet::Load(kFakeDir, options);
  EXPECT_OK(wn);
  return wn.ok() ? std::move(*wn) : WordNet();
}

TEST(WordNetTest, MissingDirectoryNamesThePackageToInstall) {
  auto wn = WordNet::Load("/nonexistent/wordnet", {});
  ASSERT_FALSE(wn.ok());
  EXPECT_EQ(wn.status().code(), Status::Code::kNotFound);
  EXPECT_NE(wn.status().message().find("wordnet-base"), std::string::npos) << wn.status().message();
}

TEST(WordNetTest, MissingIndexFileIsNotFound) {
  auto dir = std::filesystem::temp_directory_path() / "parallax_wordnet_partial";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kFakeDir + "/index.noun", dir / "index.noun",
                             std::filesystem::copy_options::overwrite_existing);
  auto wn = WordNet::Load(dir.string(), {});
  ASSERT_FALSE(wn.ok());
  EXPECT_NE(wn.status().message().find("data.noun"), std::string::npos) << wn.status().message();
}

TEST(WordNetTest, MalformedLineIsCorruptionWithFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "parallax_wordnet_bad";
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(kFakeDir)) {
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename(),
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / "index.verb") << "endorse v 1 1 + 1 0 00000100\nsupport v x\n";
  auto wn = WordNet::Load(dir.string(), {});
  ASSERT_FALSE(wn.ok());
  EXPECT_EQ(wn.status().code(), Status::Code::kCorruption);
  EXPECT_NE(wn.status().message().find("index.verb:2"), std::string::npos) << wn.status().message();
}

TEST(WordNetTest, FindsBaseFormsByRulesAndExceptions) {
  WordNet wn = LoadFake();
  EXPECT_EQ(wn.BaseForms("supported"), std::vector<std::string>{"support"});
  EXPECT_EQ(wn.BaseForms("geese"), std::vector<std::string>{"goose"});
  EXPECT_EQ(wn.BaseForms("endorses"), std::vector<std::string>{"endorse"});
  EXPECT_TRUE(wn.BaseForms("unknownword").empty());
}

TEST(WordNetTest, SharedSynsetMakesSynonyms) {
  WordNet wn = LoadFake({.max_senses = 0, .derivation = false});
  EXPECT_TRUE(WordNet::ShareConcept(wn.Concepts("support"), wn.Concepts("backing")));
  EXPECT_FALSE(WordNet::ShareConcept(wn.Concepts("goose"), wn.Concepts("support")));
  EXPECT_TRUE(wn.Concepts("unknownword").empty());
}

TEST(WordNetTest, MaxSensesDropsRareSenses) {
  WordNet wn = LoadFake({.max_senses = 1, .derivation = false});
  // "backing" is only support's second noun sense.
  EXPECT_FALSE(WordNet::ShareConcept(wn.Concepts("support"), wn.Concepts("backing")));
}

TEST(WordNetTest, DerivationLinksFollowTheSourceWord) {
  WordNet with = LoadFake({.max_senses = 0, .derivation = true});
  WordNet without = LoadFake({.max_senses = 0, .derivation = false});
  EXPECT_TRUE(WordNet::ShareConcept(with.Concepts("backing"), with.Concepts("endorse")));
  EXPECT_FALSE(WordNet::ShareConcept(without.Concepts("backing"), without.Concepts("endorse")));
  // The noun synset {support, backing} links "backing" (word 2) to "endorse", not "support":
  // support's concepts stay its own three synsets.
  EXPECT_EQ(with.Concepts("support").size(), 3u);
}

TEST(WordNetTest, RealDatabaseKnowsNewsSynonyms) {
  auto wn = WordNet::Load(WordNet::kDefaultDir, {});
  if (!wn.ok())
    GTEST_SKIP() << "WordNet not installed (apt-get install wordnet-base): "
                 << wn.status().message();
  EXPECT_GT(wn->lemma_count(), 50000u);  // single-word lemmas
  EXPECT_TRUE(WordNet::ShareConcept(wn->Concepts("support"), wn->Concepts("backing")));
  EXPECT_TRUE(WordNet::ShareConcept(wn->Concepts("bought"), wn->Concepts("purchased")));
  EXPECT_FALSE(WordNet::ShareConcept(wn->Concepts("airport"), wn->Concepts("banana")));
}

}  // namespace
}  // namespace parallax
