// End to end through the `parallax` binary: index the bundled seed articles, search them as a
// script would (--format json), list, remove, and fail clearly on a directory that is no index.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "engine/text/aliases.h"
#include "index_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::TempDir;

struct RunResult {
  int status = -1;
  std::string out;
};

// Runs `parallax ARGS` (a shell-quoted string), capturing stdout; stderr goes to the log.
RunResult RunParallax(const std::string& args) {
  RunResult result;
  FILE* pipe = popen((std::string("'") + PARALLAX_BINARY + "' " + args).c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class IndexCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(PARALLAX_BINARY))
      GTEST_SKIP() << "parallax binary not built: " << PARALLAX_BINARY;
    index_ = tmp_.Sub("index");
    RunResult add = RunParallax(
        "index add '" PARALLAX_SOURCE_DIR "/examples/seeds/corpus.yaml' --index '" + index_ + "'");
    ASSERT_EQ(add.status, 0) << add.out;
  }

  nlohmann::json Search(const std::string& query) {
    RunResult r = RunParallax("search --index '" + index_ + "' --format json '" + query + "'");
    EXPECT_EQ(r.status, 0) << r.out;
    return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }

  TempDir tmp_;
  std::string index_;
};

TEST_F(IndexCliTest, SeedQueriesFindSentencesFromBothSources) {
  for (const char* query : {"consistent support", "counter-terrorism"}) {
    const nlohmann::json results = Search(query);
    ASSERT_TRUE(results.is_object()) << query;
    std::set<std::string> sources;
    for (const auto& group : results["groups"]) {
      sources.insert(group["source"].get<std::string>());
      for (const auto& hit : group["hits"]) {
        const std::string text = hit["text"];
        EXPECT_EQ(hit["end"].get<size_t>() - hit["start"].get<size_t>(), text.size());
        EXPECT_FALSE(hit["highlights"].empty()) << text;
        for (const auto& h : hit["highlights"]) EXPECT_LE(h[1].get<size_t>(), text.size());
      }
    }
    EXPECT_EQ(sources, (std::set<std::string>{"Firstpost", "News site"})) << query;
  }
}

// `index add` stores the alias table as synonyms: "Beijing" finds the columnist's "China"
// sentence, "COAS" the news site's "Gen. Munir", and a quoted phrase is never expanded.
TEST_F(IndexCliTest, IndexAddMakesAliasesFindOneAnother) {
  auto texts = [&](const std::string& query) {
    std::set<std::string> out;
    const nlohmann::json results = Search(query);
    for (const auto& group : results["groups"]) {
      for (const auto& hit : group["hits"]) out.insert(hit["text"].get<std::string>());
    }
    return out;
  };
  auto any_contains = [](const std::set<std::string>& texts, const std::string& needle) {
    for (const std::string& t : texts) {
      if (t.find(needle) != std::string::npos) return true;
    }
    return false;
  };
  const std::set<std::string> beijing = texts("Beijing");
  EXPECT_TRUE(any_contains(beijing, "official visit to China")) << beijing.size();
  const std::set<std::string> coas = texts("COAS thanked");
  EXPECT_TRUE(any_contains(coas, "Munir thanked Beijing")) << coas.size();
  EXPECT_TRUE(texts("\"thanked China\"").empty());
  EXPECT_EQ(texts("\"thanked Beijing\"").size(), 1u);
}

TEST_F(IndexCliTest, ReAddingReplacesAndRemoveDeletes) {
  ASSERT_EQ(RunParallax("index add '" PARALLAX_SOURCE_DIR "/examples/seeds/corpus.yaml' --index '" +
                        index_ + "'")
                .status,
            0);
  RunResult list = RunParallax("index list --format json --index '" + index_ + "'");
  ASSERT_EQ(list.status, 0);
  const nlohmann::json articles = nlohmann::json::parse(list.out);
  ASSERT_EQ(articles.size(), 2u);  // not duplicated
  ASSERT_EQ(RunParallax("index remove news-site-report --index '" + index_ + "'").status, 0);
  RunResult check = RunParallax("index check --index '" + index_ + "'");
  EXPECT_EQ(check.status, 0);
  EXPECT_EQ(check.out.rfind("1 articles, ", 0), 0u) << check.out;
  EXPECT_EQ(
      RunParallax("index remove news-site-report --index '" + index_ + "' 2>/dev/null").status, 1);
}

TEST_F(IndexCliTest, DirectoryThatIsNoIndexFailsWithStatusOne) {
  EXPECT_EQ(
      RunParallax("search --index '" PARALLAX_SOURCE_DIR "/examples/seeds' support 2>/dev/null")
          .status,
      1);
  EXPECT_EQ(RunParallax("index list --index '" + tmp_.Sub("missing") + "' 2>/dev/null").status, 1);
  EXPECT_EQ(RunParallax("search --index '" + index_ + "' --format xml support 2>/dev/null").status,
            1);
}

// `parallax search` needs nothing of the alias table: the synonyms are in the index. The index
// is written through the API here, the way `index add` writes it once it stores the synonyms.
TEST(IndexCliAliasTest, PlainWordFindsTheEntityByAnotherName) {
  if (!std::filesystem::exists(PARALLAX_BINARY))
    GTEST_SKIP() << "parallax binary not built: " << PARALLAX_BINARY;
  TempDir tmp;
  const std::string index = tmp.Sub("index");
  {
    auto writer = SentenceIndex::OpenForWrite(index);
    ASSERT_OK(writer);
    auto aliases = AliasTable::Load(PARALLAX_SOURCE_DIR "/rules/aliases.yaml");
    ASSERT_OK(aliases);
    ASSERT_OK((*writer)->SetEntityAliases(EntityAliases(*aliases)));
    const testing_util::TestArticle a =
        testing_util::MakeArticle("cn", "Dawn", {"China pledged support.", "Rain fell."});
    ASSERT_OK((*writer)->AddArticle(a.article, a.sentences, {{"China"}, {}}));
    ASSERT_OK((*writer)->Commit());
  }
  RunResult r = RunParallax("search --index '" + index + "' --format json Beijing");
  ASSERT_EQ(r.status, 0) << r.out;
  const nlohmann::json results = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(results.is_object()) << r.out;
  ASSERT_EQ(results["groups"].size(), 1u) << r.out;
  const nlohmann::json& hits = results["groups"][0]["hits"];
  ASSERT_EQ(hits.size(), 1u) << r.out;
  EXPECT_EQ(hits[0]["text"], "China pledged support.");
  EXPECT_EQ(hits[0]["highlights"], nlohmann::json::parse("[[0, 5]]"));  // "China"
}

}  // namespace
}  // namespace parallax
