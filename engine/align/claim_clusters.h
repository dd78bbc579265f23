// Claim clusters: the sentences of one story's articles grouped into claims (sentences that say
// the same thing), with the sources that carry each claim, the sources that omit it, and where
// the versions disagree.
//
// Method:
//   1. Candidate pairs between sentences of different sources (candidates.h; never all pairs),
//      each scored by the SimilarityModel. Callers aligning several stories may score the
//      candidates of the whole corpus once (ScoreCandidates) and pass them in.
//   2. Edges: pairs scoring at least `edge_threshold` (rules/similarity.yaml: thresholds.claim),
//      and pairs scoring at least `best_threshold` (thresholds.claim_best) where one sentence is
//      the other's best-scoring partner in its source: versions of one claim in two outlets
//      often carry different extra detail, which lowers their score, but they still find each
//      other first. Edges are taken best first. Each joins the two sentences' clusters only if
//      the union stays a claim: the mean similarity over its pairs of sentences from different
//      sources is at least `average_threshold`, and no article has more than
//      `max_per_article` sentences in it.
//      Pairs missing from the candidates are scored on demand, so the mean is exact. This is
//      average linkage, which refuses the chains single linkage builds (A ~ B ~ C with A !~ C).
//   3. Every sentence left alone is a claim too, carried by one source only: a report needs
//      "only the columnist mentions the Karachi bombing" as much as the shared claims.
//   4. Discrepancies (discrepancy.h, voice.h) between each two members of different sources.
// Headings are not claims: callers leave them out.
//
// Claims are ordered by their first member (article, then sentence) and named "c1", "c2", ...
// in that order, so ids are stable for a given input whatever the thread count.
//
// Thread safety: pure functions; `model` is only read.
#ifndef PARALLAX_ENGINE_ALIGN_CLAIM_CLUSTERS_H_
#define PARALLAX_ENGINE_ALIGN_CLAIM_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/align/candidates.h"
#include "engine/align/discrepancy.h"
#include "engine/align/sentence_features.h"
#include "engine/align/similarity_model.h"

namespace parallax {

// One sentence to cluster. Not owning: `features` and `text` must outlive the call.
struct ClaimSentence {
  uint32_t article = 0;   // the caller's article number
  uint32_t sentence = 0;  // the sentence's index within its article
  uint32_t source = 0;    // source id; sentences of one source are never compared
  const SentenceFeatures* features = nullptr;
  std::string_view text;  // the sentence text (speaker and attribution detection)
  size_t base = 0;        // the offset its features were computed with
};

// A scored pair of sentences, by index into the sentences given (a < b).
struct ScoredPair {
  uint32_t a = 0;
  uint32_t b = 0;
  float score = 0;
};

struct ClaimOptions {
  // Pairs at least this join sentences; negative: the model's rules().claim_threshold.
  double edge_threshold = -1;
  // Best-partner pairs at least this join sentences; negative: rules().claim_best_threshold.
  // Capped at edge_threshold.
  double best_threshold = -1;
  // A claim's mean cross-source similarity must stay at least this; negative: best_threshold.
  double average_threshold = -1;
  // Sentences one article may put into one claim (a writer restating a point).
  size_t max_per_article = 2;
  CandidateOptions candidates;
  int threads = 1;  // for scoring candidates
};

struct ClaimMember {
  uint32_t article = 0;
  uint32_t sentence = 0;
  uint32_t source = 0;
  double score = 0;  // mean similarity to the claim's members of other sources; 0 when alone
};

struct ClaimDiscrepancy {
  uint32_t a = 0;  // indices into Claim::members; spans of `discrepancy` are a's / b's
  uint32_t b = 0;
  Discrepancy discrepancy;
};

struct Claim {
  std::string id;                    // "c<n>", see the file comment
  uint32_t story = 0;                // set by callers that align several stories
  std::vector<ClaimMember> members;  // sorted by (article, sentence)
  std::vector<uint32_t> sources;     // sources carrying the claim, sorted
  std::vector<uint32_t> omitted;     // sources of the story carrying none of it, sorted
  std::vector<ClaimDiscrepancy> discrepancies;
};

// Returns the candidate pairs (candidates.h, groups = sources) of `features`, scored, in the
// order FindCandidates returns them. Scoring runs on `threads` threads.
std::vector<ScoredPair> ScoreCandidates(const std::vector<SentenceFeatures>& features,
                                        const std::vector<uint32_t>& sources,
                                        const SimilarityModel& model,
                                        const CandidateOptions& options, int threads);

// Returns the claims of `sentences` (see the file comment). `story_sources` are all sources of
// the story, for omissions. `scored` may hold pairs scored beforehand (indices into
// `sentences`; pairs within one source are ignored); when null, candidates are found and
// scored here.
std::vector<Claim> ClusterClaims(const std::vector<ClaimSentence>& sentences,
                                 const std::vector<uint32_t>& story_sources,
                                 const SimilarityModel& model, const ClaimOptions& options,
                                 const std::vector<ScoredPair>* scored = nullptr);

// Sorts claims by their first member (article, sentence) and names them "c1", "c2", ...
void NumberClaims(std::vector<Claim>* claims);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_CLAIM_CLUSTERS_H_
