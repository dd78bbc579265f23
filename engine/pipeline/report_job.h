// The report job: what `parallax report` does, as a library call — the inputs read, marked and
// aligned (analysis.h), one report model of all the articles (model_building.h), written as
// HTML and, when asked, JSON and CSV (WriteReport); the articles optionally added to a lasting
// index. The batch job (batch_job.h) and the desk write their reports with the same
// WriteReport.
//
//   auto resources = LoadResources(data_dir);
//   ReportJobOptions options;
//   options.inputs = {"corpus.yaml"};
//   options.outputs.html = "report.html";
//   auto summary = RunReportJob(options, *resources);
//
// Thread safety: no global state; a job uses `threads` worker threads.
#ifndef PARALLAX_ENGINE_PIPELINE_REPORT_JOB_H_
#define PARALLAX_ENGINE_PIPELINE_REPORT_JOB_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/index/sentence_index.h"
#include "engine/pipeline/analysis.h"
#include "engine/pipeline/model_building.h"
#include "engine/pipeline/resources.h"
#include "engine/pipeline/stage_times.h"
#include "engine/report/report_model.h"

namespace parallax {

// Where a report's renderings go; "" leaves one out.
struct ReportOutputs {
  std::string html;
  std::string json;
  std::string csv;  // one row per mark
};

struct WriteReportOptions {
  // With more than one, the JSON and CSV render on a second thread while the HTML renders,
  // and the HTML's claim rows and full texts on all of them (HtmlOptions::threads).
  int threads = 1;
  // Leave a file untouched when it already holds exactly the new bytes (batch re-runs).
  bool keep_unchanged = false;
};

// Writes the renderings of `model` (report/report.h) to `outputs`. Each goes to a temporary
// file as it renders; all are renamed into place only once every one was made, so a failed
// run never leaves a half-written or mismatched report (the HTML, which links the others in
// spirit, last). `times`, when not null, gets "render.html", "render.json", "render.csv",
// "render.wait" (the JSON and CSV still rendering after the HTML) and "write".
Status WriteReport(const ReportModel& model, const ReportOutputs& outputs,
                   const std::string& templates_dir, const WriteReportOptions& options,
                   StageTimes* times = nullptr);

struct ReportJobOptions {
  std::vector<std::string> inputs;  // manifests, article files, JSONL files, directories
  ReportOutputs outputs;
  ReportOptions report;              // title, time of the run
  int threads = 0;                   // 0: one per core
  bool allow_outside_paths = false;  // manifests may name files outside their folder
  // Also add the articles to this index (not owned). The caller opens it, so that a locked or
  // foreign index fails before the work is done.
  SentenceIndex* index = nullptr;
  // Called once the articles are read and analysed, before anything is written; a non-OK
  // status stops the job (the CLI refuses outputs that would overwrite an article).
  std::function<Status(const Corpus&)> check_articles;
  // Called with each reading warning of each article ("page is mostly links", ...).
  std::function<void(const std::string&)> warn;
};

struct ReportSummary {
  size_t articles = 0;
  size_t sources = 0;
  size_t claims = 0;         // claims, not counting related sentences
  size_t shared_claims = 0;  // claims carried by several sources
  // The stages of Analysis::times, then "index", "model", then WriteReport's.
  StageTimes times;
};

// Runs the job. Returns the first error: of reading (naming the file), of check_articles, of
// the index, of rendering or of writing; outputs are then left as they were.
StatusOr<ReportSummary> RunReportJob(const ReportJobOptions& options, const Resources& resources);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_REPORT_JOB_H_
