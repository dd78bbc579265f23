// parallax report: the main job — one HTML report (plus JSON/CSV) comparing the inputs' sources.
#include <filesystem>
#include <iostream>

#include "engine/base/file_io.h"
#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/pipeline/report_job.h"
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

// "marks.codebook.md" beside "marks.csv" (any other name gets ".codebook.md" appended).
std::string CodebookPath(const std::string& csv) {
  std::filesystem::path path(csv);
  if (path.extension() == ".csv") path.replace_extension();
  return path.string() + ".codebook.md";
}

}  // namespace

int RunReport(const Args& args) {
  po::options_description options("options");
  options.add_options()(
      "input", po::value<std::vector<std::string>>()->required(),
      "manifest (.yaml), article files (.txt, .html, .json), JSONL files or directories")(
      "output,o", po::value<std::string>()->required(), "the HTML report to write")(
      "json", po::value<std::string>()->default_value(""), "also write the report as JSON here")(
      "csv", po::value<std::string>()->default_value(""),
      "also write one CSV row per mark here, and its codebook beside it (OUT.codebook.md)")(
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
  const std::string& csv = vm["csv"].as<std::string>();
  if (!csv.empty()) outputs.push_back({"--csv's codebook", CodebookPath(csv)});
  if (Status s = CheckOutputPaths(outputs, inputs); !s.ok()) return UsageFail("report", s);
  StageClock total_clock;
  auto resources = LoadCommandResources(vm);
  if (!resources.ok()) return Fail(resources.status());
  // Open the index first, so that a locked or foreign index fails before the work is done.
  std::unique_ptr<SentenceIndex> index;
  if (const std::string& dir = vm["index"].as<std::string>(); !dir.empty()) {
    auto opened = SentenceIndex::OpenForWrite(dir);
    if (!opened.ok()) return Fail(opened.status());
    index = std::move(*opened);
  }

  ReportJobOptions job;
  job.inputs = inputs;
  job.outputs = {vm["output"].as<std::string>(), vm["json"].as<std::string>(),
                 vm["csv"].as<std::string>()};
  job.report.title = vm["title"].as<std::string>();
  if (vm["timestamp"].as<bool>()) job.report.generated_at = UtcNow();
  job.threads = vm["threads"].as<int>();
  job.allow_outside_paths = vm["allow-outside-paths"].as<bool>();
  job.index = index.get();
  bool outputs_collide = false;  // a usage error found once the articles are known
  job.check_articles = [&](const Corpus& corpus) {
    Status s = CheckOutputPaths(outputs, ArticleFiles(corpus));
    outputs_collide = !s.ok();
    return s;
  };
  job.warn = [](const std::string& w) { std::cerr << "parallax: warning: " << w << "\n"; };
  auto summary = RunReportJob(job, *resources);
  if (!summary.ok())
    return outputs_collide ? UsageFail("report", summary.status()) : Fail(summary.status());
  if (!csv.empty()) {
    const std::string codebook = CodebookPath(csv);
    Status s = WriteFileAtomically(
        codebook,
        RenderCsvCodebook(CsvTable::kMarks, std::filesystem::path(csv).filename().string()));
    if (!s.ok()) return Fail(s);
  }
  std::cerr << "parallax: " << summary->articles << " articles from " << summary->sources
            << " sources, " << summary->claims << " claims (" << summary->shared_claims
            << " shared by several sources); wrote " << job.outputs.html << "\n";
  if (vm["timings"].as<bool>()) {
    StageTimes times = resources->times;
    times.Append(summary->times);
    times.Add("total", total_clock.Lap());
    std::cerr << times.Format();
  }
  return kExitOk;
}

}  // namespace parallax::cli
