// SentenceFeatures: what the similarity scorer knows about one sentence, computed once so that
// scoring a pair costs only merges and a small word alignment.
//
// Built by SimilarityModel::Featurize (similarity_model.h), which owns the corpus statistics the
// weights come from. Spans point into the text given to Featurize, offset by its `base`, so a
// sentence's words and discrepancies can be highlighted in the original article.
//
// Thread safety: a plain value.
#ifndef PARALLAX_ENGINE_ALIGN_SENTENCE_FEATURES_H_
#define PARALLAX_ENGINE_ALIGN_SENTENCE_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/span.h"

namespace parallax {

struct SentenceWord {
  Span span;
  std::string norm;     // lower-cased token (tokenizer.h)
  uint64_t key = 0;     // hash of the stem, or of the canonical number ("1,000" = "1000")
  int32_t term = -1;    // vocabulary id in the model, -1 when the corpus never had it
  float weight = 0;     // IDF of the term
  int32_t entity = -1;  // index into SentenceFeatures::entities, -1 when none
  bool is_number = false;
  bool is_stop = false;      // function word: counted with its (low) IDF weight only
  bool is_negation = false;  // not, n't, no, never, ...
  // WordNet concepts (wordnet.h), sorted: a view of the WordNet's memo, valid while the
  // WordNet given to the SimilarityModel lives.
  std::span<const uint32_t> concepts;
};

struct EntityRef {
  std::string canonical;  // AliasTable's canonical name
  std::string kind;       // "country", "person", ... (may be empty)
  Span span;
  size_t first_word = 0;  // words [first_word, end_word) of the mention
  size_t end_word = 0;
};

struct NumberRef {
  size_t word = 0;   // index of the number's (first) word
  double value = 0;  // with multipliers applied: "2.5 billion" = 2.5e9
  Span span;         // includes the multiplier word
};

struct DateRef {
  enum class Kind { kYear, kMonth, kWeekday, kRelativeDay };
  Kind kind = Kind::kYear;
  std::string value;  // "2014", "june", "monday", "yesterday"
  Span span;
};

struct SentenceFeatures {
  std::vector<SentenceWord> words;
  // L2-normalised TF-IDF over vocabulary terms, sorted by term. Unseen terms are left out.
  std::vector<std::pair<int32_t, float>> vector;
  // L2-normalised counts of hashed character 4-grams of the lower-cased text, sorted by hash.
  std::vector<std::pair<uint32_t, float>> char_grams;
  std::vector<uint64_t> bigrams;  // sorted hashes of consecutive stem pairs
  std::vector<EntityRef> entities;
  std::vector<NumberRef> numbers;
  std::vector<DateRef> dates;
  int negations = 0;        // negation words
  double total_weight = 0;  // sum of word weights
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_SENTENCE_FEATURES_H_
