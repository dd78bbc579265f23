#include "engine/base/file_io.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace parallax {
namespace {

namespace fs = std::filesystem;

class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("parallax_file_io_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FileIoTest, WritesAndReadsBack) {
  std::string path = (dir_ / "a.txt").string();
  ASSERT_TRUE(WriteFileAtomically(path, "hello\n").ok());
  auto read = ReadFile(path);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, "hello\n");
}

TEST_F(FileIoTest, AtomicWriteReplacesAndLeavesNoTemporary) {
  std::string path = (dir_ / "report.html").string();
  ASSERT_TRUE(WriteFileAtomically(path, "old").ok());
  ASSERT_TRUE(WriteFileAtomically(path, "new").ok());
  EXPECT_EQ(*ReadFile(path), "new");
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1);
}

int CountFiles(const fs::path& dir) {
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  return files;
}

TEST_F(FileIoTest, WriterInPartsShowsNothingUntilCommit) {
  std::string path = (dir_ / "big.html").string();
  ASSERT_TRUE(WriteFileAtomically(path, "old").ok());
  auto writer = AtomicFileWriter::Create(path);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE(writer->Append("<p>").ok());
  ASSERT_TRUE(writer->Append("").ok());
  ASSERT_TRUE(writer->Append("new</p>").ok());
  EXPECT_EQ(*ReadFile(path), "old");  // the old file stays until the commit
  ASSERT_TRUE(writer->Commit().ok());
  EXPECT_EQ(*ReadFile(path), "<p>new</p>");
  EXPECT_EQ(CountFiles(dir_), 1);
  EXPECT_FALSE(writer->Commit().ok());  // a second commit is refused, not a crash
}

TEST_F(FileIoTest, WriterDroppedBeforeCommitKeepsTheOldFileAndNoTemporary) {
  std::string path = (dir_ / "report.html").string();
  ASSERT_TRUE(WriteFileAtomically(path, "old").ok());
  {
    auto writer = AtomicFileWriter::Create(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer->Append("half a rep").ok());
    AtomicFileWriter moved = std::move(*writer);  // ownership of the temporary moves along
    ASSERT_TRUE(moved.Append("ort").ok());
  }
  EXPECT_EQ(*ReadFile(path), "old");
  EXPECT_EQ(CountFiles(dir_), 1);
}

TEST_F(FileIoTest, WriterIntoMissingDirectoryFailsNamingThePath) {
  std::string path = (dir_ / "no" / "such" / "r.html").string();
  auto writer = AtomicFileWriter::Create(path);
  ASSERT_FALSE(writer.ok());
  EXPECT_NE(writer.status().message().find(path), std::string::npos);
}

TEST_F(FileIoTest, MissingFileIsNotFoundAndNamesThePath) {
  std::string path = (dir_ / "nope.txt").string();
  auto read = ReadFile(path);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), Status::Code::kNotFound);
  EXPECT_NE(read.status().message().find(path), std::string::npos);
}

TEST_F(FileIoTest, DirectoryIsRefused) {
  auto read = ReadFile(dir_.string());
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find("is a directory"), std::string::npos);
}

TEST_F(FileIoTest, WriteIntoMissingDirectoryFailsCleanly) {
  Status s = WriteFileAtomically((dir_ / "no" / "such" / "dir.html").string(), "x");
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace parallax
