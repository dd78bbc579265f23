// BatchIndexModel: what the index page of a batch run shows — one row per story with the figures
// a reader triages by (outlets, shared claims, conflicts, omissions, certainty drifts), its dates,
// a link to its report, and its most telling claims.
//
// Plain values. SummarizeStory (report.h) fills a story's row from its ReportModel; the batch job
// adds the id, the link and the article ids; RenderBatchIndex (report.h) turns the model into
// index.html.
#ifndef PARALLAX_ENGINE_REPORT_BATCH_MODEL_H_
#define PARALLAX_ENGINE_REPORT_BATCH_MODEL_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parallax {

struct BatchStorySource {
  std::string source;
  int articles = 0;
};

// Why a claim is telling, most telling first.
enum class TellingKind {
  kConflict,  // its sources' versions disagree (number, date, place, speaker, negation, quote)
  kOmission,  // two or more sources carry it and at least one source of the story leaves it out
  kDrift,     // certainty drift only: one source states as fact what another attributes or hedges
};

// "conflict", "omission", "drift".
const char* TellingKindName(TellingKind kind);

// A claim on which a story's sources differ. Never a sentence of one source alone: a claim that
// one source carries is neither an omission by the others nor a conflict.
struct BatchTellingClaim {
  int claim = 0;   // position in the story's ReportModel::claims; links to "#claim-<claim>"
  std::string id;  // ReportClaim::id
  TellingKind kind = TellingKind::kConflict;
  std::string text;  // one sentence that makes the claim, as plain text
  std::vector<std::string> sources_carrying, sources_omitting;
  std::vector<std::string> discrepancies;  // distinct kinds, in claim order: "number", "date", ...
  std::vector<std::string> descriptions;   // of its conflicts: "12 vs 20 killed"
};

struct BatchStory {
  std::string id;
  // The first of its articles' titles; else the first line of its first article's text, cut
  // short (an article read from a .txt file has no title).
  std::string title;
  // The story's report, relative to index.html ("stories/story-003.html"). Shown as a link only
  // when it is a relative path or an http(s) URL; anything else (javascript:, data:) is text.
  std::string href;
  std::string first_date, last_date;  // of its articles as written, "" when unknown
  std::vector<BatchStorySource> sources;
  int articles = 0, sentences = 0;
  int claims = 0;         // claims (related sentences are not claims)
  int shared_claims = 0;  // claims carried by two or more sources
  int conflicts = 0;      // discrepancies other than certainty drift, over all claims
  int omissions = 0;      // (claim, source) pairs: a shared claim a source leaves out
  int drifts = 0;         // certainty drifts ("attribution" discrepancies)
  std::vector<BatchTellingClaim> telling_claims;  // most telling first
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
  // Files written beside index.html that the page links to ("marks.csv"), with a line each.
  std::vector<std::pair<std::string, std::string>> data_files;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_BATCH_MODEL_H_
