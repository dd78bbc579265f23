// SimilarityModel: how alike two sentences are, as a score in [0, 1], from corpus statistics,
// word alignment and a small learned combination of cheap features.
//
// Scoring a pair:
//   1. Each sentence is featurized once (Featurize): words with stems, IDF weights, WordNet
//      concepts, alias-normalised entities (AliasTable), numbers with multipliers, dates,
//      negations, a TF-IDF vector, character 4-grams and stem bigrams.
//   2. Align matches words one-to-one in passes of falling confidence: same stem or number
//      value, then same entity (all words of both mentions: "Beijing" = "China", "COAS" =
//      "Asim Munir"), then shared WordNet concept. Unsupervised, no training data needed.
//   3. PairFeatures computes the 12 features named in similarity_rules.h; Score combines them
//      with the weights of rules/similarity.yaml.
// Negations and changed numbers barely lower the score on purpose: "same claim, different
// figure" is a discrepancy (discrepancy.h), not a different claim.
//
// IDF comes from the corpus the model is built from (the sentences being compared, or the pairs
// file being scored), never from a built-in table: idf = ln((N + 1) / (df + 0.5)).
//
// Ownership: the model keeps pointers to the AliasTable, WordNet and Negators given to Build;
// they must outlive it (any may be null: no entities, no synonyms, only "-n't" words negate).
// Featurized sentences point at the model's interned word forms (word_forms.h): they must not
// outlive the model or its copies. Thread safety: immutable after Build, apart from the forms
// Featurize adds for words the model was not built from (under a lock); Featurize needs a Stemmer
// per thread, everything else may be called from several threads at once.
#ifndef PARALLAX_ENGINE_ALIGN_SIMILARITY_MODEL_H_
#define PARALLAX_ENGINE_ALIGN_SIMILARITY_MODEL_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/align/sentence_features.h"
#include "engine/align/similarity_rules.h"
#include "engine/align/word_forms.h"
#include "engine/align/wordnet.h"
#include "engine/lexicon/negators.h"
#include "engine/text/aliases.h"
#include "engine/text/tokenizer.h"

namespace parallax {

using PairFeatures = std::array<double, kPairFeatureCount>;

// How a word was aligned, strongest first.
enum class MatchKind : uint8_t { kNone, kStem, kNumber, kEntity, kSynonym };

// Word alignment of two sentences: for each word of a (resp. b), the index of the word it is
// aligned to in the other sentence (-1 when none) and how.
struct WordAlignment {
  std::vector<int> a_to_b;
  std::vector<int> b_to_a;
  std::vector<MatchKind> a_kind;
  std::vector<MatchKind> b_kind;
};

class SimilarityModel {
 public:
  SimilarityModel() = default;  // empty corpus: every word has the same IDF

  // Counts document frequencies of the stems of `texts` (each text one document), on up to
  // `threads` threads; the model is the same whatever the number. `negators` are the words
  // that count as negations (lexicons/negators.yaml).
  static SimilarityModel Build(const std::vector<std::string_view>& texts, SimilarityRules rules,
                               const AliasTable* aliases, const WordNet* wordnet,
                               const Negators* negators, int threads = 1);

  // Returns the features of one sentence; spans are offset by `base`.
  SentenceFeatures Featurize(std::string_view text, size_t base, Stemmer* stemmer) const;

  // Returns the word alignment of a and b (see the file comment).
  WordAlignment Align(const SentenceFeatures& a, const SentenceFeatures& b) const;
  // The same into `out`, reusing its lists' memory.
  void AlignInto(const SentenceFeatures& a, const SentenceFeatures& b, WordAlignment* out) const;

  // Returns the pair features in the order of kPairFeatureNames; symmetric.
  PairFeatures Features(const SentenceFeatures& a, const SentenceFeatures& b) const;

  // Returns the similarity of a and b in [0, 1]; symmetric.
  double Score(const SentenceFeatures& a, const SentenceFeatures& b) const;

  // Returns the score the rules' weights give to precomputed features.
  double Combine(const PairFeatures& features) const;

  const SimilarityRules& rules() const { return rules_; }
  size_t document_count() const { return documents_; }
  size_t vocabulary_size() const { return df_.size(); }
  // Returns the number of documents containing vocabulary term `term`.
  uint32_t DocumentFrequency(int32_t term) const { return df_[term]; }
  double Idf(uint32_t df) const;

 private:
  PairFeatures OrderedFeatures(const SentenceFeatures& a, const SentenceFeatures& b) const;
  // Sets a form's vocabulary term and IDF weight from the document frequencies.
  void AssignTerm(WordForm* form) const;

  SimilarityRules rules_;
  const AliasTable* aliases_ = nullptr;
  const WordNet* wordnet_ = nullptr;
  const Negators* negators_ = nullptr;
  size_t documents_ = 0;
  std::unordered_map<uint64_t, int32_t> vocabulary_;  // word key -> term id
  std::vector<uint32_t> df_;
  // The word forms of every featurized sentence point here; shared by copies of the model.
  std::shared_ptr<WordForms> forms_ = std::make_shared<WordForms>();
};

// Loads everything a model needs from a data directory: rules/similarity.yaml,
// rules/aliases.yaml, lexicons/negators.yaml and WordNet (PARALLAX_WORDNET_DIR, else the rules'
// wordnet.dir).
struct SimilarityResources {
  SimilarityRules rules;
  AliasTable aliases;
  WordNet wordnet;
  Negators negators;
};
// `negators`, when given (taken from a Lexicon already loaded), spares a second reading of
// lexicons/negators.yaml.
StatusOr<SimilarityResources> LoadSimilarityResources(
    const std::string& data_dir, std::optional<Negators> negators = std::nullopt);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_SIMILARITY_MODEL_H_
