// Sentence: the unit that is indexed, aligned and marked.
//
// A sentence is a byte span of its article's text (see ingest/article.h) plus the structure the
// later stages need: the paragraph it belongs to, whether it is a heading, and the spans of
// quoted speech inside it (so marks can tell the outlet's own voice from quoted speech).
#ifndef PARALLAX_ENGINE_SEGMENT_SENTENCE_H_
#define PARALLAX_ENGINE_SEGMENT_SENTENCE_H_

#include <vector>

#include "engine/base/span.h"

namespace parallax {

struct Sentence {
  int index = 0;      // 0-based position within the article
  Span span;          // into Article::text; trimmed of surrounding white space
  int paragraph = 0;  // index into Article::paragraphs
  bool heading = false;
  std::vector<Span> quotes;  // quoted stretches inside `span` (quote marks included), in order
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_SEGMENT_SENTENCE_H_
