#include "engine/pipeline/report_job.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "engine/base/file_io.h"
#include "tests/pipeline/source_tree_resources.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

const std::string kSeeds = std::string(PARALLAX_SOURCE_DIR) + "/examples/seeds/corpus.yaml";

std::string Slurp(const std::string& path) {
  StatusOr<std::string> s = ReadFile(path);
  return s.ok() ? *s : "";
}

ReportJobOptions SeedsJob(const test::TempDir& dir) {
  ReportJobOptions job;
  job.inputs = {kSeeds};
  job.outputs = {dir.Sub("r.html"), dir.Sub("r.json"), dir.Sub("r.csv")};
  return job;
}

// No temporary file is left beside the outputs.
void ExpectNoTemporaries(const test::TempDir& dir) {
  for (const auto& e : fs::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST(ReportJobTest, WritesHtmlJsonAndCsvAndCountsTheClaims) {
  test::TempDir dir;
  auto summary = RunReportJob(SeedsJob(dir), SourceTreeResources());
  ASSERT_OK(summary);
  EXPECT_EQ(summary->articles, 2u);
  EXPECT_EQ(summary->sources, 2u);
  EXPECT_GT(summary->claims, summary->shared_claims);
  EXPECT_GE(summary->shared_claims, 1u);
  EXPECT_NE(Slurp(dir.Sub("r.html")).find("<html"), std::string::npos);
  auto json = nlohmann::json::parse(Slurp(dir.Sub("r.json")));
  EXPECT_EQ(json["articles"].size(), 2u);
  EXPECT_NE(Slurp(dir.Sub("r.csv")).find("according to"), std::string::npos);
  ExpectNoTemporaries(dir);
}

// The JSON and CSV render on a second thread when there are several: the bytes are the same.
TEST(ReportJobTest, OutputsDoNotDependOnTheThreadCount) {
  test::TempDir one, three;
  ReportJobOptions a = SeedsJob(one), b = SeedsJob(three);
  a.threads = 1;
  b.threads = 3;
  ASSERT_OK(RunReportJob(a, SourceTreeResources()));
  ASSERT_OK(RunReportJob(b, SourceTreeResources()));
  for (const char* name : {"r.html", "r.json", "r.csv"})
    EXPECT_EQ(Slurp(one.Sub(name)), Slurp(three.Sub(name))) << name;
}

TEST(ReportJobTest, ARefusalOfTheArticlesStopsTheJobBeforeAnythingIsWritten) {
  test::TempDir dir;
  ReportJobOptions job = SeedsJob(dir);
  size_t seen = 0;
  job.check_articles = [&](const Corpus& corpus) {
    seen = corpus.articles.size();
    return Status::InvalidInput("-o would overwrite an article");
  };
  auto summary = RunReportJob(job, SourceTreeResources());
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().message(), "-o would overwrite an article");
  EXPECT_EQ(seen, 2u);
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(ReportJobTest, AnUnreadableInputIsNamedAndNothingIsWritten) {
  test::TempDir dir;
  ReportJobOptions job = SeedsJob(dir);
  job.inputs = {dir.Sub("missing.txt")};
  auto summary = RunReportJob(job, SourceTreeResources());
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.status().message().find("missing.txt"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(ReportJobTest, AddsTheArticlesToTheIndexWhenGivenOne) {
  test::TempDir dir;
  auto index = SentenceIndex::OpenForWrite(dir.Sub("index"));
  ASSERT_OK(index);
  ReportJobOptions job = SeedsJob(dir);
  job.index = index->get();
  ASSERT_OK(RunReportJob(job, SourceTreeResources()));
  EXPECT_EQ((*index)->sentence_count(), 67u);  // the seeds' sentences
}

// A failed rendering (here: no templates) commits nothing: the outputs of an earlier run stay
// as they were, whole, and no temporary file is left.
TEST(WriteReportTest, AFailedRenderingLeavesTheEarlierOutputs) {
  test::TempDir dir;
  ASSERT_OK(RunReportJob(SeedsJob(dir), SourceTreeResources()));
  const std::string json = Slurp(dir.Sub("r.json"));
  ReportModel model;
  model.title = "changed";
  Status s = WriteReport(model, {dir.Sub("r.html"), dir.Sub("r.json"), ""}, dir.Sub("no-templates"),
                         WriteReportOptions());
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Slurp(dir.Sub("r.json")), json);
  ExpectNoTemporaries(dir);
}

TEST(WriteReportTest, KeepUnchangedLeavesAnIdenticalFileUntouched) {
  test::TempDir dir;
  ReportModel model;
  model.title = "A";
  WriteReportOptions options;
  options.keep_unchanged = true;
  const ReportOutputs outputs{"", dir.Sub("r.json"), ""};
  const std::string templates = SourceTreeResources().templates_dir;
  ASSERT_OK(WriteReport(model, outputs, templates, options));
  const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(24 * 365);
  fs::last_write_time(dir.Sub("r.json"), long_ago);
  ASSERT_OK(WriteReport(model, outputs, templates, options));
  EXPECT_EQ(fs::last_write_time(dir.Sub("r.json")), long_ago) << "rewritten though unchanged";
  model.title = "B";
  ASSERT_OK(WriteReport(model, outputs, templates, options));
  EXPECT_NE(fs::last_write_time(dir.Sub("r.json")), long_ago) << "a change was not written";
  EXPECT_NE(Slurp(dir.Sub("r.json")).find("\"B\""), std::string::npos);
  ExpectNoTemporaries(dir);
}

TEST(WriteReportTest, RecordsTheTimeOfEachRendering) {
  test::TempDir dir;
  ReportModel model;
  StageTimes times;
  ASSERT_OK(WriteReport(model, {dir.Sub("r.html"), dir.Sub("r.json"), dir.Sub("r.csv")},
                        SourceTreeResources().templates_dir, WriteReportOptions(), &times));
  std::vector<std::string> names;
  for (const StageTimes::Stage& stage : times.stages()) names.push_back(stage.name);
  for (const char* name : {"render.html", "render.json", "render.csv", "write"})
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
}

}  // namespace
}  // namespace parallax
