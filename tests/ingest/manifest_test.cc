#include "engine/ingest/manifest.h"

#include <gtest/gtest.h>

#include "tests/ingest/ingest_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::ScratchDir;

TEST(ManifestTest, LoadsBundledExampleWithPathsBesideTheManifest) {
  auto m = LoadManifest(testing_util::SeedPath("corpus.yaml"));
  ASSERT_OK(m);
  ASSERT_EQ(m->articles.size(), 2u);
  EXPECT_FALSE(m->title.empty());
  const ManifestEntry& news = m->articles[1];
  EXPECT_EQ(news.id, "news-site-report");
  EXPECT_EQ(news.author, "Sara Ahmed");
  EXPECT_EQ(news.path, testing_util::SeedPath("news-site-report.txt"));
  EXPECT_EQ(m->articles[0].tags,
            (std::vector<std::string>{"columnist", "opinion", "Indian media"}));
}

TEST(ManifestTest, OutletIsASynonymOfSource) {
  ScratchDir dir;
  auto m = LoadManifest(dir.Write("m.yaml", "articles:\n  - {id: a, outlet: Fox, path: a.txt}\n"));
  ASSERT_OK(m);
  EXPECT_EQ(m->articles[0].source, "Fox");
}

TEST(ManifestTest, BadManifestsNameFileLineAndColumn) {
  struct Case {
    std::string yaml;
    std::string message;  // expected after "<path>:"
  };
  const std::vector<Case> cases = {
      {"articles:\n  - id: a\n    outlett: Fox\n    path: a.txt\n", "3:14: unknown key 'outlett'"},
      {"articles:\n  - source: Fox\n    path: a.txt\n",
       "2:5: article is missing the required key 'id'"},
      {"articles:\n  - id: a\n    path: a.txt\n",
       "2:5: article is missing the required key 'source'"},
      {"articles:\n  - id: a\n    source: Fox\n",
       "2:5: article is missing the required key 'path'"},
      {"articles:\n  - {id: a, source: Fox, path: a.txt, date: 2025-13-01}\n",
       "date '2025-13-01' is not YYYY-MM-DD"},
      {"articles:\n  - {id: a, source: Fox, path: a.txt}\n  - {id: a, source: NYT, path: b.txt}\n",
       "3:10: duplicate article id 'a' (first at "},
      {"articles:\n  - {id: a, source: Fox, path: a.txt, format: pdf}\n",
       "format 'pdf' is not one of"},
      {"articles:\n  - id: a\n   source: [\n", "malformed YAML"},
      {"articles: []\n", "1:11: 'articles' is empty"},
      {"- a\n- b\n", "1:1: a manifest is a map"},
      {"title: x\n", "manifest has no 'articles' list"},
      {"articles:\n  - {id: a, source: Fox, path: a.txt, tags: {x: 1}}\n",
       "expected a word or a list of words"},
  };
  ScratchDir dir;
  for (const Case& c : cases) {
    std::string path = dir.Write("bad.yaml", c.yaml);
    auto m = LoadManifest(path);
    ASSERT_FALSE(m.ok()) << c.yaml;
    EXPECT_EQ(m.status().message().rfind(path + ":", 0), 0u) << m.status().message();
    EXPECT_NE(m.status().message().find(c.message), std::string::npos) << m.status().message();
  }
}

TEST(ManifestTest, MissingManifestIsNotFound) {
  auto m = LoadManifest("/nonexistent/corpus.yaml");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kNotFound);
}

TEST(ManifestTest, IsoDates) {
  EXPECT_TRUE(IsIsoDate("2025-07-28"));
  EXPECT_FALSE(IsIsoDate("2025-7-28"));
  EXPECT_FALSE(IsIsoDate("28/07/2025"));
  EXPECT_FALSE(IsIsoDate("2025-00-10"));
}

}  // namespace
}  // namespace parallax
