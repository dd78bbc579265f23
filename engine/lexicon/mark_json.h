// The marks of one sentence as `parallax mark` writes them: one JSON object on one line
// (--format jsonl) or an indented listing (--format text). The one writer of per-sentence
// marks, used by the mark command and by tests/lexicon/mark_lines; the report's JSON writes
// the report model's marks instead (report/json_report.cc).
//
// A JSON line, offsets in bytes into the article text:
//   {"article", "index", "start", "end", "paragraph", "heading", "text", "quotes": [[start, end]],
//    "marks": [{"category", "start", "end", "cue", "entry", "lexicon", "stance", "source_kind",
//               "source_start", "source_end", "polarity", "voice", "negated", "weight"}]}
// "stance", "source_kind", the source offsets and "polarity" appear only when the mark has them
// (mark.h). Text that is not valid UTF-8 is written with U+FFFD in place of the bad bytes.
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_LEXICON_MARK_JSON_H_
#define PARALLAX_ENGINE_LEXICON_MARK_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/lexicon/mark.h"
#include "engine/segment/sentence.h"

namespace parallax {

// One sentence and its marks as a JSON line, "\n" included. `text` is the article's text, which
// sentence.span and the marks' spans index into; `article_id` names the article.
std::string SentenceMarksJsonLine(std::string_view article_id, std::string_view text,
                                  const Sentence& sentence, const std::vector<Mark>& marks);

// The same as text: "<index> [heading] <sentence>" and an indented line per mark with its
// category, cue, stance, source, polarity, negation, voice and entry.
std::string SentenceMarksText(std::string_view text, const Sentence& sentence,
                              const std::vector<Mark>& marks);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_MARK_JSON_H_
