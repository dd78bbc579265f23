#include "engine/base/file_io.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>

#include "tests/testutil.h"

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
  ASSERT_OK(WriteFileAtomically(path, "hello\n"));
  auto read = ReadFile(path);
  ASSERT_OK(read);
  EXPECT_EQ(*read, "hello\n");
}

TEST_F(FileIoTest, AtomicWriteReplacesAndLeavesNoTemporary) {
  std::string path = (dir_ / "report.html").string();
  ASSERT_OK(WriteFileAtomically(path, "old"));
  ASSERT_OK(WriteFileAtomically(path, "new"));
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
  ASSERT_OK(WriteFileAtomically(path, "old"));
  auto writer = AtomicFileWriter::Create(path);
  ASSERT_OK(writer);
  ASSERT_OK(writer->Append("<p>"));
  ASSERT_OK(writer->Append(""));
  ASSERT_OK(writer->Append("new</p>"));
  EXPECT_EQ(*ReadFile(path), "old");  // the old file stays until the commit
  ASSERT_OK(writer->Commit());
  EXPECT_EQ(*ReadFile(path), "<p>new</p>");
  EXPECT_EQ(CountFiles(dir_), 1);
  EXPECT_FALSE(writer->Commit().ok());  // a second commit is refused, not a crash
}

TEST_F(FileIoTest, WriterDroppedBeforeCommitKeepsTheOldFileAndNoTemporary) {
  std::string path = (dir_ / "report.html").string();
  ASSERT_OK(WriteFileAtomically(path, "old"));
  {
    auto writer = AtomicFileWriter::Create(path);
    ASSERT_OK(writer);
    ASSERT_OK(writer->Append("half a rep"));
    AtomicFileWriter moved = std::move(*writer);  // ownership of the temporary moves along
    ASSERT_OK(moved.Append("ort"));
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

// Reliability probe, defect 2: outputs went to "<path>.tmp-<pid>", opened without O_EXCL, so a
// symbolic link planted at that name made the writer overwrite the file it pointed to.
TEST_F(FileIoTest, Issue19PlantedSymlinkAtTheTemporaryNameIsNeverFollowed) {
  const std::string victim = (dir_ / "victim.txt").string();
  std::ofstream(victim) << "precious";
  const std::string out = (dir_ / "out.html").string();
  // The name the old writer would have used, and a guess at any pid-based name.
  fs::create_symlink(victim, out + ".tmp-" + std::to_string(::getpid()));
  ASSERT_OK(WriteFileAtomically(out, "report"));
  EXPECT_EQ(*ReadFile(victim), "precious");
  EXPECT_EQ(*ReadFile(out), "report");
  EXPECT_FALSE(fs::is_symlink(out));
}

TEST_F(FileIoTest, Issue19TemporaryNamesAreUnpredictableAndNew) {
  const std::string out = (dir_ / "out.html").string();
  std::set<std::string> names;
  std::vector<AtomicFileWriter> writers;
  for (int i = 0; i < 20; ++i) {
    auto w = AtomicFileWriter::Create(out);
    ASSERT_OK(w);
    writers.push_back(std::move(*w));
  }
  for (const auto& e : fs::directory_iterator(dir_)) names.insert(e.path().filename().string());
  // Twenty writers at once for the same path, in one process: twenty different new files, each
  // with 16 random hex digits after the pid.
  EXPECT_EQ(names.size(), 20u);
  const std::string prefix = "out.html.tmp-" + std::to_string(::getpid()) + "-";
  for (const std::string& n : names) {
    ASSERT_EQ(n.rfind(prefix, 0), 0u) << n;
    EXPECT_EQ(n.size(), prefix.size() + 16) << n;
  }
}

// Reliability probe, defect 6: a FIFO given as an input made every command wait forever in
// open(); it is refused at once.
TEST_F(FileIoTest, Issue19FifoIsRefusedWithoutWaitingForAWriter) {
  const std::string fifo = (dir_ / "a.txt").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto read = std::async(std::launch::async, [&] { return ReadFile(fifo); });
  ASSERT_EQ(read.wait_for(std::chrono::seconds(10)), std::future_status::ready)
      << "ReadFile waits for a writer on a FIFO";
  auto result = read.get();
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("a.txt: is not a regular file (it is a FIFO"),
            std::string::npos)
      << result.status().message();
  auto dev = ReadFile("/dev/null");
  ASSERT_FALSE(dev.ok());
  EXPECT_NE(dev.status().message().find("character device"), std::string::npos);
}

// Reliability probe, defect 3: outputs that collide with each other or with an input, or that
// exist as something other than a regular file, are refused before any work.
TEST_F(FileIoTest, Issue19OutputPathsThatWouldDestroyDataAreRefused) {
  const std::string a = (dir_ / "a.txt").string();
  std::ofstream(a) << "article";
  const std::string html = (dir_ / "r.html").string();
  struct Case {
    std::vector<NamedPath> outputs;
    std::vector<std::string> inputs;
    std::string message;  // "" : accepted
  };
  const Case cases[] = {
      {{{"-o", html}, {"--json", (dir_ / "r.json").string()}}, {a}, ""},
      {{{"-o", html}, {"--json", html}}, {a}, "-o and --json both name"},
      {{{"-o", html}, {"--csv", (dir_ / "." / "r.html").string()}}, {a}, "-o and --csv both name"},
      {{{"-o", a}}, {a}, "-o " + a + " is also an input"},
      {{{"-o", (dir_ / "sub" / ".." / "a.txt").string()}}, {a}, "is also an input"},
      {{{"-o", "/dev/null"}}, {a}, "-o /dev/null: exists and is not a regular file"},
      {{{"--csv", dir_.string()}}, {a}, "exists and is a folder"},
  };
  fs::create_directories(dir_ / "sub");
  for (const Case& c : cases) {
    Status s = CheckOutputPaths(c.outputs, c.inputs);
    if (c.message.empty()) {
      EXPECT_OK(s);
    } else {
      EXPECT_FALSE(s.ok()) << c.message;
      EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
    }
  }
  // A hard link to an input is the same file under another name.
  fs::create_hard_link(a, dir_ / "link.txt");
  Status s = CheckOutputPaths({{"-o", (dir_ / "link.txt").string()}}, {a});
  EXPECT_NE(s.message().find("is also an input"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace parallax
