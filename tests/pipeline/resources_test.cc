#include "engine/pipeline/resources.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testutil.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

// A copy of the source tree's lexicons/ and rules/ that a test may break.
std::string CopyDataDir(const test::TempDir& dir) {
  for (const char* sub : {"lexicons", "rules"}) {
    fs::copy(fs::path(PARALLAX_SOURCE_DIR) / sub, fs::path(dir.path()) / sub,
             fs::copy_options::recursive);
  }
  return dir.path();
}

TEST(ResourcesTest, LoadsEveryPartByDefault) {
  auto r = LoadResources(PARALLAX_SOURCE_DIR);
  ASSERT_OK(r);
  EXPECT_NE(r->boilerplate, nullptr);
  EXPECT_NE(r->splitter, nullptr);
  EXPECT_NE(r->marker, nullptr);
  EXPECT_NE(r->similarity, nullptr);
  ASSERT_NE(r->aliases, nullptr);
  EXPECT_GT(r->aliases->size(), 0u);
  EXPECT_EQ(r->lexicon_digest.rfind("sha256:", 0), 0u) << r->lexicon_digest;
  EXPECT_EQ(r->lexicon_digest.size(), 7u + 64u);
  EXPECT_EQ(r->rules_digest.size(), 7u + 64u);
  EXPECT_EQ(r->templates_dir, std::string(PARALLAX_SOURCE_DIR) + "/reports/templates");
}

// rules/aliases.yaml is parsed once: the aliases are those of the similarity resources.
TEST(ResourcesTest, AliasesAreSharedWithTheSimilarityResources) {
  auto r = LoadResources(PARALLAX_SOURCE_DIR);
  ASSERT_OK(r);
  EXPECT_EQ(r->aliases.get(), &r->similarity->aliases);
}

// lexicons/negators.yaml is read once, with the lexicons; alignment gets the same list.
TEST(ResourcesTest, AlignmentTakesTheNegatorsOfTheLoadedLexicons) {
  auto r = LoadResources(PARALLAX_SOURCE_DIR);
  ASSERT_OK(r);
  ResourceParts alone;
  alone.marking = false;
  auto a = LoadResources(PARALLAX_SOURCE_DIR, alone);  // reads the file itself
  ASSERT_OK(a);
  EXPECT_FALSE(r->similarity->negators.words().empty());
  EXPECT_EQ(r->similarity->negators.words(), a->similarity->negators.words());
  EXPECT_TRUE(r->similarity->negators.NegatesClause("never"));
}

TEST(ResourcesTest, LoadsOnlyTheRequestedParts) {
  ResourceParts parts;
  parts.reading = parts.alignment = parts.provenance = false;
  auto r = LoadResources(PARALLAX_SOURCE_DIR, parts);
  ASSERT_OK(r);
  EXPECT_EQ(r->boilerplate, nullptr);
  EXPECT_EQ(r->splitter, nullptr);
  EXPECT_NE(r->marker, nullptr);
  EXPECT_EQ(r->similarity, nullptr);
  EXPECT_NE(r->aliases, nullptr);  // loaded on their own
  EXPECT_TRUE(r->lexicon_digest.empty());
}

TEST(ResourcesTest, CopiesShareTheLoadedObjects) {
  auto r = LoadResources(PARALLAX_SOURCE_DIR);
  ASSERT_OK(r);
  const Resources copy = *r;
  EXPECT_EQ(copy.marker.get(), r->marker.get());
  EXPECT_EQ(copy.similarity.get(), r->similarity.get());
}

TEST(ResourcesTest, ABrokenRuleFileIsNamedWithItsLine) {
  test::TempDir dir;
  const std::string data = CopyDataDir(dir);
  std::ofstream(data + "/rules/segmentation.yaml") << "abbreviations: [Dr, Mr\n";
  auto r = LoadResources(data);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("segmentation.yaml:"), std::string::npos)
      << r.status().message();
}

TEST(ResourcesTest, AMissingLexiconFolderIsAnError) {
  test::TempDir dir;
  const std::string data = CopyDataDir(dir);
  fs::remove_all(data + "/lexicons");
  ResourceParts parts;
  parts.provenance = false;
  auto r = LoadResources(data, parts);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("lexicons"), std::string::npos) << r.status().message();
}

TEST(ResourcesTest, ANonexistentDataDirectoryIsAnError) {
  EXPECT_FALSE(LoadResources("/nonexistent/parallax-data").ok());
}

}  // namespace
}  // namespace parallax
