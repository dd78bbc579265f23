// Negators: the words that negate what follows them in their clause ("not clear", "no
// evidence", "never confirmed"), and every word ending in "n't".
//
// One list, lexicons/negators.yaml, read by Lexicon like every lexicon file (category:
// negator). The marker takes it from its Lexicon (Mark::negated: "not certain" is a hedge,
// "not clever" is negative) and the similarity model from LoadSimilarityResources. The
// similarity model counts only the words that negate their whole clause ("not", "never",
// "nobody"; the entry attribute `negates: clause`, the default): a negation one sentence has and
// the other lacks is a discrepancy (align/discrepancy.h), and "without" or "hardly" (`negates:
// phrase`) negate too little of a sentence for that. Deleting a word from the file makes it no
// negator anywhere.
//
// A negator entry is one word, possibly with alternatives or inflections ("lack+"); Lexicon
// refuses any other pattern and any context key for a negator.
//
// Thread safety: immutable once built; may be shared between threads.
#ifndef PARALLAX_ENGINE_LEXICON_NEGATORS_H_
#define PARALLAX_ENGINE_LEXICON_NEGATORS_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

class Lexicon;  // lexicon.h

class Negators {
 public:
  // No listed word: only words ending in "n't" negate.
  Negators() = default;
  // The negator entries of `lexicon`.
  explicit Negators(const Lexicon& lexicon);

  // Reads the negator file at `path` (lexicons/negators.yaml) with Lexicon's reader. Returns
  // NotFound when it does not exist, InvalidInput naming file:line for a bad entry or a file of
  // another category.
  static StatusOr<Negators> Load(const std::string& path);

  // Returns true iff `norm` (a Token::norm) is a listed word or ends in "n't".
  bool Contains(std::string_view norm) const;
  // Returns true iff `norm` is a listed word that negates its clause or ends in "n't".
  bool NegatesClause(std::string_view norm) const;

  // The listed words, sorted.
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::vector<std::string> words_;         // sorted, unique
  std::vector<std::string> clause_words_;  // those of words_ that negate their clause
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_NEGATORS_H_
