// Evaluative threshold: a sentence's evaluative marks stand only when, together, they weigh
// enough.
//
// Some loaded words are loaded only in loaded company. "Radical", "failed", "agenda" or
// "massacre" are plain words in "the bill failed" or "the school massacre", and judging ones in
// "the failed, radical agenda". The evaluative lexicon gives such context-dependent entries,
// and intensifiers ("extremely"), a weight below 1 (lexicons/evaluative.yaml); every other
// entry weighs 1. A sentence keeps its evaluative marks iff their weight (below) is at least
// `min_weight`: with the default of 1 a strong word always stands and a weak one needs a second
// evaluative word beside it. Marks of other categories are never touched.
//
// `quoted_factor` scales what a loaded word inside quoted speech counts for (the speaker's
// words, not the outlet's). It is 1 by default: at 0.5 BASIL's "has a lex span" sentence F1
// fell on both the train and the dev split (the annotators mark loaded words in quotes too),
// so it is left for callers that want to weigh the outlet's own voice only.
//
//   ApplyEvaluativeThreshold({.min_weight = 1, .quoted_factor = 1}, &marks);
//
// Thread safety: pure functions of their arguments.
#ifndef PARALLAX_ENGINE_LEXICON_EVALUATIVE_THRESHOLD_H_
#define PARALLAX_ENGINE_LEXICON_EVALUATIVE_THRESHOLD_H_

#include <vector>

#include "engine/lexicon/mark.h"

namespace parallax {

struct EvaluativeThreshold {
  // The weight a sentence's evaluative marks need to stand; 0 or less keeps every mark.
  double min_weight = 1.0;
  // What a mark in a quoted voice (Voice::kQuoted) counts for, as a share of its weight.
  double quoted_factor = 1.0;
};

// The evaluative weight of a sentence's marks: the sum over its evaluative marks of
// Mark::weight, times quoted_factor for quoted ones, each lexicon entry counted once at its
// largest (a repeated topic word, "the massacre ... the massacre", is not loaded company).
double EvaluativeWeight(const std::vector<Mark>& marks, double quoted_factor);

// Removes every evaluative mark from *marks when their EvaluativeWeight is below
// threshold.min_weight; keeps the order of the rest. Returns the number of marks removed.
int ApplyEvaluativeThreshold(const EvaluativeThreshold& threshold, std::vector<Mark>* marks);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_EVALUATIVE_THRESHOLD_H_
