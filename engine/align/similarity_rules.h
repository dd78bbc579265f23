// SimilarityRules: the tunable part of the sentence similarity scorer, read from
// rules/similarity.yaml (format documented at the top of that file).
//
// The weights are learned by scripts/train_similarity.py on the train splits of the evaluation
// data; users may edit the thresholds without recompiling.
//
// Thread safety: a plain value.
#ifndef PARALLAX_ENGINE_ALIGN_SIMILARITY_RULES_H_
#define PARALLAX_ENGINE_ALIGN_SIMILARITY_RULES_H_

#include <array>
#include <string>

#include "engine/align/wordnet.h"
#include "engine/base/status.h"

namespace parallax {

// The pair features a score is combined from, in the order of PairFeatures.
inline constexpr int kPairFeatureCount = 12;
inline constexpr const char* kPairFeatureNames[kPairFeatureCount] = {
    "align_all",      // IDF-weighted share of words aligned (both sentences together)
    "align_min",      // the smaller of the two sentences' aligned shares
    "align_exact",    // as align_all, counting identity / stem / number / entity matches only
    "align_content",  // unweighted share of content (non-stop) words aligned
    "cos_tfidf",      // cosine of the TF-IDF stem vectors
    "cos_char4",      // cosine of character 4-gram counts
    "bigram_dice",    // Dice overlap of consecutive stem pairs
    "number_match",   // Jaccard overlap of number values; 1 when neither has numbers
    "number_differ",  // 1 iff both have numbers and each has one the other lacks
    "length_diff",    // |words a - words b| / max
    "entity_match",   // Jaccard overlap of canonical entities; 1 when neither names one
    "weight_ratio",   // smaller / larger total IDF weight
};

struct SimilarityRules {
  // WordNet database folder; empty turns synonyms off. The PARALLAX_WORDNET_DIR environment
  // variable, when set, overrides it (see LoadSimilarityResources).
  std::string wordnet_dir = WordNet::kDefaultDir;
  WordNetOptions wordnet;
  // Strength of a synonym alignment relative to an identical word (1).
  double synonym_strength = 0.9;

  // score = combine(bias + sum weights[i] * feature[i]), clamped to [0, 1];
  // combine is the logistic function when `logistic`, the identity otherwise.
  bool logistic = false;
  double bias = 0;
  std::array<double, kPairFeatureCount> weights = {1.0};  // untrained: align_all alone

  // A pair scoring at least this is a paraphrase (chosen on the MSRP train split).
  double paraphrase_threshold = 0.5;
  // Two sentences of different sources scoring at least this make the same claim (claim
  // clustering, claim_clusters.h) ...
  double claim_threshold = 0.5;
  // ... and so do two scoring at least this when each is the other's best match in its source
  // and they share at least `claim_best_overlap` of their content words (Jaccard of stems) ...
  double claim_best_threshold = 0.5;
  double claim_best_overlap = 0.0;
  // ... and mutual best matches scoring at least this whatever their overlap ...
  double claim_mutual_threshold = 0.5;
  // ... and two mutual best matches scoring at least this that share a quotation
  // (quotation.h: the same speaker's words), whatever their other words.
  double claim_quote_threshold = 0.5;
};

// Reads rules/similarity.yaml. Unknown keys and feature names are errors naming file:line:col;
// keys left out keep the defaults above.
StatusOr<SimilarityRules> LoadSimilarityRules(const std::string& path);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_SIMILARITY_RULES_H_
