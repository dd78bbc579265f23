// News-crawler JSON: articles as the news-please crawler writes them, one object per .json file
// or one per line of a .jsonl file.
//
// Fields read (others are ignored): `maintext` (the body; `text` or `body` when it is absent),
// `title`, `authors` (list or string), `date_publish` (or `date`), `source_domain` (or `source`),
// `url`, `id`, `tags` (list), `story`. Only this module and report output use nlohmann-json.
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_INGEST_NEWS_JSON_H_
#define PARALLAX_ENGINE_INGEST_NEWS_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/ingest/article.h"

namespace parallax {

// The article fields of one JSON object; `text` holds the body unprocessed.
struct NewsJsonRecord {
  Article article;
  std::string story;  // an event label given by the crawler or a converter, may be empty
};

// Parses one JSON object. `where` ("file" or "file:line") names it in messages.
StatusOr<NewsJsonRecord> ParseNewsJson(std::string_view json, const std::string& where);

// Splits JSONL into (line number, line) pairs of non-blank lines, 1-based.
std::vector<std::pair<size_t, std::string_view>> JsonlLines(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INGEST_NEWS_JSON_H_
