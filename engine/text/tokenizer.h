// Word tokens of a sentence, with byte spans, as the lexicon matcher and the aligner see them.
//
// A token is a run of letters and digits, with inner apostrophes ("China's", "don't"), inner
// hyphens ("far-fetched", "counter-terrorism") and, in numbers, inner '.' and ',' ("3.5",
// "1,000") kept inside it. Every other character separates tokens; punctuation is not returned.
// `norm` is the token lower-cased (ASCII letters and Latin-1/Latin Extended-A capitals) with
// typographic apostrophes (’ ‘) folded to "'". Non-ASCII letters count as letters; the Unicode
// punctuation blocks (General Punctuation, Latin-1 punctuation, CJK punctuation) separate.
//
// Thread safety: Tokenize is a pure function. Stemmer is not thread-safe: use one per thread.
#ifndef PARALLAX_ENGINE_TEXT_TOKENIZER_H_
#define PARALLAX_ENGINE_TEXT_TOKENIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/span.h"

namespace parallax {

struct Token {
  Span span;                 // into the text given to Tokenize (offset by `base`)
  std::string norm;          // lower-cased, apostrophes folded
  bool is_number = false;    // starts with a digit
  bool capitalized = false;  // first character an upper-case letter
  bool all_caps = false;     // every letter upper-case, at least two of them ("US", "COAS")
};

// Appends the tokens of `text` to *out; spans are offset by `base` so that tokens of a
// sentence can point into its article's text.
void Tokenize(std::string_view text, size_t base, std::vector<Token>* out);

// English Snowball (Porter2) stemmer, the same algorithm as Xapian's "english" stemmer.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Returns the stem of a normalised token ("supported" -> "support"; "china's" -> "china").
  std::string Stem(std::string_view norm);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_TEXT_TOKENIZER_H_
