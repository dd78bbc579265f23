// A writer killed with SIGKILL at an arbitrary point leaves an index that opens, holds only
// whole articles, keeps everything committed before, and accepts a new writer.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/index/sentence_index.h"
#include "index_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::MakeArticle;
using testing_util::TempDir;
using testing_util::TestArticle;

// Child: adds articles of `sentences` sentences forever (ids cycle, so later rounds replace
// earlier articles), commits every `per_commit` articles and reports each commit on `fd`.
[[noreturn]] void WriteUntilKilled(const std::string& dir, int fd, int round, int per_commit) {
  IndexOptions options;
  options.commit_every_sentences = 0;
  auto writer = SentenceIndex::OpenForWrite(dir, options);
  if (!writer.ok()) _exit(3);
  for (int n = 0;; ++n) {
    std::vector<std::string> sentences;
    const int count = 5 + (n * 7 + round) % 20;  // articles of different lengths
    for (int i = 0; i < count; ++i) {
      sentences.push_back("Round " + std::to_string(round) + " article " + std::to_string(n) +
                          " sentence " + std::to_string(i) + " about security talks and support.");
    }
    TestArticle t =
        MakeArticle("art" + std::to_string(n % 97), "Source" + std::to_string(n % 5), sentences);
    if (!(*writer)->AddArticle(t.article, t.sentences).ok()) _exit(4);
    if ((n + 1) % per_commit == 0) {
      if (!(*writer)->Commit().ok()) _exit(5);
      const char byte = 'c';
      if (write(fd, &byte, 1) != 1) _exit(6);
    }
  }
}

TEST(CrashTest, KilledWriterLeavesWholeCommittedArticles) {
  TempDir tmp;
  const std::string dir = tmp.Sub("index");
  uint64_t committed_before = 0;
  for (int round = 0; round < 6; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      WriteUntilKilled(dir, fds[1], round, 1 + round % 3);
    }
    close(fds[1]);
    // Wait for a few commits, then kill: the child is somewhere inside adding or committing.
    const int wait_commits = 2 + round * 3;
    char byte;
    int seen = 0;
    while (seen < wait_commits && read(fds[0], &byte, 1) == 1) ++seen;
    if (round % 2 == 1) usleep(1000 * round);  // vary the moment within the next article
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    close(fds[0]);
    ASSERT_EQ(seen, wait_commits) << "child exited early with status " << status;

    auto reader = IndexReader::Open(dir);
    ASSERT_OK(reader);
    Status consistent = (*reader)->CheckConsistency();
    EXPECT_OK(consistent) << "round " << round << ": " << consistent.message();
    auto stats = (*reader)->Stats();
    ASSERT_OK(stats);
    EXPECT_GT(stats->sentences, 0u);
    EXPECT_GE(stats->articles, std::min<uint64_t>(97, committed_before)) << "round " << round;
    committed_before = stats->articles;
    // The lock died with the writer.
    auto writer = SentenceIndex::OpenForWrite(dir);
    EXPECT_OK(writer);
  }
}

}  // namespace
}  // namespace parallax
