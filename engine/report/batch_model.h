// BatchIndexModel: what the index page of a batch run shows — the stories found, their sources
// and article counts, a link to each story's report, and each story's most divergent claims.
//
// Plain values filled by the pipeline; RenderBatchIndex (report.h) turns one into index.html.
// MostDivergentClaims (report.h) picks a story's divergent claims from its ReportModel.
#ifndef PARALLAX_ENGINE_REPORT_BATCH_MODEL_H_
#define PARALLAX_ENGINE_REPORT_BATCH_MODEL_H_

#include <optional>
#include <string>
#include <vector>

namespace parallax {

struct BatchStorySource {
  std::string source;
  int articles = 0;
};

// A claim on which a story's sources differ: some omit it, or their versions disagree.
struct BatchDivergentClaim {
  int claim = 0;     // position in the story's ReportModel::claims; links to "#claim-<claim>"
  std::string id;    // ReportClaim::id
  std::string text;  // one sentence that makes the claim, as plain text
  std::vector<std::string> sources_carrying, sources_omitting;
  std::vector<std::string> discrepancies;  // kinds: "number", "date", ...
  double divergence = 0;                   // the ranking score (see MostDivergentClaims)
};

struct BatchStory {
  std::string id;
  std::string title;
  // The story's report, relative to index.html ("stories/story-003.html"). Shown as a link only
  // when it is a relative path or an http(s) URL; anything else (javascript:, data:) is text.
  std::string href;
  std::string first_date, last_date;  // of its articles, "" when unknown
  std::vector<BatchStorySource> sources;
  int articles = 0, sentences = 0, claims = 0;
  std::vector<BatchDivergentClaim> divergent_claims;
  // The ids of its articles, in input order: listed in stories.json, not on the index page.
  std::vector<std::string> article_ids;
};

// An input that could not be read or processed; the batch went on without it.
struct BatchFailure {
  std::string input;
  std::string message;
};

struct BatchIndexModel {
  std::string title;
  std::string parallax_version;
  std::string lexicon_digest, rules_digest;
  std::optional<std::string> generated_at;  // shown only when set
  std::vector<BatchStory> stories;
  std::vector<BatchFailure> failures;
  std::vector<std::string> notices;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_BATCH_MODEL_H_
