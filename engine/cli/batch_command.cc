// parallax batch: many stories at once — articles grouped into stories, one report per story,
// an index page and a map of articles to stories.
#include <unistd.h>

#include <iostream>
#include <optional>

#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/pipeline/batch_job.h"

namespace parallax::cli {
namespace {

// Progress on stderr: a bar redrawn in place on a terminal, a line per step otherwise. The
// batch job reports one story at a time.
class Progress {
 public:
  Progress(std::string what, size_t total)
      : what_(std::move(what)), total_(total), tty_(::isatty(2)) {}

  void Step(const std::string& item) {
    ++done_;
    if (tty_) {
      const size_t width = 30;
      size_t filled = total_ == 0 ? width : done_ * width / total_;
      std::cerr << "\r" << what_ << " [" << std::string(filled, '#')
                << std::string(width - filled, ' ') << "] " << done_ << "/" << total_ << std::flush;
      if (done_ == total_) std::cerr << "\n";
    } else {
      std::cerr << "parallax: " << what_ << " " << done_ << "/" << total_ << ": " << item << "\n";
    }
  }

 private:
  std::string what_;
  size_t total_;
  bool tty_;
  size_t done_ = 0;
};

}  // namespace

int RunBatch(const Args& args) {
  po::options_description options("options");
  options.add_options()("input", po::value<std::vector<std::string>>()->required(),
                        "manifests, article files, JSONL files or directories")(
      "output,o", po::value<std::string>()->required(),
      "folder for index.html, stories.json and the story reports")(
      "json", po::bool_switch(), "also write each story's report as JSON")(
      "csv", po::bool_switch(), "also write each story's marks as CSV (one row per mark)")(
      "timestamp", po::bool_switch(), "record the time of the run in the reports")(
      "threads", po::value<int>()->default_value(0), "worker threads (0: one per core)")(
      "timings", po::bool_switch(), "print the wall time of each stage to stderr");
  AddAllowOutsidePathsOption(&options);
  po::variables_map vm;
  if (auto exit = ParseCommandLine(
          "batch", "INPUT... -o OUTDIR",
          "Groups the articles of the inputs into stories (same event), writes one report per "
          "story,\n"
          "an index.html listing the stories with their most divergent claims, and stories.json\n"
          "mapping each article to its story. An article that cannot be read is reported and "
          "skipped.",
          options, "input", args, &vm)) {
    return *exit;
  }
  if (auto exit = CheckThreads("batch", vm)) return *exit;
  StageClock total_clock;
  auto resources = LoadCommandResources(vm);
  if (!resources.ok()) return Fail(resources.status());
  BatchJobOptions job;
  job.inputs = vm["input"].as<std::vector<std::string>>();
  job.out_dir = vm["output"].as<std::string>();
  job.json = vm["json"].as<bool>();
  job.csv = vm["csv"].as<bool>();
  if (vm["timestamp"].as<bool>()) job.generated_at = UtcNow();
  job.threads = vm["threads"].as<int>();
  job.allow_outside_paths = vm["allow-outside-paths"].as<bool>();
  job.skipped = [](const std::string& m) { std::cerr << "parallax: skipped: " << m << "\n"; };
  std::optional<Progress> progress;
  job.story_done = [&](const std::string& story, size_t total) {
    if (!progress) progress.emplace("stories", total);
    progress->Step(story);
  };
  std::cerr << "parallax: reading, marking and aligning the inputs\n";
  auto summary = RunBatchJob(job, *resources);
  if (!summary.ok()) return Fail(summary.status());
  std::cerr << "parallax: " << summary->articles << " articles in " << summary->stories
            << " stories; wrote " << summary->index_path << "\n";
  if (vm["timings"].as<bool>()) {
    StageTimes times = resources->times;
    times.Append(summary->times);
    times.Add("total", total_clock.Lap());
    std::cerr << times.Format();
  }
  return kExitOk;
}

}  // namespace parallax::cli
