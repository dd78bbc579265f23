// Closed word classes the similarity scorer treats specially: function words, numbers written
// in words or digits, and date words. Internal to the align module. Negations come from the
// negator lexicon (lexicon/negators.h), the marker's list.
//
// All functions take a normalised token (tokenizer.h: lower-cased, apostrophes folded) and are
// pure.
#ifndef PARALLAX_ENGINE_ALIGN_WORD_CLASSES_H_
#define PARALLAX_ENGINE_ALIGN_WORD_CLASSES_H_

#include <optional>
#include <string_view>

#include "engine/align/sentence_features.h"

namespace parallax {

// Returns true iff `norm` is an English function word ("the", "of", "is", ...).
bool IsStopWord(std::string_view norm);

// Returns the value of a digit token ("1,000" -> 1000, "3.5" -> 3.5, "5th" -> 5), or nullopt
// when it is not a plain number ("1990s", "9/11", "b52").
std::optional<double> ParseNumber(std::string_view norm);

// Returns the value of a number word ("two" -> 2, "dozen" -> 12, "seventy" -> 70). "one" is
// left out: it is a pronoun more often than a count.
std::optional<double> NumberWordValue(std::string_view norm);

// Returns the factor of a multiplier word after a number ("million" -> 1e6, "bn" -> 1e9).
std::optional<double> MultiplierValue(std::string_view norm);

// Returns the date kind of a month, weekday or relative day word. Months must be capitalised
// ("May" the month, not "may" the verb).
std::optional<DateRef::Kind> DateWordKind(std::string_view norm, bool capitalized);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_WORD_CLASSES_H_
