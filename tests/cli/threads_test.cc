// `--threads` changes how fast a report is made, never what it says: the outputs of `report`
// and `batch` with one worker thread are byte-identical to those with two or three.
//
// Corpora: the bundled seeds (two articles); a dozen articles of four sources made from the
// seeds' paragraphs (always available, enough articles for the work to be split between
// threads); and, when the evaluation data is present, 30 BASIL articles (10 events x 3 outlets).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace parallax {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `parallax ARGS` with stdout and stderr sent to `log`; returns the exit status.
int RunParallax(const std::string& args, const fs::path& log) {
  const std::string cmd = std::string(PARALLAX_BINARY) + " " + args + " >" + log.string() + " 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every regular file under `dir`, by relative path, with its bytes.
std::vector<std::pair<std::string, std::string>> Files(const fs::path& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files.emplace_back(fs::relative(entry.path(), dir).string(), Slurp(entry.path()));
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class ThreadsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("parallax_threads_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `records` (JSON objects) as a JSONL file; returns its path.
  std::string WriteJsonl(const std::string& name, const std::vector<nlohmann::json>& records) {
    const fs::path path = dir_ / name;
    std::ofstream out(path, std::ios::binary);
    for (const nlohmann::json& r : records) out << r.dump() << "\n";
    return path.string();
  }

  // Runs `report` on `input` with each thread count and expects identical HTML, JSON and CSV.
  void ExpectReportIndependentOfThreads(const std::string& input) {
    std::string first_html, first_json, first_csv;
    for (int threads : {1, 2, 3}) {
      const fs::path out = dir_ / ("report-" + std::to_string(threads));
      fs::create_directories(out);
      ASSERT_EQ(RunParallax("report " + input + " -o " + (out / "r.html").string() + " --json " +
                                (out / "r.json").string() + " --csv " + (out / "r.csv").string() +
                                " --threads " + std::to_string(threads),
                            out / "log"),
                0)
          << Slurp(out / "log");
      const std::string html = Slurp(out / "r.html"), json = Slurp(out / "r.json"),
                        csv = Slurp(out / "r.csv");
      ASSERT_FALSE(json.empty());
      if (threads == 1) {
        first_html = html, first_json = json, first_csv = csv;
        continue;
      }
      EXPECT_TRUE(json == first_json) << "JSON differs with --threads " << threads;
      EXPECT_TRUE(html == first_html) << "HTML differs with --threads " << threads;
      EXPECT_TRUE(csv == first_csv) << "CSV differs with --threads " << threads;
    }
  }

  // Runs `batch --json` on `input` with one and two threads and expects identical folders.
  void ExpectBatchIndependentOfThreads(const std::string& input) {
    std::vector<std::pair<std::string, std::string>> first;
    for (int threads : {1, 2}) {
      const fs::path out = dir_ / ("batch-" + std::to_string(threads));
      ASSERT_EQ(RunParallax("batch " + input + " -o " + out.string() + " --json --threads " +
                                std::to_string(threads),
                            dir_ / "batch.log"),
                0)
          << Slurp(dir_ / "batch.log");
      const auto files = Files(out);
      ASSERT_FALSE(files.empty());
      if (threads == 1) {
        first = files;
        continue;
      }
      ASSERT_EQ(files.size(), first.size());
      for (size_t i = 0; i < files.size(); ++i) {
        EXPECT_EQ(files[i].first, first[i].first);
        EXPECT_TRUE(files[i].second == first[i].second)
            << files[i].first << " differs with --threads 2";
      }
    }
  }

  fs::path dir_;
};

const std::string kSeeds = std::string(PARALLAX_SOURCE_DIR) + "/examples/seeds/";

// Twelve articles of four sources, each the seeds' paragraphs in a different rotation.
std::vector<nlohmann::json> RotatedSeedArticles() {
  std::vector<std::string> paragraphs;
  for (const char* name : {"firstpost-column.txt", "news-site-report.txt"}) {
    std::istringstream in(Slurp(kSeeds + name));
    std::string line, paragraph;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) {
        if (!paragraph.empty()) paragraphs.push_back(paragraph);
        paragraph.clear();
      } else {
        paragraph += (paragraph.empty() ? "" : " ") + line;
      }
    }
    if (!paragraph.empty()) paragraphs.push_back(paragraph);
  }
  std::vector<nlohmann::json> records;
  for (size_t i = 0; i < 12 && !paragraphs.empty(); ++i) {
    std::string text;
    for (size_t k = 0; k < paragraphs.size(); k += 1 + i % 3) {
      text += (text.empty() ? "" : "\n\n") + paragraphs[(k + i) % paragraphs.size()];
    }
    records.push_back({{"id", "rotated-" + std::to_string(i)},
                       {"source_domain", "source-" + std::to_string(i % 4)},
                       {"title", "Rotation " + std::to_string(i)},
                       {"date_publish", "2025-08-0" + std::to_string(1 + i % 9)},
                       {"maintext", text}});
  }
  return records;
}

TEST_F(ThreadsTest, SeedsReportIsIdenticalForOneTwoAndThreeThreads) {
  ExpectReportIndependentOfThreads(kSeeds + "corpus.yaml");
}

TEST_F(ThreadsTest, ManyArticleReportIsIdenticalForOneTwoAndThreeThreads) {
  const std::vector<nlohmann::json> records = RotatedSeedArticles();
  ASSERT_EQ(records.size(), 12u);
  ExpectReportIndependentOfThreads(WriteJsonl("rotated.jsonl", records));
}

TEST_F(ThreadsTest, BatchOutputsAreIdenticalForOneAndTwoThreads) {
  ExpectBatchIndependentOfThreads(WriteJsonl("rotated.jsonl", RotatedSeedArticles()));
}

// 30 BASIL articles (the first 10 events, 3 outlets each) as news-crawler JSONL.
std::vector<nlohmann::json> BasilArticles() {
  std::vector<fs::path> paths;
  const fs::path root = fs::path(PARALLAX_SHARED_DIR) / "eval" / "basil" / "articles";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return {};
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<nlohmann::json> records;
  for (const fs::path& path : paths) {
    if (records.size() == 30) break;
    nlohmann::json a = nlohmann::json::parse(Slurp(path), nullptr, /*allow_exceptions=*/false);
    if (a.is_discarded() || !a.is_object()) continue;
    std::string text;
    for (const auto& paragraph : a.value("body-paragraphs", nlohmann::json::array())) {
      std::string joined;
      for (const auto& sentence : paragraph) {
        if (sentence.is_string())
          joined += (joined.empty() ? "" : " ") + sentence.get<std::string>();
      }
      if (!joined.empty()) text += (text.empty() ? "" : "\n\n") + joined;
    }
    if (text.empty()) continue;
    records.push_back({{"id", path.stem().string()},
                       {"source_domain", a.value("source", "")},
                       {"title", a.value("title", "")},
                       {"date_publish", a.value("date", "")},
                       {"maintext", text}});
  }
  return records;
}

TEST_F(ThreadsTest, BasilReportAndBatchAreIdenticalForOneAndTwoThreads) {
  const std::vector<nlohmann::json> records = BasilArticles();
  if (records.empty())
    GTEST_SKIP() << "BASIL not found under " << PARALLAX_SHARED_DIR << "/eval/basil";
  const std::string input = WriteJsonl("basil.jsonl", records);
  ExpectReportIndependentOfThreads(input);
  ExpectBatchIndependentOfThreads(input);
}

}  // namespace
}  // namespace parallax
