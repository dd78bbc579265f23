// Analysis: the whole pipeline on a set of inputs — read and split (corpus.h), mark (marking.h),
// align (alignment.h) — and the report model built from it for the renderers (report/).
//
//   auto analysis = Analyze({"corpus.yaml"}, options);
//   auto model = BuildReportModel(*analysis, StoryArticles(*analysis, 0), report_options);
//   auto html = RenderHtml(*model, data_dir + "/reports/templates");
//
// This is what the `report` and `batch` commands and the end-to-end tests call.
//
// Thread safety: no global state; stages use `threads` worker threads internally.
#ifndef PARALLAX_ENGINE_PIPELINE_ANALYSIS_H_
#define PARALLAX_ENGINE_PIPELINE_ANALYSIS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/pipeline/alignment.h"
#include "engine/pipeline/corpus.h"
#include "engine/pipeline/marking.h"
#include "engine/pipeline/stage_times.h"
#include "engine/report/report_model.h"
#include "engine/text/aliases.h"

namespace parallax {

struct AnalysisOptions {
  std::string data_dir;              // holds lexicons/, rules/, reports/ (base/data_dir.h)
  int threads = 0;                   // 0: one per core
  bool group_stories = false;        // batch mode: group articles into stories first
  bool skip_bad_articles = false;    // batch mode: report and skip unreadable articles
  bool allow_outside_paths = false;  // manifests may name files outside their folder
};

struct Analysis {
  Corpus corpus;
  CorpusMarks marks;
  Alignment alignment;
  // Wall seconds per stage: "read", "split" (when Analyze read the inputs), "mark.load", "mark",
  // "align.load", "align.model", ... (alignment.h).
  StageTimes times;
};

// Reads, splits, marks and aligns the inputs.
StatusOr<Analysis> Analyze(const std::vector<std::string>& inputs, const AnalysisOptions& options);

// Marks and aligns a corpus already read.
StatusOr<Analysis> AnalyzeCorpus(Corpus corpus, const AnalysisOptions& options);

struct ReportOptions {
  std::string data_dir;                     // for the digests of lexicons/ and rules/
  std::string title;                        // "" : the corpus title, else the first article's
  std::optional<std::string> generated_at;  // only when the user asks: reports are reproducible
  // Digests of data_dir's lexicons/ and rules/ (base/digest.h) when the caller has them
  // already: batch hashes the folders once for all its stories instead of once per story.
  std::optional<std::string> lexicon_digest;
  std::optional<std::string> rules_digest;
  // The entities of data_dir's rules/aliases.yaml, which group the sources each profile cites
  // ("General Munir" and "Munir" are one); loaded by BuildReportModel when null.
  std::shared_ptr<const AliasTable> aliases;
};

// Fills options->lexicon_digest, rules_digest and aliases from options->data_dir (when not
// empty), so that several BuildReportModel calls share one reading of the folders.
Status PrepareReportOptions(ReportOptions* options);

// The article indices of story `story` (all articles when stories were not grouped).
std::vector<uint32_t> StoryArticles(const Analysis& analysis, size_t story);

// Builds the report model of the given articles (a story, or all): their sentences with marks,
// the claims among them (shared claims first, then those of one source), per-source profiles,
// and notices (one source only, skipped articles, reading warnings).
StatusOr<ReportModel> BuildReportModel(const Analysis& analysis,
                                       const std::vector<uint32_t>& articles,
                                       const ReportOptions& options);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_ANALYSIS_H_
