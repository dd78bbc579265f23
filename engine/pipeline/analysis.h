// Analysis: the whole pipeline on a set of inputs — read and split (corpus.h), mark (marking.h),
// align (alignment.h) — with resources loaded once (resources.h). The report model is built
// from it by model_building.h; the report and batch jobs (report_job.h, batch_job.h) do both.
//
//   auto resources = LoadResources(data_dir);
//   auto analysis = Analyze({"corpus.yaml"}, *resources, options);
//
// Thread safety: no global state; stages use `threads` worker threads internally.
#ifndef PARALLAX_ENGINE_PIPELINE_ANALYSIS_H_
#define PARALLAX_ENGINE_PIPELINE_ANALYSIS_H_

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/pipeline/alignment.h"
#include "engine/pipeline/corpus.h"
#include "engine/pipeline/marking.h"
#include "engine/pipeline/resources.h"
#include "engine/pipeline/stage_times.h"

namespace parallax {

struct AnalysisOptions {
  int threads = 0;                   // 0: one per core
  bool group_stories = false;        // batch mode: group articles into stories first
  bool skip_bad_articles = false;    // batch mode: report and skip unreadable articles
  bool allow_outside_paths = false;  // manifests may name files outside their folder
};

struct Analysis {
  Corpus corpus;
  CorpusMarks marks;
  Alignment alignment;
  // Wall seconds per stage: "read", "split" (when Analyze read the inputs), "mark",
  // "align.model", ... (alignment.h). Loading is timed in Resources::times.
  StageTimes times;
};

// Reads, splits, marks and aligns the inputs. `resources` needs its reading, marking and
// alignment parts.
StatusOr<Analysis> Analyze(const std::vector<std::string>& inputs, const Resources& resources,
                           const AnalysisOptions& options);

// Marks and aligns a corpus already read.
StatusOr<Analysis> AnalyzeCorpus(Corpus corpus, const Resources& resources,
                                 const AnalysisOptions& options);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_ANALYSIS_H_
