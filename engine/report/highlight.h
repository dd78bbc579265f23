// Highlight segmentation: turns overlapping, nested highlight ranges over a piece of text into
// consecutive, non-overlapping segments, each listing every range that covers it.
//
// HTML cannot express overlapping elements, but marks overlap ("This seems far-fetched" is a
// hedge inside an evaluative phrase; an attribution's source may hold an evaluative word). The
// report renders each segment as nested elements, one per covering range, so every byte shows
// every category that applies to it.
//
// Offsets are UTF-8 byte offsets. A range boundary that falls inside a multi-byte character is
// widened to the character's boundary (start moves back, end moves forward), so a segment never
// splits a character.
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_REPORT_HIGHLIGHT_H_
#define PARALLAX_ENGINE_REPORT_HIGHLIGHT_H_

#include <string_view>
#include <vector>

#include "engine/base/span.h"

namespace parallax {

struct HighlightSegment {
  Span span;
  // Indices into the `layers` argument of the ranges covering this segment, outermost first:
  // ordered by (start, longer first, index), which keeps a range's nesting stable along it.
  std::vector<int> layers;

  friend bool operator==(const HighlightSegment&, const HighlightSegment&) = default;
};

// Returns `range` cut into consecutive segments at every boundary of a layer clipped to it.
// The segments cover `range` exactly, in order, without gaps; segments no layer covers have
// empty `layers`. Layers that are empty after clipping are ignored. REQUIRES: range lies within
// text.
std::vector<HighlightSegment> SplitIntoSegments(std::string_view text, Span range,
                                                const std::vector<Span>& layers);

// Returns a nesting level per layer: the smallest level not taken by an overlapping layer that
// comes earlier in (start, longer first, index) order. Non-overlapping layers share level 0; a
// layer nested in another gets a higher level, so the report can draw each layer's underline at
// its own depth.
std::vector<int> AssignNestingLevels(const std::vector<Span>& layers);

// Returns `span` clipped to `range` and widened to UTF-8 character boundaries within it.
Span SnapToCharacters(std::string_view text, Span range, Span span);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_HIGHLIGHT_H_
