// Claim clusters: the sentences of one story's articles grouped into claims (sentences that say
// the same thing), with the sources that carry each claim, the sources that omit it, and where
// the versions disagree.
//
// Method:
//   1. Candidate pairs between sentences of different sources (candidates.h; never all pairs),
//      each scored by the SimilarityModel. Callers aligning several stories may score the
//      candidates of the whole corpus once (ScoreCandidates) and pass them in.
//   2. Edges, precision first: a pair is one claim on the evidence of
//        - its score alone, at least `edge_threshold` (rules/similarity.yaml: thresholds.claim);
//        - or one-to-one structure: each sentence is the other's best-scoring partner in its
//          source (mutual best match) and the score is at least thresholds.claim_mutual, or
//          at least `best_threshold` (thresholds.claim_best) when they share at least
//          `best_overlap` of their content words (thresholds.claim_best_overlap, Jaccard of
//          stems). Versions of one claim in
//          two outlets carry different extra detail, which lowers their score, but they find
//          each other first; a best match in one direction only is usually the same subject,
//          another statement;
//        - or a shared quotation (quotation.h: the same speaker's words) between mutual best
//          matches scoring at least `quote_threshold` (thresholds.claim_quote).
//      A pair that differs on two or more slots at once (figures, dates, places: discrepancy.h)
//      is about two happenings — two quakes, two votes — and is never an edge.
//      Edges are taken best first. Each joins the two sentences' clusters only if the union
//      stays a claim: every two of its sentences from different sources are an edge (complete
//      linkage: A ~ B and B ~ C do not make A ~ C), the mean similarity over those pairs is at
//      least `average_threshold`, and no article has more than `max_per_article` sentences.
//      Pairs missing from the candidates are scored on demand, so the mean is exact (in merges
//      of more than `max_exact_pairs` pairs, estimated from a sample of them). This is
//      average linkage, which refuses the chains single linkage builds (A ~ B ~ C with A !~ C).
//   3. Topic claims (topic_claims.h: *related* sentences, not claims; reports list them apart),
//      so that a sentence is not reported as carried by one source only when the other source
//      does cover its subject in a sentence that says more (or other things). A sentence x left
//      alone by step 2 is linked to a sentence y of another source iff they share an *anchor*
//      (a rare compound term of the story, "counter-terrorism", "background checks"), a shared
//      claim of step 2 lies within `topic_context` sentences of both, their score is at least
//      `topic_min_score`, and y is x's best such partner in y's source. Links are grouped best
//      first while every two members of different sources share an anchor and no article has
//      more than `max_per_article` sentences in the group; a sentence joins at most one group.
//      Each group is a *topic claim* (Claim::topic_terms: the anchors all its members share,
//      else those of any two). Every member keeps its own claim and is a secondary member of
//      the topic claim (ClaimMember::secondary): topic claims are related sentences, never
//      shared claims. A sentence belongs to one primary claim and at most one topic claim
//      besides. Topic claims have no discrepancies.
//   4. Every sentence left alone is a claim too, carried by one source only: a report needs
//      "only the columnist mentions the Karachi bombing" as much as the shared claims.
//   5. Discrepancies between each two members of different sources: conflicts (discrepancy.h),
//      a shared quotation given in other words (quotation.h, kind kQuote), and certainty drift
//      (certainty.h, kind kAttribution) from the marks the caller put in ClaimSentence; and the
//      evidence that made them one claim (ClaimEvidence: their score, a shared quotation, the
//      rarest words they share), so a report can say why.
// Headings are not claims: callers leave them out.
//
// Claims are ordered by their members (article, sentence, primary before secondary; the first
// member decides unless two claims start alike) and named "c1", "c2", ... in that order, so ids
// are stable for a given input whatever the thread count.
//
// Thread safety: pure functions; `model` is only read.
#ifndef PARALLAX_ENGINE_ALIGN_CLAIM_CLUSTERS_H_
#define PARALLAX_ENGINE_ALIGN_CLAIM_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/align/candidates.h"
#include "engine/align/certainty.h"
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
  std::string_view text;        // the sentence text (speaker and attribution detection)
  size_t base = 0;              // the offset its features were computed with
  std::vector<Span> quotes;     // its quoted stretches (segment/quotes.h), offsets as features
  SentenceCertainty certainty;  // how it presents its content (certainty.h); kUnknown: no marks
  // Its article's publication date (YYYY-MM-DD), or empty when unknown: weekdays that differ
  // ("Sunday" / "Friday") are no date conflict between articles known to have appeared on
  // different days.
  std::string_view published;
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
  // Mutual best matches must share this share of content words; negative: the model's rules().
  double best_overlap = -1;
  // Mutual best matches sharing a quotation join from this score; negative: the model's rules().
  double quote_threshold = -1;
  // Sentences one article may put into one claim (a writer restating a point).
  size_t max_per_article = 2;
  // Bounded work for large claims (many sources telling one event): a merge of clusters whose
  // cross pairs number more than this estimates their mean from an evenly spaced sample of
  // this many; a member's score averages over at most 4 * sqrt(this) other members; a claim
  // with more pairs than this compares each version with its most central one only, not every
  // two. Claims of up to 16 sentences are scored exactly.
  size_t max_exact_pairs = 256;
  // Topic links (step 3 of the file comment); topic_context < 0 turns them off.
  int topic_context = 3;               // sentences either side searched for a shared claim
  uint32_t topic_min_df = 4;           // anchors: in at most max(this, ...
  double topic_max_df_fraction = 0.1;  // ... this share of the story's sentences, capped at
  uint32_t topic_max_df = 500;         // this many (0: no cap)) sentences. A subject in more
                                       // sentences is not rare, and the sentences sharing it
                                       // are compared pairwise.
  double topic_min_score = 0.1;        // pairs scoring less are never linked
  CandidateOptions candidates;
  int threads = 1;  // for scoring candidates and filling claims; results do not depend on it
};

struct ClaimMember {
  uint32_t article = 0;
  uint32_t sentence = 0;
  uint32_t source = 0;
  double score = 0;  // mean similarity to the claim's members of other sources; 0 when alone
  // True iff this is a topic claim (Claim::topic_terms), whose members all have their primary
  // claim elsewhere: a sentence has exactly one claim where it is not secondary.
  bool secondary = false;
};

// Why two versions (members of different sources) were taken for one claim: what a reader can
// check. Made for the best-scoring of the pairs the discrepancies compare that connect every
// version to the others (one per version but one).
struct ClaimEvidence {
  uint32_t a = 0;  // indices into Claim::members; spans are a's
  uint32_t b = 0;
  double score = 0;  // the pair's similarity
  // The stretch of a shared quotation (quotation.h) from a's first to last word in common, as
  // featurized; empty when they share no quotation.
  Span quotation;
  // Content words both sentences have (by stem; no initials), rarest first (highest IDF), at
  // most kMaxEvidenceWords: where a writes them, as featurized (spans, not strings: a large
  // corpus has millions of these).
  std::vector<Span> shared_words;
};

inline constexpr size_t kMaxEvidenceWords = 6;

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
  std::vector<ClaimEvidence> evidence;  // for shared claims (not topic claims)
  // Non-empty iff a topic claim (see the file comment): the lower-cased anchor words its
  // members share, sorted. Its members cover one subject rather than make one statement.
  std::vector<std::string> topic_terms;
};

// Returns the candidate pairs (candidates.h, groups = sources) of `features`, scored, in the
// order FindCandidates returns them. Scoring runs on `threads` threads.
std::vector<ScoredPair> ScoreCandidates(const std::vector<SentenceFeatures>& features,
                                        const std::vector<uint32_t>& sources,
                                        const SimilarityModel& model,
                                        const CandidateOptions& options, int threads);

// Returns the claims of `sentences` (see the file comment). `story_sources` are all sources of
// the story, for omissions. Candidates are found and scored here.
std::vector<Claim> ClusterClaims(const std::vector<ClaimSentence>& sentences,
                                 const std::vector<uint32_t>& story_sources,
                                 const SimilarityModel& model, const ClaimOptions& options);

// The same with pairs scored beforehand (indices into `sentences`; pairs within one source or
// out of range are ignored, and of duplicates the first counts). Pass the list with std::move
// when it is not needed afterwards: it is freed once its scores are indexed.
std::vector<Claim> ClusterClaims(const std::vector<ClaimSentence>& sentences,
                                 const std::vector<uint32_t>& story_sources,
                                 const SimilarityModel& model, const ClaimOptions& options,
                                 std::vector<ScoredPair> scored);

// Sorts claims by their members (see the file comment) and names them "c1", "c2", ...
void NumberClaims(std::vector<Claim>* claims);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_CLAIM_CLUSTERS_H_
