// Paragraph: a block of an article's text, the unit the sentence splitter works on. Its own
// header, below ingest/ (which finds paragraphs) and html/ and segment/ (which make and split
// them), so that none of those includes another only for this type.
#ifndef PARALLAX_ENGINE_BASE_PARAGRAPH_H_
#define PARALLAX_ENGINE_BASE_PARAGRAPH_H_

#include "engine/base/span.h"

namespace parallax {

struct Paragraph {
  Span span;             // into Article::text; never includes the line end
  bool heading = false;  // a section heading: a sentence of its own, never glued to the next
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_PARAGRAPH_H_
