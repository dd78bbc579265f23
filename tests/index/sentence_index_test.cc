// Writing: replace-on-same-id, remove, persistence, validation, and the aligner's bulk access.
#include "engine/index/sentence_index.h"

#include <gtest/gtest.h>

#include <map>

#include "index_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::MakeArticle;
using testing_util::TempDir;
using testing_util::TestArticle;

std::unique_ptr<SentenceIndex> OpenWriter(const std::string& dir) {
  auto writer = SentenceIndex::OpenForWrite(dir);
  EXPECT_OK(writer);
  return writer.ok() ? std::move(writer).value() : nullptr;
}

std::unique_ptr<IndexReader> OpenReader(const std::string& dir) {
  auto reader = IndexReader::Open(dir);
  EXPECT_OK(reader);
  return reader.ok() ? std::move(reader).value() : nullptr;
}

size_t CountHits(IndexReader* reader, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 1000;
  auto results = reader->Search(request);
  EXPECT_OK(results);
  size_t n = 0;
  if (results.ok()) {
    for (const SourceGroup& g : results->groups) n += g.hits.size();
  }
  return n;
}

TEST(SentenceIndexTest, AddedArticleIsListedAndSearchableAfterReopen) {
  TempDir tmp;
  const std::string dir = tmp.Sub("index");
  TestArticle a =
      MakeArticle("a1", "Firstpost", {"Beijing offered consistent support.", "Talks ended."},
                  "2025-07-24", {"columnist"});
  a.article.author = "A. Writer";
  a.article.url = "https://example.com/a1";
  {
    auto writer = OpenWriter(dir);
    ASSERT_OK(writer->AddArticle(a.article, a.sentences));
    ASSERT_OK(writer->Commit());
    EXPECT_EQ(writer->sentence_count(), 2u);
  }
  auto reader = OpenReader(dir);
  auto articles = reader->ListArticles();
  ASSERT_OK(articles);
  ASSERT_EQ(articles->size(), 1u);
  const IndexedArticle& got = (*articles)[0];
  EXPECT_EQ(got.id, "a1");
  EXPECT_EQ(got.source, "Firstpost");
  EXPECT_EQ(got.date, "2025-07-24");
  EXPECT_EQ(got.title, "Title of a1");
  EXPECT_EQ(got.author, "A. Writer");
  EXPECT_EQ(got.url, "https://example.com/a1");
  EXPECT_EQ(got.tags, std::vector<std::string>{"columnist"});
  EXPECT_EQ(got.sentence_count, 2);
  EXPECT_EQ(CountHits(reader.get(), "support"), 1u);
  EXPECT_OK(reader->CheckConsistency());
}

TEST(SentenceIndexTest, AddingTheSameIdReplacesItsSentences) {
  TempDir tmp;
  auto writer = OpenWriter(tmp.path());
  TestArticle first =
      MakeArticle("a1", "S", {"Old wording about tariffs.", "Second old sentence.", "Third."});
  TestArticle second = MakeArticle("a1", "S", {"New wording about sanctions."});
  ASSERT_OK(writer->AddArticle(first.article, first.sentences));
  ASSERT_OK(writer->AddArticle(second.article, second.sentences));
  ASSERT_OK(writer->Commit());
  EXPECT_EQ(writer->sentence_count(), 1u);
  auto reader = OpenReader(tmp.path());
  EXPECT_EQ(CountHits(reader.get(), "tariffs"), 0u);
  EXPECT_EQ(CountHits(reader.get(), "sanctions"), 1u);
  auto article = reader->GetArticle("a1");
  ASSERT_OK(article);
  EXPECT_EQ(article->sentence_count, 1);
  EXPECT_OK(reader->CheckConsistency());
}

TEST(SentenceIndexTest, RemoveDeletesOnlyThatArticle) {
  TempDir tmp;
  auto writer = OpenWriter(tmp.path());
  TestArticle a = MakeArticle("a", "S", {"Alpha sentence.", "Another alpha."});
  TestArticle b = MakeArticle("b", "T", {"Beta sentence."});
  ASSERT_OK(writer->AddArticle(a.article, a.sentences));
  ASSERT_OK(writer->AddArticle(b.article, b.sentences));
  ASSERT_OK(writer->RemoveArticle("a"));
  ASSERT_OK(writer->Commit());
  auto reader = OpenReader(tmp.path());
  auto articles = reader->ListArticles();
  ASSERT_OK(articles);
  ASSERT_EQ(articles->size(), 1u);
  EXPECT_EQ((*articles)[0].id, "b");
  EXPECT_EQ(CountHits(reader.get(), "sentence"), 1u);
  EXPECT_EQ(reader->GetArticle("a").status().code(), Status::Code::kNotFound);
  EXPECT_OK(reader->CheckConsistency());
}

TEST(SentenceIndexTest, RemovingAnUnknownArticleIsNotFound) {
  TempDir tmp;
  auto writer = OpenWriter(tmp.path());
  Status status = writer->RemoveArticle("nope");
  EXPECT_EQ(status.code(), Status::Code::kNotFound);
  EXPECT_NE(status.message().find("nope"), std::string::npos) << status.message();
}

TEST(SentenceIndexTest, RejectsBadArticlesWithoutWritingAnything) {
  TempDir tmp;
  auto writer = OpenWriter(tmp.path());
  TestArticle ok = MakeArticle("ok", "S", {"One.", "Two."});
  const struct {
    const char* name;
    std::function<void(TestArticle*, std::vector<std::vector<std::string>>*)> spoil;
  } cases[] = {
      {"empty id", [](TestArticle* t, auto*) { t->article.id.clear(); }},
      {"id too long",
       [](TestArticle* t, auto*) { t->article.id = std::string(kMaxArticleIdBytes + 1, 'x'); }},
      {"span past the text",
       [](TestArticle* t, auto*) { t->sentences[1].span.end = t->article.text.size() + 1; }},
      {"reversed span",
       [](TestArticle* t, auto*) {
         t->sentences[0].span = {3, 1};
       }},
      {"entities of wrong size", [](TestArticle*, auto* e) { e->resize(1); }},
  };
  for (const auto& c : cases) {
    TestArticle t = ok;
    std::vector<std::vector<std::string>> entities;
    c.spoil(&t, &entities);
    EXPECT_EQ(writer->AddArticle(t.article, t.sentences, entities).code(),
              Status::Code::kInvalidInput)
        << c.name;
  }
  EXPECT_EQ(writer->sentence_count(), 0u);
}

TEST(SentenceIndexTest, TemporaryIndexIsSearchableThroughNewReaderAndRemovedAfter) {
  auto writer = SentenceIndex::OpenTemporary();
  ASSERT_OK(writer);
  const std::string dir = (*writer)->dir();
  TestArticle a = MakeArticle("m", "S", {"Temporary sentence."});
  ASSERT_OK((*writer)->AddArticle(a.article, a.sentences));
  {
    auto reader = (*writer)->NewReader();
    ASSERT_OK(reader);
    EXPECT_EQ(CountHits(reader->get(), "temporary"), 1u);  // uncommitted, yet visible
    EXPECT_OK((*reader)->CheckConsistency());
  }
  EXPECT_TRUE(std::filesystem::exists(dir));
  writer->reset();
  EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST(SentenceIndexTest, ForEachSentenceGivesStemsEntitiesAndIdentity) {
  auto writer = SentenceIndex::OpenTemporary();
  ASSERT_OK(writer);
  TestArticle a = MakeArticle("a", "Firstpost",
                              {"China supported the talks, supporting Pakistan.", "Munir spoke."});
  std::vector<std::vector<std::string>> entities = {{"China", "Pakistan"}, {"Asim Munir"}};
  ASSERT_OK((*writer)->AddArticle(a.article, a.sentences, entities));
  auto reader = (*writer)->NewReader();
  ASSERT_OK(reader);
  std::vector<SentenceTerms> seen;
  ASSERT_OK((*reader)->ForEachSentence([&](const SentenceTerms& s) { seen.push_back(s); }));
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].article_id, "a");
  EXPECT_EQ(seen[0].source, "Firstpost");
  EXPECT_EQ(seen[0].sentence_index, 0);
  const std::vector<std::pair<std::string, uint32_t>> want_stems = {
      {"china", 1}, {"pakistan", 1}, {"support", 2}, {"talk", 1}, {"the", 1}};
  EXPECT_EQ(seen[0].stems, want_stems);
  EXPECT_EQ(seen[0].entities, (std::vector<std::string>{"china", "pakistan"}));
  EXPECT_EQ(seen[1].entities, std::vector<std::string>{"asim munir"});
  EXPECT_EQ(seen[1].sentence_index, 1);

  auto freq = (*reader)->DocFreq("support");
  ASSERT_OK(freq);
  EXPECT_EQ(*freq, 1u);
  auto stats = (*reader)->Stats();
  ASSERT_OK(stats);
  EXPECT_EQ(stats->sentences, 2u);
  EXPECT_EQ(stats->articles, 1u);
  EXPECT_EQ(stats->last_doc, 2u);
}

TEST(SentenceIndexTest, ReaderSeesNewCommitsAfterRefresh) {
  TempDir tmp;
  auto writer = OpenWriter(tmp.path());
  TestArticle a = MakeArticle("a", "S", {"First article."});
  ASSERT_OK(writer->AddArticle(a.article, a.sentences));
  ASSERT_OK(writer->Commit());
  auto reader = OpenReader(tmp.path());
  TestArticle b = MakeArticle("b", "S", {"Second article."});
  ASSERT_OK(writer->AddArticle(b.article, b.sentences));
  ASSERT_OK(writer->Commit());
  EXPECT_EQ(CountHits(reader.get(), "article"), 1u);  // still at the commit it opened
  ASSERT_OK(reader->Refresh());
  EXPECT_EQ(CountHits(reader.get(), "article"), 2u);
}

TEST(SentenceIndexTest, ReaderKeepsSearchingWhileWriterCommitsManyTimes) {
  TempDir tmp;
  auto writer = OpenWriter(tmp.path());
  TestArticle seed = MakeArticle("seed", "S", {"Seed sentence about ports."});
  ASSERT_OK(writer->AddArticle(seed.article, seed.sentences));
  ASSERT_OK(writer->Commit());
  auto reader = OpenReader(tmp.path());
  for (int i = 0; i < 30; ++i) {
    TestArticle t = MakeArticle("n" + std::to_string(i), "S",
                                {"Another sentence about ports number " + std::to_string(i) + "."});
    ASSERT_OK(writer->AddArticle(t.article, t.sentences));
    ASSERT_OK(writer->Commit());
    EXPECT_GE(CountHits(reader.get(), "ports"), 1u);  // reopens by itself if overtaken
  }
}

TEST(SentenceIndexTest, AutoCommitMakesWholeArticlesDurable) {
  TempDir tmp;
  IndexOptions options;
  options.commit_every_sentences = 2;
  auto writer = SentenceIndex::OpenForWrite(tmp.path(), options);
  ASSERT_OK(writer);
  TestArticle a = MakeArticle("a", "S", {"One.", "Two.", "Three."});
  ASSERT_OK((*writer)->AddArticle(a.article, a.sentences));
  // No explicit Commit: a reader opened now sees the article because of the auto-commit.
  auto reader = OpenReader(tmp.path());
  auto stats = reader->Stats();
  ASSERT_OK(stats);
  EXPECT_EQ(stats->sentences, 3u);
}

}  // namespace
}  // namespace parallax
