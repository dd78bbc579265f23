// Quotation evidence between two sentences: do they quote the same words, and if so, do they
// quote them alike?
//
// Two outlets that quote one speaker's words are making the same statement whatever else their
// sentences say ("'It's not against the president,' she said" is one claim in any wording of the
// frame), so a shared quotation is the strongest evidence the aligner has that two sentences
// are one claim. And the same quotation given with different words ("what have you guys been
// debating, John?" / "... been doing, John?") is a disagreement a fact-checker wants flagged.
//
// Method: the words of each sentence that lie inside its quoted stretches (segment/quotes.h,
// spans given by the caller) are compared by stem, quotation by quotation, with a longest common
// subsequence. Two quotations are *shared* when the subsequence holds at least
// kMinSharedQuoteWords words, kMinSharedQuoteContentWords of them content words, and covers at
// least kMinQuoteCoverage of the shorter quotation. A shared quotation *differs* when, between the
// first and last words the two have in common, one side has words the other lacks: a word
// substituted ("debating" / "doing"), added or left out ("both discriminators and victims" /
// "discriminators and victims"), a misquote as fact-checkers count one; and when both versions
// end (or open) with a few words of their own, one of them a content word, the end given in
// other words ("closer to a nuclear bomb" / "closer to nuclear arms"). Not a difference: a
// quotation cut short (one side alone with words before the first or after the last common
// word), an editor's hand shown in the text between two common words ("…", "...", or
// brackets: "[...]", "[firearms]"), a contraction spelled out ("he's" / "he is"), and the same
// words in another house style
// ("F.B.I." / "FBI", "tax-filing" / "tax filing", "two-in-three" / "2 in 3": letters and digits
// compared, number words as digits; "Sen." / "Senator").
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_ALIGN_QUOTATION_H_
#define PARALLAX_ENGINE_ALIGN_QUOTATION_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/align/sentence_features.h"
#include "engine/base/span.h"

namespace parallax {

inline constexpr size_t kMinSharedQuoteWords = 4;
inline constexpr size_t kMinSharedQuoteContentWords = 2;
inline constexpr double kMinQuoteCoverage = 0.6;
// Both versions ending (or opening) with their own words, at most this many each, is the
// ending given in other words; longer, they are two quotations that share a stretch.
inline constexpr size_t kMaxOtherEndingWords = 3;

struct QuoteMatch {
  bool shared = false;      // see the file comment
  size_t shared_words = 0;  // words in common (the longest common subsequence)
  Span a_common;            // set iff shared: a's first to last word in common
  // Set iff shared and the two renderings differ (see the file comment): the words each side
  // has that the other lacks, as spans (as featurized) and lower-cased text.
  bool differs = false;
  std::vector<Span> a_spans;
  std::vector<Span> b_spans;
  std::string a_text;
  std::string b_text;
  // Set iff differs and a word one side has and the other lacks is a negation ("I used money I
  // shouldn't have used" / "money that should have been used"): the quotation given the other
  // way round.
  bool negation_differs = false;
};

// One side of the comparison. Not owning.
struct QuotedSentence {
  const SentenceFeatures& features;
  std::span<const Span> quotes;  // its quoted stretches, in the featurized offsets
  std::string_view text;         // the text featurized: byte i is offset base + i
  size_t base = 0;
};

// Returns the best-matching pair of quotations of a and b (most words in common).
QuoteMatch MatchQuotations(const QuotedSentence& a, const QuotedSentence& b);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_QUOTATION_H_
