// Article: one piece of writing from one source, as ingest hands it to the later stages.
//
// `text` is the text every byte span in Parallax points into: for a .txt file the file's bytes
// as they are (a byte-order mark, CR bytes and boilerplate lines stay in `text` but fall outside
// every paragraph); for HTML the text extracted from the page; for news-crawler JSON the
// `maintext` field. `paragraphs` are the body blocks kept after boilerplate removal, in order;
// only they are split into sentences.
#ifndef PARALLAX_ENGINE_INGEST_ARTICLE_H_
#define PARALLAX_ENGINE_INGEST_ARTICLE_H_

#include <string>
#include <vector>

#include "engine/base/paragraph.h"
#include "engine/base/span.h"

namespace parallax {

struct Article {
  std::string id;      // unique within a corpus
  std::string source;  // the outlet or publisher ("firstpost", "Pakistan Army ISPR")
  std::string author;  // may be empty
  std::string date;    // ISO 8601 date (YYYY-MM-DD) or empty when unknown
  std::string url;
  std::string title;
  std::vector<std::string> tags;  // free labels: "columnist", "state media", ...
  std::string origin;  // where it was read from: "path" or "path:line" for JSONL; for messages
  // Provenance: how `text` was obtained, for the record of a study.
  std::string format;  // "txt", "html" or "json"
  // The charset the file was read as ("utf-8", "windows-1251", "utf-16le"); see page_charset.h.
  std::string charset = "utf-8";
  // What produced `text` from the file: "file text" (.txt), "news-crawler maintext" (.json,
  // .jsonl), or "parallax-html <version>" (the main-text extractor of engine/html).
  std::string extractor;
  bool gzip = false;  // the file was gzip-compressed

  std::string text;
  std::vector<Paragraph> paragraphs;
  // Lines kept aside from the body as metadata (author disclaimers, bylines), in file order.
  std::vector<std::string> notes;
  // Things a user should know about how the article was read ("invalid UTF-8 byte at offset
  // 812 replaced by '?'"); printed to stderr by the CLI and shown in reports.
  std::vector<std::string> warnings;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INGEST_ARTICLE_H_
