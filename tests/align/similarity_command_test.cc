// `parallax similarity --pairs`: one score per line, errors naming file:line.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace {

struct RunResult {
  int status = -1;
  std::string out;  // stdout and stderr
};

RunResult RunParallax(const std::string& args) {
  RunResult run;
  std::string cmd = std::string(PARALLAX_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  int rc = pclose(pipe);
  run.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return run;
}

std::string WriteTemp(const std::string& name, const std::string& contents) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

class SimilarityCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(PARALLAX_BINARY))
      GTEST_SKIP() << "parallax not built: " << PARALLAX_BINARY;
  }
};

TEST_F(SimilarityCommandTest, PrintsOneScorePerLineInOrder) {
  std::string path = WriteTemp("sim_pairs_ok.tsv",
                               "A man is playing a flute.\tA man plays the flute.\r\n"
                               "The cat sat on the mat.\tStocks fell sharply on Monday.\n"
                               "\tEmpty first sentence.\n");
  RunResult run = RunParallax("similarity --pairs " + path);
  ASSERT_EQ(run.status, 0) << run.out;
  std::istringstream lines(run.out);
  std::vector<double> scores;
  std::string line;
  while (std::getline(lines, line)) {
    ASSERT_EQ(line.size(), 8u) << line;  // 0.xxxxxx
    scores.push_back(std::stod(line));
  }
  ASSERT_EQ(scores.size(), 3u);
  for (double s : scores) {
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
  }
  EXPECT_GT(scores[0], scores[1]);
}

TEST_F(SimilarityCommandTest, LineWithoutExactlyOneTabIsAnErrorNamingIt) {
  for (const char* bad : {"no tab here\n", "one\ttwo\tthree\n", "\n"}) {
    std::string path = WriteTemp("sim_pairs_bad.tsv", std::string("first\tsecond\n") + bad);
    RunResult run = RunParallax("similarity --pairs " + path);
    EXPECT_EQ(run.status, 1) << run.out;
    EXPECT_NE(run.out.find(path + ":2: expected two tab-separated sentences"), std::string::npos)
        << run.out;
  }
}

TEST_F(SimilarityCommandTest, MissingFileAndFlagAreErrors) {
  EXPECT_EQ(RunParallax("similarity --pairs /nonexistent/pairs.tsv").status, 1);
  EXPECT_EQ(RunParallax("similarity").status, 2);
}

TEST_F(SimilarityCommandTest, FeaturesFlagPrintsHeaderAndOneRowPerPair) {
  std::string path = WriteTemp("sim_pairs_feat.tsv", "a b c\ta b d\nx y\tz\n");
  RunResult run = RunParallax("similarity --features --pairs " + path);
  ASSERT_EQ(run.status, 0) << run.out;
  EXPECT_EQ(run.out.rfind("align_all\t", 0), 0u) << run.out;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 3);
}

}  // namespace
