// Model building: the plain ReportModel (report/report_model.h) that the renderers take, made
// from an Analysis — the articles of one story (or all) with their sentences and marks, the
// claims among them with their differences described, and one profile per source.
//
//   auto model = BuildReportModel(*analysis, StoryArticles(*analysis, 0), resources, options);
//
// The model holds copies of all it shows, so the Analysis may go once it is built.
//
// Thread safety: BuildReportModel only reads its arguments; several stories' models may be
// built at once from one Analysis.
#ifndef PARALLAX_ENGINE_PIPELINE_MODEL_BUILDING_H_
#define PARALLAX_ENGINE_PIPELINE_MODEL_BUILDING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/pipeline/analysis.h"
#include "engine/pipeline/resources.h"
#include "engine/report/report_model.h"

namespace parallax {

struct ReportOptions {
  std::string title;  // "" : the corpus title, else StoryTitle (first article title or line)
  std::optional<std::string> generated_at;  // only when the user asks: reports are reproducible
};

// The article indices of story `story` (all articles when stories were not grouped).
std::vector<uint32_t> StoryArticles(const Analysis& analysis, size_t story);

// Builds the report model of the given articles (a story, or all), in three steps:
//   1. the articles, in the order given, with their sentences and marks;
//   2. the claims touching them — shared claims first, then those of one source, then related
//      sentences — each difference between versions described once for all the pairs it
//      concerns;
//   3. a profile per source (counts of marks per 1,000 words, whom it cites), grouping cited
//      parties by the aliases of `resources`;
// then the notices (one source only, skipped articles). The digests of `resources` stamp the
// model (empty when its provenance part was not loaded). InvalidInput when an article index is
// out of range.
StatusOr<ReportModel> BuildReportModel(const Analysis& analysis,
                                       const std::vector<uint32_t>& articles,
                                       const Resources& resources, const ReportOptions& options);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_MODEL_BUILDING_H_
