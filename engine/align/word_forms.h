// WordForms: the interned word forms (sentence_features.h) of one SimilarityModel.
//
// A corpus of 600,000 sentences has about 15 million tokens but only tens of thousands of
// distinct forms, so what a token needs beyond its span and entity (stem key, term, IDF weight,
// flags, WordNet concepts) is kept once per form and the token points at it.
//
// A form is identified by its id: the lower-cased token for words, and for numbers the token
// with its value key appended (see FormId), since "2.5" before "billion" is a different number.
//
// Two tables: the main one, filled while the model is built (single-threaded Insert), then
// frozen; and an overflow table for forms first seen when featurizing text the model was not
// built from, filled under a lock. Forms never move once made: pointers stay valid as long as
// the WordForms lives.
//
// Thread safety: Insert and Forms() need exclusive access; after the last Insert, Find and
// FindOrAdd may be called from any number of threads at once.
#ifndef PARALLAX_ENGINE_ALIGN_WORD_FORMS_H_
#define PARALLAX_ENGINE_ALIGN_WORD_FORMS_H_

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/align/sentence_features.h"

namespace parallax {

// The id of a form: `norm` for words; for numbers `norm`, a NUL and the value key's 8 bytes.
std::string FormId(std::string_view norm, bool is_number, uint64_t number_key);

class WordForms {
 public:
  // Returns the form of `id` from the main table, or null. Lock-free.
  const WordForm* Find(std::string_view id) const;

  // Main table, while building: returns the form of `id`, made empty when new (*inserted true).
  WordForm* Insert(const std::string& id, bool* inserted);

  // After building: the main table's form, else the overflow's, else one made by `fill` (called
  // once per new id, under the lock) in the overflow table.
  const WordForm* FindOrAdd(std::string_view id, const std::function<void(WordForm*)>& fill);

  // Every form of the main table, in no particular order (for filling term and weight).
  std::vector<WordForm*> MainForms();

  size_t size() const { return main_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Node-based maps: a value never moves once inserted.
  using Table = std::unordered_map<std::string, WordForm, Hash, std::equal_to<>>;
  Table main_;
  std::mutex overflow_mutex_;
  Table overflow_;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_WORD_FORMS_H_
