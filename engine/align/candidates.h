// Candidate pairs for alignment: for each sentence, the few sentences of *other* groups
// (sources) whose TF-IDF vectors are closest, found without scoring all pairs.
//
// Method: the sentences' TF-IDF vectors (SentenceFeatures::vector) become the rows of an Eigen
// sparse matrix X; terms in more than max(min_prune_df, max_df_fraction * N) sentences are
// dropped, as are terms in more than max_df sentences (they make the product dense and say
// little about which claim a sentence makes), and rows are re-normalised. The absolute cap is
// what keeps growth near-linear: a fraction alone lets a term's pairs grow with N squared. Each
// row of X X^T is accumulated from the postings of the row's terms (the columns of X) into a
// dense array per thread, row blocks on several threads; each row keeps its top_k partners of a
// different group with cosine >= min_cosine. The cost grows with the number of sentence pairs
// that share a kept term, which pruning keeps near-linear for news text.
//
// Thread safety: a pure function; with options.threads > 1 it runs row blocks on that many threads.
#ifndef PARALLAX_ENGINE_ALIGN_CANDIDATES_H_
#define PARALLAX_ENGINE_ALIGN_CANDIDATES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/align/sentence_features.h"
#include "engine/align/similarity_model.h"

namespace parallax {

struct CandidateOptions {
  size_t top_k = 8;               // partners kept per sentence (before symmetric union)
  double max_df_fraction = 0.05;  // prune terms in more than this share of sentences ...
  uint32_t max_df = 500;          // ... or in more than this many sentences (0: no cap) ...
  uint32_t min_prune_df = 20;     // ... but never terms in this many sentences or fewer
  double min_cosine = 0.1;        // pairs below this cosine are not candidates
  size_t block_rows = 1024;       // rows per sparse product
  int threads = 1;                // row blocks multiplied at once; the result does not change
};

struct CandidatePair {
  uint32_t a = 0;  // sentence index, a < b
  uint32_t b = 0;
  float cosine = 0;  // of the pruned TF-IDF vectors

  friend bool operator==(const CandidatePair&, const CandidatePair&) = default;
};

// Returns the union over sentences of their top-k partners, as pairs (a < b) sorted by (a, b).
// `groups[i]` is sentence i's group (source); pairs within one group are never returned.
// REQUIRES: groups.size() == sentences.size(); sentences featurized by `model`.
std::vector<CandidatePair> FindCandidates(const std::vector<SentenceFeatures>& sentences,
                                          const std::vector<uint32_t>& groups,
                                          const SimilarityModel& model,
                                          const CandidateOptions& options);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_CANDIDATES_H_
