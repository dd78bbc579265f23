// parallax report: the main job — one HTML report (plus JSON/CSV) comparing the inputs' sources.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>
#include <thread>

#include "engine/base/data_dir.h"
#include "engine/base/file_io.h"
#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/pipeline/analysis.h"
#include "engine/pipeline/indexing.h"
#include "engine/report/report.h"

namespace parallax::cli {
namespace {

// The files the articles were read from (a JSONL record's origin "feed.jsonl:12" names its file
// "feed.jsonl").
std::vector<std::string> ArticleFiles(const Corpus& corpus) {
  std::vector<std::string> files;
  for (const Article& a : corpus.articles) {
    std::string file = a.origin;
    if (a.format == "jsonl" || !std::filesystem::exists(file)) {
      const size_t colon = file.rfind(':');
      if (colon != std::string::npos &&
          file.find_first_not_of("0123456789", colon + 1) == std::string::npos)
        file.resize(colon);
    }
    if (files.empty() || files.back() != file) files.push_back(std::move(file));
  }
  return files;
}

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
  options.add_options()(
      "input", po::value<std::vector<std::string>>()->required(),
      "manifest (.yaml), article files (.txt, .html, .json), JSONL files or directories")(
      "output,o", po::value<std::string>()->required(), "the HTML report to write")(
      "json", po::value<std::string>()->default_value(""), "also write the report as JSON here")(
      "csv", po::value<std::string>()->default_value(""), "also write one CSV row per mark here")(
      "title", po::value<std::string>()->default_value(""),
      "report title (default: the manifest's)")(
      "timestamp", po::bool_switch(),
      "record the time of the run (reports are otherwise byte-identical)")(
      "threads", po::value<int>()->default_value(0), "worker threads (0: one per core)")(
      "timings", po::bool_switch(), "print the wall time of each stage to stderr")(
      "index", po::value<std::string>()->default_value(""),
      "also add the articles to this lasting sentence index (created if missing)");
  AddAllowOutsidePathsOption(&options);
  po::variables_map vm;
  if (auto exit = ParseCommandLine(
          "report", "INPUT... -o REPORT.html [--json OUT.json] [--csv OUT.csv] [--index DIR]",
          "Compares how the sources of the inputs report the same events: aligns their claims, "
          "marks\n"
          "hedging, attribution and loaded language, and writes a self-contained HTML report.",
          options, "input", args, &vm)) {
    return *exit;
  }
  if (auto exit = CheckThreads("report", vm)) return *exit;
  const std::vector<std::string>& inputs = vm["input"].as<std::vector<std::string>>();
  // Outputs that would destroy data (each other, an input, a device) are refused before the
  // work; the articles a manifest or folder names are checked again once they are known.
  std::vector<NamedPath> outputs = {{"-o", vm["output"].as<std::string>()}};
  for (const char* option : {"json", "csv"}) {
    if (const std::string& path = vm[option].as<std::string>(); !path.empty())
      outputs.push_back({std::string("--") + option, path});
  }
  if (Status s = CheckOutputPaths(outputs, inputs); !s.ok()) return UsageFail("report", s);
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
  analysis_options.allow_outside_paths = vm["allow-outside-paths"].as<bool>();
  auto analysis = Analyze(inputs, analysis_options);
  if (!analysis.ok()) return Fail(analysis.status());
  if (Status s = CheckOutputPaths(outputs, ArticleFiles(analysis->corpus)); !s.ok())
    return UsageFail("report", s);
  for (const Article& a : analysis->corpus.articles) {
    for (const std::string& w : a.warnings) std::cerr << "parallax: warning: " << w << "\n";
  }

  if (index != nullptr) {
    if (Status s = AddCorpusToIndex(analysis->corpus, *data_dir, index.get()); !s.ok())
      return Fail(s);
  }

  ReportOptions report_options;
  report_options.data_dir = *data_dir;
  report_options.title = vm["title"].as<std::string>();
  if (vm["timestamp"].as<bool>()) report_options.generated_at = UtcNow();
  StageTimes times = analysis->times;
  const bool print_times = vm["timings"].as<bool>();
  if (print_times) std::cerr << times.Format();  // now, in case a later stage fails
  const size_t printed = times.stages().size();
  StageClock clock;
  auto model = BuildReportModel(*analysis, StoryArticles(*analysis, 0), report_options);
  if (!model.ok()) return Fail(model.status());
  // The model holds copies of all it shows: the analysis (texts, marks, claims) goes now, so
  // that it does not sit beside the renderings' buffers.
  { const Analysis released = std::move(*analysis); }
  times.Add("model", clock.Lap());
  // The JSON and CSV renderings only read the model: with a second thread they are made while
  // the HTML renders. Each output goes to a temporary file as it renders; all are renamed into
  // place only once every one was made, so a failed run never leaves a half-written or
  // mismatched report.
  const std::string& json_path = vm["json"].as<std::string>();
  const std::string& csv_path = vm["csv"].as<std::string>();
  std::optional<AtomicFileWriter> json_file;
  std::optional<AtomicFileWriter> csv_file;
  Status side_status;
  StageTimes side_times;
  auto render_side = [&] {
    StageClock side_clock;
    if (!json_path.empty()) {
      auto file = AtomicFileWriter::Create(json_path);
      side_status = file.status();
      if (file.ok()) {
        side_status =
            RenderJsonTo(*model, [&](std::string_view part) { return file->Append(part); });
        json_file = std::move(*file);
      }
      side_times.Add("render.json", side_clock.Lap());
    }
    if (!csv_path.empty() && side_status.ok()) {
      auto file = AtomicFileWriter::Create(csv_path);
      side_status = file.status();
      if (file.ok()) {
        side_status = file->Append(RenderMarksCsv(*model));
        csv_file = std::move(*file);
      }
      side_times.Add("render.csv", side_clock.Lap());
    }
  };
  std::thread side;
  const int threads = ResolveThreads(analysis_options.threads);
  const bool parallel = threads > 1 && !(json_path.empty() && csv_path.empty());
  if (parallel) side = std::thread(render_side);
  const std::string output = vm["output"].as<std::string>();
  auto html_file = AtomicFileWriter::Create(output);
  Status html_status = html_file.status();
  if (html_file.ok()) {
    HtmlOptions html_options;
    html_options.threads = threads;
    html_status = RenderHtmlTo(*model, *data_dir + "/reports/templates", html_options,
                               [&](std::string_view part) { return html_file->Append(part); });
  }
  times.Add("render.html", clock.Lap());
  if (parallel) {
    side.join();
    times.Add("render.wait", clock.Lap());  // waiting for JSON/CSV after the HTML was done
  } else if (html_status.ok()) {
    render_side();
    clock.Lap();
  }
  if (!html_status.ok()) return Fail(html_status);
  if (!side_status.ok()) return Fail(side_status);
  times.Append(side_times);

  if (json_file) {
    if (Status s = json_file->Commit(); !s.ok()) return Fail(s);
  }
  if (csv_file) {
    if (Status s = csv_file->Commit(); !s.ok()) return Fail(s);
  }
  if (Status s = html_file->Commit(); !s.ok()) return Fail(s);
  times.Add("write", clock.Lap());
  size_t shared = 0, claims = 0;  // related sentences (topic claims) are not claims
  for (const ReportClaim& c : model->claims) {
    if (c.related) continue;
    ++claims;
    std::vector<std::string> sources;
    for (const SentenceRef& r : c.sentences) {
      const std::string& s = model->articles[r.article].source;
      if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(s);
    }
    if (sources.size() > 1) ++shared;
  }
  std::cerr << "parallax: " << model->articles.size() << " articles from " << model->sources.size()
            << " sources, " << claims << " claims (" << shared
            << " shared by several sources); wrote " << output << "\n";
  if (print_times) {
    times.Add("total", total_clock.Lap());
    std::cerr << times.Format(printed);
  }
  return kExitOk;
}

}  // namespace parallax::cli
