// Discrepancies between two sentences that make the same claim: different numbers, dates or
// places, or one negated where the other is not.
//
// Lexical similarity rates "The army killed 12 militants" and "The army killed 20 militants"
// (or "... did not kill ...") as nearly identical, and it should: they are the same claim. What
// makes them disagree is reported here, so a claim cluster shows "same claim, figures differ"
// instead of agreement.
//
// Rules, each on the featurized sentences (sentence_features.h):
//   kNumber    both sentences carry numbers and each has a value the other lacks
//              (years are dates, not numbers);
//   kNegation  the count of negation words differs in parity ("did" / "did not");
//   kDate      for one kind of date word (year, month, weekday, yesterday/today/...), both name
//              one and each names one the other lacks;
//   kPlace     both name places (entities of kind country, place or city) after a locative
//              preposition ("in", "at", "near", "outside", ...) and each names one the other
//              lacks ("Pakistan's army" and "Chinese officials" name actors, not places).
// A sentence that simply leaves a detail out is an omission, not a discrepancy.
// Two more kinds, kSpeaker (different people quoted) and kAttribution (one side attributes what
// the other states as fact), need the sentence text and come from voice.h.
//
// Thread safety: a pure function.
#ifndef PARALLAX_ENGINE_ALIGN_DISCREPANCY_H_
#define PARALLAX_ENGINE_ALIGN_DISCREPANCY_H_

#include <string>
#include <vector>

#include "engine/align/sentence_features.h"
#include "engine/base/span.h"

namespace parallax {

struct Discrepancy {
  enum class Kind { kNumber, kNegation, kDate, kPlace, kSpeaker, kAttribution };
  Kind kind = Kind::kNumber;
  // What each side says that the other does not: byte spans (as featurized) and their text
  // ("12" / "20"; "not" / ""; "Monday" / "Tuesday"; "Karachi" / "Lahore").
  std::vector<Span> a_spans;
  std::vector<Span> b_spans;
  std::string a_text;
  std::string b_text;
};

// "number", "negation", "date", "place", "speaker", "attribution".
const char* DiscrepancyKindName(Discrepancy::Kind kind);

// Returns the discrepancies between a and b of the first four kinds, in the order above.
std::vector<Discrepancy> FindDiscrepancies(const SentenceFeatures& a, const SentenceFeatures& b);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_DISCREPANCY_H_
