// Every way opening an index can go wrong gets a clear Status naming the directory.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <tuple>
#include <vector>

#include "engine/index/sentence_index.h"
#include "index_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::MakeArticle;
using testing_util::TempDir;
using testing_util::TestArticle;

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
}

// An index with a few committed sentences.
void BuildIndex(const std::string& dir) {
  auto writer = SentenceIndex::OpenForWrite(dir);
  ASSERT_OK(writer);
  for (int i = 0; i < 50; ++i) {
    TestArticle t = MakeArticle("a" + std::to_string(i), "S" + std::to_string(i % 3),
                                {"Sentence one of article " + std::to_string(i) + ".", "And two."});
    ASSERT_OK((*writer)->AddArticle(t.article, t.sentences));
  }
  ASSERT_OK((*writer)->Commit());
}

void ExpectError(const Status& status, Status::Code code, const std::string& dir,
                 const std::string& words) {
  EXPECT_EQ(status.code(), code) << status.message();
  EXPECT_NE(status.message().find(dir), std::string::npos) << status.message();
  EXPECT_NE(status.message().find(words), std::string::npos) << status.message();
}

TEST(IndexErrorsTest, MissingDirectoryIsNotFoundForReaders) {
  TempDir tmp;
  ExpectError(IndexReader::Open(tmp.Sub("none")).status(), Status::Code::kNotFound, tmp.Sub("none"),
              "no index");
  IndexOptions options;
  options.create_if_missing = false;
  ExpectError(SentenceIndex::OpenForWrite(tmp.Sub("none"), options).status(),
              Status::Code::kNotFound, tmp.Sub("none"), "no index");
}

TEST(IndexErrorsTest, DirectoryWithOtherFilesIsNotAnIndexAndIsLeftAlone) {
  TempDir tmp;
  WriteFile(tmp.Sub("notes.txt"), "my notes");
  ExpectError(IndexReader::Open(tmp.path()).status(), Status::Code::kInvalidInput, tmp.path(),
              "not a Parallax index");
  ExpectError(SentenceIndex::OpenForWrite(tmp.path()).status(), Status::Code::kInvalidInput,
              tmp.path(), "not a Parallax index");
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(tmp.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1u);  // nothing written beside notes.txt
}

TEST(IndexErrorsTest, PlainFileIsNotAnIndex) {
  TempDir tmp;
  WriteFile(tmp.Sub("file"), "x");
  ExpectError(IndexReader::Open(tmp.Sub("file")).status(), Status::Code::kInvalidInput,
              tmp.Sub("file"), "not a Parallax index");
  ExpectError(SentenceIndex::OpenForWrite(tmp.Sub("file")).status(), Status::Code::kInvalidInput,
              tmp.Sub("file"), "not a Parallax index");
}

TEST(IndexErrorsTest, EmptyDirectoryIsNotAnIndexForReadersButWritersCreateOne) {
  TempDir tmp;
  ExpectError(IndexReader::Open(tmp.path()).status(), Status::Code::kInvalidInput, tmp.path(),
              "not a Parallax index");
  ASSERT_OK(SentenceIndex::OpenForWrite(tmp.path()));
  EXPECT_OK(IndexReader::Open(tmp.path()));
}

TEST(IndexErrorsTest, ForeignXapianDatabaseIsNotAParallaxIndex) {
  TempDir tmp;
  {
    Xapian::WritableDatabase db(tmp.path(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_term("hello");
    db.add_document(doc);
    db.commit();
  }
  ExpectError(IndexReader::Open(tmp.path()).status(), Status::Code::kInvalidInput, tmp.path(),
              "not a Parallax index");
  ExpectError(SentenceIndex::OpenForWrite(tmp.path()).status(), Status::Code::kInvalidInput,
              tmp.path(), "not a Parallax index");
}

TEST(IndexErrorsTest, OtherSchemaVersionIsCorruptionNamingBothVersions) {
  TempDir tmp;
  BuildIndex(tmp.path());
  {
    Xapian::WritableDatabase db(tmp.path(), Xapian::DB_OPEN);
    db.set_metadata("parallax_schema", "3");
    db.commit();
  }
  for (const Status& status :
       {IndexReader::Open(tmp.path()).status(), SentenceIndex::OpenForWrite(tmp.path()).status()}) {
    ExpectError(status, Status::Code::kCorruption, tmp.path(), "schema version 3");
    EXPECT_NE(status.message().find("reads versions 1 to 2"), std::string::npos)
        << status.message();
  }
}

// Schema 1 kept the date in a value slot where schema 2 has an XD term. Its indexes still
// open, filter by date, and take new articles in their own schema, so one index never mixes
// the two.
TEST(IndexErrorsTest, SchemaOneIndexIsReadAndAddedToInItsOwnSchema) {
  TempDir tmp;
  { ASSERT_OK(SentenceIndex::OpenForWrite(tmp.path())); }
  {
    Xapian::WritableDatabase db(tmp.path(), Xapian::DB_OPEN);
    db.set_metadata("parallax_schema", "1");
    db.commit();
  }
  {
    auto writer = SentenceIndex::OpenForWrite(tmp.path());
    ASSERT_OK(writer);
    for (const TestArticle& t :
         {MakeArticle("old", "S", {"Support was consistent."}, "2019-03-02"),
          MakeArticle("new", "S", {"Support is consistent."}, "2025-07-24")}) {
      ASSERT_OK((*writer)->AddArticle(t.article, t.sentences));
    }
    ASSERT_OK((*writer)->Commit());
  }
  {
    Xapian::Database db(tmp.path());
    EXPECT_EQ(db.get_metadata("parallax_schema"), "1");
    EXPECT_EQ(db.get_value_freq(0), 2u) << "schema 1 dates live in value slot 0";
    EXPECT_EQ(db.allterms_begin("XD"), db.allterms_end("XD"));
  }
  auto reader = IndexReader::Open(tmp.path());
  ASSERT_OK(reader);
  for (const auto& [from, to, want] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"2025", "", "new"}, {"", "2020", "old"}, {"2019-03", "2019-03-02", "old"}}) {
    SearchRequest request;
    request.query = "support";
    request.from_date = from;
    request.to_date = to;
    auto results = (*reader)->Search(request);
    ASSERT_OK(results);
    ASSERT_EQ(results->groups.size(), 1u) << from << ".." << to;
    ASSERT_EQ(results->groups[0].hits.size(), 1u) << from << ".." << to;
    EXPECT_EQ(results->groups[0].hits[0].article_id, want) << from << ".." << to;
  }
  EXPECT_OK((*reader)->CheckConsistency());
}

TEST(IndexErrorsTest, NewIndexesHaveSchemaTwoWithDateTermsAndNoValues) {
  TempDir tmp;
  {
    auto writer = SentenceIndex::OpenForWrite(tmp.path());
    ASSERT_OK(writer);
    TestArticle t = MakeArticle("a", "S", {"One.", "Two."}, "2025-07-24");
    ASSERT_OK((*writer)->AddArticle(t.article, t.sentences));
    ASSERT_OK((*writer)->Commit());
  }
  Xapian::Database db(tmp.path());
  EXPECT_EQ(db.get_metadata("parallax_schema"), std::to_string(kIndexSchemaVersion));
  EXPECT_EQ(db.get_termfreq("XD20250724"), 2u);
  EXPECT_EQ(db.get_value_freq(0), 0u);
}

TEST(IndexErrorsTest, DamagedVersionFileIsCorruption) {
  TempDir tmp;
  BuildIndex(tmp.path());
  WriteFile(tmp.Sub("iamglass"), std::string(64, '\x5a'));
  ExpectError(IndexReader::Open(tmp.path()).status(), Status::Code::kCorruption, tmp.path(), "");
  ExpectError(SentenceIndex::OpenForWrite(tmp.path()).status(), Status::Code::kCorruption,
              tmp.path(), "");
}

TEST(IndexErrorsTest, DamagedTablesAreCorruptionNotACrash) {
  TempDir tmp;
  BuildIndex(tmp.path());
  // Overwrite every table's blocks with garbage, keeping the sizes.
  for (const char* table : {"postlist.glass", "docdata.glass", "termlist.glass"}) {
    const std::string path = tmp.Sub(table);
    const auto size = std::filesystem::file_size(path);
    WriteFile(path, std::string(size, '\x7f'));
  }
  auto reader = IndexReader::Open(tmp.path());
  Status status = reader.status();
  if (reader.ok()) {
    SearchRequest request;
    request.query = "sentence";
    status = (*reader)->Search(request).status();
    if (status.ok()) status = (*reader)->CheckConsistency();
  }
  ExpectError(status, Status::Code::kCorruption, tmp.path(), "corrupt");
}

TEST(IndexErrorsTest, SecondWriterIsLocked) {
  TempDir tmp;
  auto first = SentenceIndex::OpenForWrite(tmp.path());
  ASSERT_OK(first);
  ExpectError(SentenceIndex::OpenForWrite(tmp.path()).status(), Status::Code::kLocked, tmp.path(),
              "index is locked by another process");
  EXPECT_OK(IndexReader::Open(tmp.path()));  // readers are never locked out
  first->reset();
  EXPECT_OK(SentenceIndex::OpenForWrite(tmp.path()));  // released on close
}

}  // namespace
}  // namespace parallax
