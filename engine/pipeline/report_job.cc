#include "engine/pipeline/report_job.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <thread>

#include "engine/base/file_io.h"
#include "engine/pipeline/indexing.h"
#include "engine/report/report.h"

namespace parallax {
namespace {

// A rendering written to a temporary file, committed later with the others.
using PendingFile = std::optional<AtomicFileWriter>;

Status RenderInto(const std::string& path, const std::function<Status(AtomicFileWriter*)>& render,
                  PendingFile* pending) {
  PARALLAX_ASSIGN_OR_RETURN(AtomicFileWriter file, AtomicFileWriter::Create(path));
  Status s = render(&file);
  *pending = std::move(file);  // a failed one is discarded (and its temporary removed) later
  return s;
}

Status Commit(PendingFile* file, bool keep_unchanged) {
  if (!file->has_value()) return Status::Ok();
  return keep_unchanged ? (*file)->CommitIfChanged() : (*file)->Commit();
}

// The claims that count in the summary: related sentences (topic claims) are not claims.
void CountClaims(const ReportModel& model, ReportSummary* summary) {
  for (const ReportClaim& c : model.claims) {
    if (c.related) continue;
    ++summary->claims;
    std::vector<std::string_view> sources;
    for (const SentenceRef& r : c.sentences) {
      const std::string& s = model.articles[r.article].source;
      if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(s);
    }
    if (sources.size() > 1) ++summary->shared_claims;
  }
}

}  // namespace

Status WriteReport(const ReportModel& model, const ReportOutputs& outputs,
                   const std::string& templates_dir, const WriteReportOptions& options,
                   StageTimes* times) {
  StageTimes local;
  StageClock clock;
  PendingFile json_file, csv_file, html_file;
  Status side_status;
  StageTimes side_times;
  auto render_side = [&] {
    StageClock side_clock;
    if (!outputs.json.empty()) {
      side_status = RenderInto(
          outputs.json,
          [&](AtomicFileWriter* f) {
            return RenderJsonTo(model, [f](std::string_view part) { return f->Append(part); });
          },
          &json_file);
      side_times.Add("render.json", side_clock.Lap());
    }
    if (!outputs.csv.empty() && side_status.ok()) {
      side_status = RenderInto(
          outputs.csv, [&](AtomicFileWriter* f) { return f->Append(RenderMarksCsv(model)); },
          &csv_file);
      side_times.Add("render.csv", side_clock.Lap());
    }
  };
  const bool parallel = options.threads > 1 && !(outputs.json.empty() && outputs.csv.empty());
  std::thread side;
  if (parallel) side = std::thread(render_side);
  Status html_status;
  if (!outputs.html.empty()) {
    HtmlOptions html_options;
    html_options.threads = std::max(1, options.threads);
    html_status = RenderInto(
        outputs.html,
        [&](AtomicFileWriter* f) {
          return RenderHtmlTo(model, templates_dir, html_options,
                              [f](std::string_view part) { return f->Append(part); });
        },
        &html_file);
    local.Add("render.html", clock.Lap());
  }
  if (parallel) {
    side.join();
    local.Add("render.wait", clock.Lap());
  } else if (html_status.ok()) {
    render_side();
    clock.Lap();
  }
  PARALLAX_RETURN_IF_ERROR(html_status);
  PARALLAX_RETURN_IF_ERROR(side_status);
  local.Append(side_times);
  // The HTML last: a reader who sees the new page finds the new JSON and CSV beside it.
  PARALLAX_RETURN_IF_ERROR(Commit(&json_file, options.keep_unchanged));
  PARALLAX_RETURN_IF_ERROR(Commit(&csv_file, options.keep_unchanged));
  PARALLAX_RETURN_IF_ERROR(Commit(&html_file, options.keep_unchanged));
  local.Add("write", clock.Lap());
  if (times != nullptr) times->Append(local);
  return Status::Ok();
}

StatusOr<ReportSummary> RunReportJob(const ReportJobOptions& options, const Resources& resources) {
  AnalysisOptions analysis_options;
  analysis_options.threads = options.threads;
  analysis_options.allow_outside_paths = options.allow_outside_paths;
  PARALLAX_ASSIGN_OR_RETURN(Analysis analysis,
                            Analyze(options.inputs, resources, analysis_options));
  if (options.check_articles) PARALLAX_RETURN_IF_ERROR(options.check_articles(analysis.corpus));
  if (options.warn) {
    for (const Article& a : analysis.corpus.articles) {
      for (const std::string& w : a.warnings) options.warn(w);
    }
  }
  ReportSummary summary;
  summary.times = analysis.times;
  StageClock clock;
  if (options.index != nullptr) {
    PARALLAX_RETURN_IF_ERROR(AddCorpusToIndex(analysis.corpus, resources, options.index));
    summary.times.Add("index", clock.Lap());
  }
  PARALLAX_ASSIGN_OR_RETURN(
      ReportModel model,
      BuildReportModel(analysis, StoryArticles(analysis, 0), resources, options.report));
  // The model holds copies of all it shows: the analysis (texts, marks, claims) goes now, so
  // that it does not sit beside the renderings' buffers.
  { const Analysis released = std::move(analysis); }
  summary.times.Add("model", clock.Lap());
  WriteReportOptions write_options;
  write_options.threads = ResolveThreads(options.threads);
  PARALLAX_RETURN_IF_ERROR(
      WriteReport(model, options.outputs, resources.templates_dir, write_options, &summary.times));
  summary.articles = model.articles.size();
  summary.sources = model.sources.size();
  CountClaims(model, &summary);
  return summary;
}

}  // namespace parallax
