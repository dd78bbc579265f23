// parallax report: the main job — one HTML report (plus JSON/CSV) comparing the inputs' sources.
#include <chrono>
#include <ctime>
#include <iostream>

#include "engine/base/data_dir.h"
#include "engine/base/file_io.h"
#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/pipeline/analysis.h"
#include "engine/pipeline/indexing.h"
#include "engine/report/report.h"

namespace parallax::cli {
namespace {

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

int RunReport(const Args& args) {
  po::options_description options("options");
  options.add_options()("input", po::value<std::vector<std::string>>()->required(),
                        "manifest (.yaml), article files (.txt, .html, .json), JSONL files or directories")(
      "output,o", po::value<std::string>()->required(), "the HTML report to write")(
      "json", po::value<std::string>()->default_value(""), "also write the report as JSON here")(
      "csv", po::value<std::string>()->default_value(""), "also write one CSV row per mark here")(
      "title", po::value<std::string>()->default_value(""), "report title (default: the manifest's)")(
      "timestamp", po::bool_switch(), "record the time of the run (reports are otherwise byte-identical)")(
      "threads", po::value<int>()->default_value(0), "worker threads (0: one per core)")(
      "timings", po::bool_switch(), "print the wall time of each stage to stderr")(
      "index", po::value<std::string>()->default_value(""),
      "also add the articles to this lasting sentence index (created if missing)");
  po::variables_map vm;
  if (auto exit = ParseCommandLine(
          "report", "INPUT... -o REPORT.html [--json OUT.json] [--csv OUT.csv] [--index DIR]",
          "Compares how the sources of the inputs report the same events: aligns their claims, marks\n"
          "hedging, attribution and loaded language, and writes a self-contained HTML report.",
          options, "input", args, &vm)) {
    return *exit;
  }
  StageClock total_clock;
  auto data_dir = FindDataDir(vm["data-dir"].as<std::string>());
  if (!data_dir.ok()) return Fail(data_dir.status());

  // Open the index first, so that a locked or foreign index fails before the work is done.
  std::unique_ptr<SentenceIndex> index;
  if (const std::string& dir = vm["index"].as<std::string>(); !dir.empty()) {
    auto opened = SentenceIndex::OpenForWrite(dir);
    if (!opened.ok()) return Fail(opened.status());
    index = std::move(*opened);
  }

  AnalysisOptions analysis_options;
  analysis_options.data_dir = *data_dir;
  analysis_options.threads = vm["threads"].as<int>();
  auto analysis = Analyze(vm["input"].as<std::vector<std::string>>(), analysis_options);
  if (!analysis.ok()) return Fail(analysis.status());
  for (const Article& a : analysis->corpus.articles) {
    for (const std::string& w : a.warnings) std::cerr << "parallax: warning: " << w << "\n";
  }

  if (index != nullptr) {
    if (Status s = AddCorpusToIndex(analysis->corpus, *data_dir, index.get()); !s.ok()) return Fail(s);
  }

  ReportOptions report_options;
  report_options.data_dir = *data_dir;
  report_options.title = vm["title"].as<std::string>();
  if (vm["timestamp"].as<bool>()) report_options.generated_at = UtcNow();
  StageTimes times = analysis->times;
  StageClock clock;
  auto model = BuildReportModel(*analysis, StoryArticles(*analysis, 0), report_options);
  if (!model.ok()) return Fail(model.status());
  times.Add("model", clock.Lap());
  auto html = RenderHtml(*model, *data_dir + "/reports/templates");
  if (!html.ok()) return Fail(html.status());
  times.Add("render.html", clock.Lap());

  // Every output is written to a temporary file and renamed into place: a failed run never
  // leaves a half-written report.
  const std::string output = vm["output"].as<std::string>();
  if (Status s = WriteFileAtomically(output, *html); !s.ok()) return Fail(s);
  times.Add("write", clock.Lap());
  if (const std::string& json = vm["json"].as<std::string>(); !json.empty()) {
    const std::string text = RenderJson(*model);
    times.Add("render.json", clock.Lap());
    if (Status s = WriteFileAtomically(json, text); !s.ok()) return Fail(s);
    times.Add("write", clock.Lap());
  }
  if (const std::string& csv = vm["csv"].as<std::string>(); !csv.empty()) {
    const std::string text = RenderMarksCsv(*model);
    times.Add("render.csv", clock.Lap());
    if (Status s = WriteFileAtomically(csv, text); !s.ok()) return Fail(s);
    times.Add("write", clock.Lap());
  }
  size_t shared = 0;
  for (const ReportClaim& c : model->claims) {
    std::vector<std::string> sources;
    for (const SentenceRef& r : c.sentences) {
      const std::string& s = model->articles[r.article].source;
      if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(s);
    }
    if (sources.size() > 1) ++shared;
  }
  std::cerr << "parallax: " << model->articles.size() << " articles from " << model->sources.size()
            << " sources, " << model->claims.size() << " claims (" << shared << " shared by several sources); wrote "
            << output << "\n";
  if (vm["timings"].as<bool>()) {
    times.Add("total", total_clock.Lap());
    std::cerr << times.Format();
  }
  return kExitOk;
}

}  // namespace parallax::cli
