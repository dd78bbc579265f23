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

// What every occurrence of one word form shares: interned once per model (word_forms.h), so a
// sentence's words cost a pointer each rather than a string and a list apiece. A number's form
// is its text together with its value key ("2.5" before "billion" is not "2.5" alone).
struct WordForm {
  std::string norm;   // lower-cased token (tokenizer.h)
  uint64_t key = 0;   // hash of the stem, or of the canonical number ("1,000" = "1000")
  int32_t term = -1;  // vocabulary id in the model, -1 when the corpus never had it
  float weight = 0;   // IDF of the term
  bool is_number = false;
  bool is_stop = false;      // function word: counted with its (low) IDF weight only
  bool is_negation = false;  // not, n't, no, never, ...
  // WordNet concepts (wordnet.h), sorted; empty for numbers and function words.
  std::vector<uint32_t> concepts;
};

// The form of a default-constructed word: no text, no term, no concepts.
inline const WordForm kNoWordForm{};

// One token of a featurized sentence. Its form lives as long as the SimilarityModel that made
// it (and any copy of that model).
struct SentenceWord {
  const WordForm* form = &kNoWordForm;
  // Byte span (offset by Featurize's `base`). 32 bits: articles are capped far below 4 GiB
  // (article_reader.h), and Featurize clamps beyond.
  uint32_t start = 0;
  uint32_t end = 0;

  Span span() const { return {start, end}; }
  const std::string& norm() const { return form->norm; }
  uint64_t key() const { return form->key; }
  int32_t term() const { return form->term; }
  float weight() const { return form->weight; }
  bool is_number() const { return form->is_number; }
  bool is_stop() const { return form->is_stop; }
  bool is_negation() const { return form->is_negation; }
  std::span<const uint32_t> concepts() const { return form->concepts; }
};

struct EntityRef {
  std::string canonical;  // AliasTable's canonical name
  uint64_t id = 0;        // hash of `canonical`, compared first
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
  // Hashed character 4-grams of the lower-cased text, sorted, one entry per occurrence; a
  // gram's L2-normalised count is (its run length) * char_gram_scale. (Half the memory of
  // (hash, weight) pairs, and most grams occur once.)
  std::vector<uint32_t> char_grams;
  float char_gram_scale = 0;
  std::vector<uint32_t> bigrams;  // sorted hashes of consecutive stem pairs
  std::vector<EntityRef> entities;
  std::vector<NumberRef> numbers;
  std::vector<DateRef> dates;
  int negations = 0;        // negation words
  double total_weight = 0;  // sum of word weights

  // The entity (index into `entities`) whose mention covers word `word`, the last one when
  // mentions overlap; -1 when none. (Not stored per word: a sentence has few mentions and the
  // words are the bulk of the aligner's memory.)
  int32_t EntityOf(size_t word) const {
    for (size_t e = entities.size(); e-- > 0;) {
      if (entities[e].first_word <= word && word < entities[e].end_word) {
        return static_cast<int32_t>(e);
      }
    }
    return -1;
  }
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_SENTENCE_FEATURES_H_
