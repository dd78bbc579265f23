#include "engine/pipeline/batch_job.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/base/file_io.h"
#include "tests/pipeline/source_tree_resources.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const std::string& path) {
  StatusOr<std::string> s = ReadFile(path);
  return s.ok() ? *s : "";
}

// Two stories labelled in the input, two outlets each, and a line that is not JSON.
std::string WriteFeed(const test::TempDir& dir) {
  const std::string path = dir.Sub("feed.jsonl");
  std::ofstream(path)
      << R"({"id": "a1", "source_domain": "fox", "story": "x", "date_publish": "2014-05-01", "maintext": "The senate passed the budget bill on Tuesday after a long debate. The vote was 60 to 40."})"
         "\n"
      << R"({"id": "a2", "source_domain": "nyt", "story": "x", "date_publish": "2014-05-02", "maintext": "The Senate approved the budget bill on Tuesday, 60 votes to 40, after a long debate."})"
         "\n"
      << R"({"id": "b1", "source_domain": "fox", "story": "y", "maintext": "A storm closed the port of Karachi for two days."})"
         "\n"
      << R"({"id": "b2", "source_domain": "nyt", "story": "y", "maintext": "Karachi's port was shut for two days by a storm."})"
         "\n"
      << "{broken\n";
  return path;
}

BatchJobOptions FeedJob(const test::TempDir& in, const test::TempDir& out) {
  BatchJobOptions job;
  job.inputs = {WriteFeed(in)};
  job.out_dir = out.Sub("batch");
  return job;
}

TEST(BatchJobTest, WritesAReportPerStoryTheIndexAndTheStoryMap) {
  test::TempDir in, out;
  BatchJobOptions job = FeedJob(in, out);
  std::vector<std::string> skipped, done;
  job.skipped = [&](const std::string& m) { skipped.push_back(m); };
  job.story_done = [&](const std::string& story, size_t total) {
    done.push_back(story);
    EXPECT_EQ(total, 2u);
  };
  auto summary = RunBatchJob(job, SourceTreeResources());
  ASSERT_OK(summary);
  EXPECT_EQ(summary->articles, 4u);
  EXPECT_EQ(summary->stories, 2u);
  EXPECT_EQ(done.size(), 2u);
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_NE(skipped[0].find("feed.jsonl:5"), std::string::npos) << skipped[0];
  EXPECT_EQ(summary->index_path, job.out_dir + "/index.html");
  EXPECT_NE(Slurp(summary->index_path).find("feed.jsonl:5"), std::string::npos)
      << "the index page lists the skipped line";

  auto map = nlohmann::json::parse(Slurp(job.out_dir + "/stories.json"));
  EXPECT_EQ(map["schema_version"], "1.0");
  ASSERT_EQ(map["stories"].size(), 2u);
  EXPECT_EQ(map["articles"]["a1"], map["articles"]["a2"]);
  EXPECT_EQ(map["articles"]["b1"], map["articles"]["b2"]);
  EXPECT_NE(map["articles"]["a1"], map["articles"]["b1"]);
  ASSERT_EQ(map["skipped"].size(), 1u);
  for (const auto& story : map["stories"]) {
    EXPECT_TRUE(fs::exists(job.out_dir + "/" + story["report"].get<std::string>()));
    EXPECT_EQ(story["articles"].size(), 2u);
  }
  EXPECT_FALSE(fs::exists(job.out_dir + "/stories/story-s1.json"));
}

TEST(BatchJobTest, WritesEachStorysJsonAndCsvWhenAsked) {
  test::TempDir in, out;
  BatchJobOptions job = FeedJob(in, out);
  job.json = job.csv = true;
  ASSERT_OK(RunBatchJob(job, SourceTreeResources()));
  for (const char* story : {"s1", "s2"}) {
    const std::string base = job.out_dir + "/stories/story-" + std::string(story);
    auto report = nlohmann::json::parse(Slurp(base + ".json"));
    EXPECT_EQ(report["articles"].size(), 2u) << story;
    EXPECT_FALSE(Slurp(base + ".csv").empty()) << story;
  }
}

// A re-run with the same inputs rewrites nothing; a story whose article changed is rewritten.
// Beside the index: every story's marks and claims, with a codebook beside each CSV; stories
// are titled by their own articles (issue 17: text without a title gave "Parallax report").
TEST(BatchJobTest, WritesEveryStorysMarksAndClaimsBesideTheIndex) {
  test::TempDir in, out;
  BatchJobOptions job = FeedJob(in, out);
  ASSERT_OK(RunBatchJob(job, SourceTreeResources()));
  const std::string marks = Slurp(job.out_dir + "/marks.csv");
  EXPECT_EQ(marks.rfind("story,article_id,source,date,url,title,", 0), 0u) << marks.substr(0, 80);
  EXPECT_NE(marks.find("\r\ns1,a2,nyt,2014-05-02,"), std::string::npos);
  EXPECT_NE(Slurp(job.out_dir + "/marks.codebook.md").find("| `cue_start` |"), std::string::npos);
  const std::string claims = Slurp(job.out_dir + "/claims.csv");
  EXPECT_EQ(claims.rfind("story,claim_id,outlets,", 0), 0u);
  EXPECT_FALSE(Slurp(job.out_dir + "/claims.codebook.md").empty());
  std::ifstream jsonl(job.out_dir + "/claims.jsonl");
  std::string line;
  std::set<std::string> stories;
  while (std::getline(jsonl, line)) {
    const auto claim = nlohmann::json::parse(line);
    stories.insert(claim["story"].get<std::string>());
    EXPECT_FALSE(claim["sentences"].empty());
  }
  EXPECT_EQ(stories, (std::set<std::string>{"s1", "s2"}));
  const auto map = nlohmann::json::parse(Slurp(job.out_dir + "/stories.json"));
  EXPECT_EQ(map["stories"][0]["title"],
            "The senate passed the budget bill on Tuesday after a long debate. The vote was 60 to "
            "40.");
  EXPECT_EQ(Slurp(job.out_dir + "/stories/story-s1.html").find("<title>Parallax report"),
            std::string::npos);
  EXPECT_NE(Slurp(job.out_dir + "/index.html").find("<a href=\"claims.jsonl\">"),
            std::string::npos);
}

TEST(BatchJobTest, ARerunRewritesOnlyWhatChanged) {
  test::TempDir in, out;
  BatchJobOptions job = FeedJob(in, out);
  ASSERT_OK(RunBatchJob(job, SourceTreeResources()));
  const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(24 * 365);
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(job.out_dir)) {
    if (!e.is_regular_file()) continue;
    fs::last_write_time(e.path(), long_ago);
    files.push_back(e.path());
  }
  // index.html, stories.json, marks.csv, claims.csv, their codebooks, claims.jsonl, two pages
  ASSERT_EQ(files.size(), 9u);
  ASSERT_OK(RunBatchJob(job, SourceTreeResources()));
  for (const fs::path& f : files) EXPECT_EQ(fs::last_write_time(f), long_ago) << f;

  std::string feed = Slurp(job.inputs[0]);
  feed.replace(feed.find("for two days."), 13, "for three days.");
  std::ofstream(job.inputs[0]) << feed;
  ASSERT_OK(RunBatchJob(job, SourceTreeResources()));
  EXPECT_EQ(fs::last_write_time(job.out_dir + "/stories/story-s1.html"), long_ago);
  EXPECT_NE(fs::last_write_time(job.out_dir + "/stories/story-s2.html"), long_ago);
  for (const auto& e : fs::recursive_directory_iterator(job.out_dir))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST(BatchJobTest, AnOutputFolderThatCannotBeMadeIsNamed) {
  test::TempDir in, out;
  BatchJobOptions job = FeedJob(in, out);
  std::ofstream(out.Sub("file")) << "x";
  job.out_dir = out.Sub("file") + "/batch";
  auto summary = RunBatchJob(job, SourceTreeResources());
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.status().message().find("file/batch"), std::string::npos)
      << summary.status().message();
}

}  // namespace
}  // namespace parallax
