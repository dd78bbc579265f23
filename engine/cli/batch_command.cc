// parallax batch: many stories at once — articles grouped into stories, one report per story,
// an index page and a map of articles to stories.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "engine/base/data_dir.h"
#include "engine/base/digest.h"
#include "engine/base/file_io.h"
#include "engine/base/parallel_for.h"
#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/pipeline/analysis.h"
#include "engine/report/report.h"

namespace parallax::cli {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Progress on stderr: a bar redrawn in place on a terminal, a line per step otherwise.
class Progress {
 public:
  Progress(std::string what, size_t total)
      : what_(std::move(what)), total_(total), tty_(::isatty(2)) {}

  void Step(const std::string& item) {
    std::lock_guard<std::mutex> lock(mu_);
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
  std::mutex mu_;
};

// Writes `contents` unless the file already holds exactly that (a re-run redoes only what changed).
Status WriteIfChanged(const std::string& path, const std::string& contents) {
  StatusOr<std::string> old = ReadFile(path);
  if (old.ok() && *old == contents) return Status::Ok();
  return WriteFileAtomically(path, contents);
}

std::string StoryFileName(const std::string& story_id) { return "story-" + story_id + ".html"; }

}  // namespace

int RunBatch(const Args& args) {
  po::options_description options("options");
  options.add_options()("input", po::value<std::vector<std::string>>()->required(),
                        "manifests, article files, JSONL files or directories")(
      "output,o", po::value<std::string>()->required(),
      "folder for index.html, stories.json and the story reports")(
      "json", po::bool_switch(), "also write each story's report as JSON")(
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
  auto data_dir = FindDataDir(vm["data-dir"].as<std::string>());
  if (!data_dir.ok()) return Fail(data_dir.status());
  const std::string out_dir = vm["output"].as<std::string>();
  std::error_code ec;
  fs::create_directories(fs::path(out_dir) / "stories", ec);
  if (ec) return Fail(Status::IoError(out_dir + ": cannot create folder: " + ec.message()));

  AnalysisOptions analysis_options;
  analysis_options.data_dir = *data_dir;
  analysis_options.threads = ResolveThreads(vm["threads"].as<int>());
  analysis_options.group_stories = true;
  analysis_options.skip_bad_articles = true;
  analysis_options.allow_outside_paths = vm["allow-outside-paths"].as<bool>();
  std::cerr << "parallax: reading, marking and aligning the inputs\n";
  auto analysis = Analyze(vm["input"].as<std::vector<std::string>>(), analysis_options);
  if (!analysis.ok()) return Fail(analysis.status());
  for (const std::string& skipped : analysis->corpus.skipped)
    std::cerr << "parallax: skipped: " << skipped << "\n";
  StageTimes times = analysis->times;
  const bool print_times = vm["timings"].as<bool>();
  if (print_times) std::cerr << times.Format();  // now, in case a later stage fails
  const size_t printed = times.stages().size();
  StageClock clock;

  ReportOptions report_options;
  report_options.data_dir = *data_dir;
  if (vm["timestamp"].as<bool>()) {
    report_options.generated_at = "";  // filled below, once, so every page shows the same time
    std::time_t now = std::time(nullptr);
    char buf[32];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    report_options.generated_at = buf;
  }
  if (Status s = PrepareReportOptions(&report_options); !s.ok()) return Fail(s);
  const std::string templates = *data_dir + "/reports/templates";
  const auto& stories = analysis->alignment.stories;
  std::vector<BatchStory> index_stories(stories.size());
  std::vector<Status> errors(stories.size());
  Progress progress("stories", stories.size());
  ParallelFor(stories.size(), analysis_options.threads, [&](size_t i) {
    auto model = BuildReportModel(*analysis, StoryArticles(*analysis, i), report_options);
    if (!model.ok()) {
      errors[i] = model.status();
      return;
    }
    auto html = RenderHtml(*model, templates);
    if (!html.ok()) {
      errors[i] = html.status();
      return;
    }
    const std::string file = StoryFileName(stories[i].id);
    Status s = WriteIfChanged((fs::path(out_dir) / "stories" / file).string(), *html);
    if (s.ok() && vm["json"].as<bool>()) {
      s = WriteIfChanged(
          (fs::path(out_dir) / "stories" / (file.substr(0, file.size() - 5) + ".json")).string(),
          RenderJson(*model));
    }
    errors[i] = s;
    BatchStory& story = index_stories[i];
    story.id = stories[i].id;
    story.title = model->title;
    story.href = "stories/" + file;
    story.articles = static_cast<int>(model->articles.size());
    for (const ReportArticle& a : model->articles) {
      story.sentences += static_cast<int>(a.sentences.size());
      if (!a.date.empty() && (story.first_date.empty() || a.date < story.first_date))
        story.first_date = a.date;
      if (!a.date.empty() && a.date > story.last_date) story.last_date = a.date;
    }
    for (const std::string& source : model->sources) {
      BatchStorySource bs{source, 0};
      for (const ReportArticle& a : model->articles) bs.articles += a.source == source ? 1 : 0;
      story.sources.push_back(bs);
    }
    story.claims = static_cast<int>(model->claims.size());
    story.divergent_claims = MostDivergentClaims(*model, 3);
    progress.Step(story.id + " (" + std::to_string(story.articles) + " articles)");
  });
  for (const Status& s : errors) {
    if (!s.ok()) return Fail(s);
  }
  times.Add("stories", clock.Lap());  // model, render and write of every story, in parallel

  BatchIndexModel index;
  index.title = analysis->corpus.title.empty() ? "Parallax batch" : analysis->corpus.title;
  index.parallax_version = PARALLAX_VERSION;
  index.generated_at = report_options.generated_at;
  index.lexicon_digest = report_options.lexicon_digest.value_or("");
  index.rules_digest = report_options.rules_digest.value_or("");
  index.stories = index_stories;
  for (const std::string& skipped : analysis->corpus.skipped)
    index.failures.push_back({"", skipped});
  auto index_html = RenderBatchIndex(index, templates);
  if (!index_html.ok()) return Fail(index_html.status());
  if (Status s = WriteIfChanged((fs::path(out_dir) / "index.html").string(), *index_html); !s.ok())
    return Fail(s);

  Json map;
  map["schema_version"] = "1.0";
  Json story_list = Json::array();
  Json article_map = Json::object();
  for (size_t i = 0; i < stories.size(); ++i) {
    Json s;
    s["id"] = stories[i].id;
    s["title"] = index_stories[i].title;
    s["report"] = index_stories[i].href;
    Json ids = Json::array();
    for (uint32_t a : stories[i].articles) {
      ids.push_back(analysis->corpus.articles[a].id);
      article_map[analysis->corpus.articles[a].id] = stories[i].id;
    }
    s["articles"] = std::move(ids);
    story_list.push_back(std::move(s));
  }
  map["stories"] = std::move(story_list);
  map["articles"] = std::move(article_map);
  Json skipped = Json::array();
  for (const std::string& m : analysis->corpus.skipped) skipped.push_back(m);
  map["skipped"] = std::move(skipped);
  if (Status s = WriteIfChanged((fs::path(out_dir) / "stories.json").string(),
                                map.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
      !s.ok()) {
    return Fail(s);
  }
  times.Add("index", clock.Lap());
  std::cerr << "parallax: " << analysis->corpus.articles.size() << " articles in " << stories.size()
            << " stories; wrote " << (fs::path(out_dir) / "index.html").string() << "\n";
  if (print_times) {
    times.Add("total", total_clock.Lap());
    std::cerr << times.Format(printed);
  }
  return kExitOk;
}

}  // namespace parallax::cli
