// The outputs of the index's queries, as the `search` and `index list` commands print them and
// the local desk will serve them: search results as text (matching words in [brackets], or bold
// on a terminal) or JSON (byte offsets of the highlights within each sentence's text); the list
// of indexed articles as tab-separated text or JSON.
//
// Text from the index came from crawled pages: in the text formats control characters are shown
// escaped (base/visible_text.h), never sent to a terminal to act, and a tab or newline cannot
// forge a column or a row. The JSON formats escape as JSON and replace invalid UTF-8.
//
// Thread safety: pure functions of their arguments.
#ifndef PARALLAX_ENGINE_INDEX_RESULT_FORMATS_H_
#define PARALLAX_ENGINE_INDEX_RESULT_FORMATS_H_

#include <string>
#include <vector>

#include "engine/index/sentence_index.h"

namespace parallax {

// "<shown> of about <estimated> matching sentences", then per source "== <source> (<n>)" and a
// line per hit: "  <article> #<sentence> <date>: <text with highlights>".
std::string SearchResultsText(const SearchResults& results, bool bold);

// {"query", "estimated_matches", "groups": [{"source", "hits": [{"rank", "weight", "article",
// "title", "date", "sentence", "start", "end", "text", "highlights": [[start, end], ...]}]}]},
// indented by two spaces, with a final newline.
std::string SearchResultsJson(const std::string& query, const SearchResults& results);

// One line per article: id, source, date ("-" when unknown), sentences, title, tab-separated.
std::string ArticleListText(const std::vector<IndexedArticle>& articles);

// [{"id", "source", "date", "title", "author", "url", "tags", "sentences"}, ...], indented by
// two spaces, with a final newline.
std::string ArticleListJson(const std::vector<IndexedArticle>& articles);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INDEX_RESULT_FORMATS_H_
