// Quoted stretches of a paragraph: where quoted speech begins and ends, so that later stages
// can tell an outlet's own voice from the words it quotes.
//
// Recognised pairs: “…”, «…», straight "…", and single ‘…’ / '…' when used as quotes: a single
// mark opens only after a non-letter (start, space, bracket, dash) and before a non-space, and
// closes only after a non-space and before a non-letter, so the apostrophes of "don't" and
// "Pakistan’s" never open or close a quote. A single-quoted stretch without its closing mark
// is dropped; a double-quoted one runs to the end of the paragraph (news writing opens a quote
// that continues into the next paragraph and closes it only there). A stretch nested in another
// (‘…’ inside “…”) is not reported: the outer one already covers it.
//
// Bracketed asides are found too: the outermost matching pairs of () and [], for the splitter,
// which does not end a sentence inside a closed quote or bracket (see sentence_splitter.h).
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_SEGMENT_QUOTES_H_
#define PARALLAX_ENGINE_SEGMENT_QUOTES_H_

#include <string_view>
#include <vector>

#include "engine/base/span.h"

namespace parallax {

struct QuotedStretch {
  Span span;    // quote marks included
  bool closed;  // false iff the stretch runs to the paragraph's end without a closing mark
};

// Returns the quoted stretches inside `paragraph` (a span of `text`), sorted and not
// overlapping. Runs in time linear in the paragraph's length.
std::vector<QuotedStretch> FindQuotedStretches(std::string_view text, Span paragraph);

// The spans of FindQuotedStretches.
std::vector<Span> FindQuotes(std::string_view text, Span paragraph);

// Returns the outermost matched pairs of () and [] inside `paragraph`, brackets included, in
// order. An unmatched bracket ("1)" in a list) matches nothing. Linear in the paragraph's length.
std::vector<Span> FindBracketPairs(std::string_view text, Span paragraph);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_SEGMENT_QUOTES_H_
