// Finding the words of a stored sentence that a query matched. Internal to engine/index.
//
// Xapian reports which terms (stems) of the query a sentence matched, not where; this splits
// the text into words the way Xapian's TermGenerator does (runs of Unicode word characters,
// inner apostrophes kept, hyphens separating), lower-cases and stems each word, and keeps the
// ones whose stem was matched. Words joined only by hyphens are reported as one span, so
// "counter-terrorism" is highlighted whole.
//
// Thread safety: pure function; Xapian::Stem objects are not thread-safe.
#ifndef PARALLAX_ENGINE_INDEX_HIGHLIGHT_H_
#define PARALLAX_ENGINE_INDEX_HIGHLIGHT_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/base/span.h"

namespace parallax {

// Byte spans into `text`, in order, never overlapping.
std::vector<Span> HighlightMatches(std::string_view text,
                                   const std::unordered_set<std::string>& stems,
                                   const Xapian::Stem& stemmer);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INDEX_HIGHLIGHT_H_
