// stories.json: the batch's map of articles to stories, for scripts — the other rendering of a
// BatchIndexModel (batch_model.h) beside the index page.
//
//   {"schema_version": "1.0",
//    "stories": [{"id": "s1", "title": "...", "report": "stories/story-s1.html",
//                 "articles": ["a1", "a2"]}, ...],
//    "articles": {"a1": "s1", "a2": "s1", ...},
//    "skipped": ["feed.jsonl:12: ...", ...]}
//
// Stories in model order; "articles" maps each article id to its story (an id given twice
// keeps its first place and its last story); "skipped" holds the failures' messages.
// Untrusted text is escaped as JSON; invalid UTF-8 is replaced by U+FFFD.
//
// Thread safety: a pure function of its argument.
#ifndef PARALLAX_ENGINE_REPORT_STORIES_JSON_H_
#define PARALLAX_ENGINE_REPORT_STORIES_JSON_H_

#include <string>

#include "engine/report/batch_model.h"

namespace parallax {

// Returns the document, indented by two spaces, with a final newline.
std::string RenderStoriesJson(const BatchIndexModel& model);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_STORIES_JSON_H_
