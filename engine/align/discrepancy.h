// Discrepancies between two sentences that make the same claim: different numbers, dates or
// places, or one negated where the other is not.
//
// Lexical similarity rates "The army killed 12 militants" and "The army killed 20 militants"
// (or "... did not kill ...") as nearly identical, and it should: they are the same claim. What
// makes them disagree is reported here, so a claim cluster shows "same claim, figures differ"
// instead of agreement.
//
// Rules, each on the featurized sentences (sentence_features.h):
//   kNumber    each sentence has a value the other lacks, for the same quantity: the two
//              values share the word after them ("3 killed" / "4 killed", "$1.2 million
//              dollars") or before them ("$43,350" / "$43,000" after "a", "of"...); years are
//              dates, not numbers. "3 killed" / "20 injured" are two quantities;
//   kNegation  polarity of the shared predicate: a negation governs (stands at most two words
//              before) a content word both sentences have, and the other sentence has that
//              word ungoverned ("did not vote" / "voted"; not "no" anywhere in the sentence);
//   kDate      for one kind of date word (year, month, weekday, yesterday/today/...), both name
//              one and each names one the other lacks;
//   kPlace     both name places (entities of kind country, place or city) after a locative
//              preposition ("in", "at", "near", "outside", ..., "to" after a journey: "a visit
//              to China") and each names one the other
//              lacks ("Pakistan's army" and "Chinese officials" name actors, not places).
// A sentence that simply leaves a detail out is an omission, not a discrepancy.
// kSpeaker (one quotation, two speakers), kQuote (quotation.h) and kAttribution (certainty
// drift, certainty.h) need more than the features and are found by the claim aligner.
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
  enum class Kind { kNumber, kNegation, kDate, kPlace, kSpeaker, kAttribution, kQuote };
  Kind kind = Kind::kNumber;
  // What each side says that the other does not: byte spans (as featurized) and their text
  // ("12" / "20"; "not" / ""; "Monday" / "Tuesday"; "Karachi" / "Lahore").
  std::vector<Span> a_spans;
  std::vector<Span> b_spans;
  std::string a_text;
  std::string b_text;
};

// "number", "negation", "date", "place", "speaker", "attribution", "quote".
const char* DiscrepancyKindName(Discrepancy::Kind kind);

// Returns the discrepancies between a and b of the first four kinds, in the order above.
// Two sentences with two or more of kNumber, kDate, kPlace are probably about two happenings.
std::vector<Discrepancy> FindDiscrepancies(const SentenceFeatures& a, const SentenceFeatures& b);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_DISCREPANCY_H_
