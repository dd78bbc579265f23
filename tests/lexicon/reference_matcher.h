// A brute-force matcher for lexicon patterns: tries every entry at every start token by
// walking the pattern's slots recursively. Slow and obviously correct; the TokenMatcher
// automaton is tested against it.
#ifndef PARALLAX_TESTS_LEXICON_REFERENCE_MATCHER_H_
#define PARALLAX_TESTS_LEXICON_REFERENCE_MATCHER_H_

#include <vector>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/matcher.h"
#include "engine/text/tokenizer.h"

namespace parallax {

// Every match of every entry, sorted and without duplicates.
std::vector<TokenMatch> BruteForceMatch(const std::vector<LexiconEntry>& entries,
                                        const std::vector<Token>& tokens);

}  // namespace parallax

#endif  // PARALLAX_TESTS_LEXICON_REFERENCE_MATCHER_H_
