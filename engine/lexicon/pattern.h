// Pattern: the token-sequence language of lexicon entries (documented for users in
// lexicons/README.md).
//
// A pattern is a space-separated list of slots, each matching one token (or a run of tokens):
//   word        the token whose lower-cased form is "word" ("said", "according")
//   a|b|c       any of the alternatives
//   word+       the word and its regular inflections (claim+ = claim claims claimed claiming;
//               admit+ also admitted admitting; deny+ denies denied denying). Irregular forms are
//               listed as alternatives: say+|said
//   #num        any number token
//   _           any one token
//   *           a gap of one to three tokens (between other slots); at the end of a pattern it
//               requires a following token without making it part of the cue
//   slot?       the slot may be absent (a word, alternatives or _; not a gap)
//   [slot]      a context slot: it must match but is not part of the cue. Context slots stand
//               at the start or the end of the pattern ("could [be|have|possibly]")
// Examples: "according to", "sources close to *", "what * describe+|described as",
//           "it is|was widely? believed|thought", "[be|is|are|was|were|been] considered".
//
// Thread safety: values; ParsePattern and Inflections are pure functions.
#ifndef PARALLAX_ENGINE_LEXICON_PATTERN_H_
#define PARALLAX_ENGINE_LEXICON_PATTERN_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

inline constexpr int kMaxGapTokens = 3;
// A pattern that expands to more concrete token sequences than this is refused: it would
// bloat the automaton and is almost certainly a mistake.
inline constexpr int kMaxPatternExpansions = 4096;

struct PatternSlot {
  enum class Kind { kWords, kAnyToken, kNumber, kGap };
  Kind kind = Kind::kWords;
  std::vector<std::string> words;  // kWords: lower-cased alternatives, inflections expanded
  bool optional = false;
  bool context = false;  // outside the cue
};

struct Pattern {
  std::vector<PatternSlot> slots;
  int leading_context = 0;   // slots at the start that are context
  int trailing_context = 0;  // slots at the end that are context (a trailing gap counts)
  bool has_gap = false;

  // Number of concrete token sequences the pattern stands for.
  long Expansions() const;
};

// Parses `text`. Errors (unbalanced brackets, a gap at the start, a context slot in the
// middle, an empty pattern or alternative, a pattern with no word slot in its cue) are
// returned as InvalidInput with a message that does not name a file; the caller adds it.
StatusOr<Pattern> ParsePattern(std::string_view text);

// Returns `word` followed by its regular English inflections: -s/-es/-ies, -ed/-ied/-d,
// -ing (with e-dropping), and doubled-consonant forms for short consonant-vowel-consonant
// endings. Over-generation ("visitted") is harmless: such forms never occur in text.
std::vector<std::string> Inflections(std::string_view word);

// Lower-cases ASCII and folds typographic apostrophes and hyphens the way the tokenizer does,
// so entries compare equal to Token::norm.
std::string NormalizeWord(std::string_view word);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_PATTERN_H_
