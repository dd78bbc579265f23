// Reading articles from the inputs a user names: a corpus manifest (.yaml/.yml), an article file
// (.txt, .html/.htm, .json), a news-crawler JSONL file (.jsonl), or a directory of them.
//
// Without a manifest, what the file says is used: news-crawler JSON gives source, author, date,
// url and title; an HTML page its meta tags; a .txt file only its text. An article with no known
// source takes the name of the folder it sits in below the input directory ("corpus/fox/a.txt"
// -> "fox"), else its own id, so that articles from different files are compared as different
// sources. Ids default to the file's path below the input directory, without extension, plus
// "-<line>" for JSONL records.
//
// Thread safety: ArticleReader is immutable after construction; Read may run concurrently.
#ifndef PARALLAX_ENGINE_INGEST_ARTICLE_READER_H_
#define PARALLAX_ENGINE_INGEST_ARTICLE_READER_H_

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/ingest/article.h"
#include "engine/ingest/boilerplate.h"

namespace parallax {

struct ManifestEntry;

// Articles whose text is longer than this are refused: news articles are well under 1 MB, and
// later stages (alignment, the HTML report) cost far more memory per byte than reading does, so
// one mistaken multi-megabyte "article" (a whole site dump, a log file) must not exhaust memory.
inline constexpr size_t kMaxArticleBytes = size_t{4} << 20;

struct ReadOptions {
  // See kMaxArticleBytes.
  size_t max_article_bytes = kMaxArticleBytes;
  // When true, an article that cannot be read is reported in `skipped` and the rest go on
  // (batch mode); when false, the first bad article fails the whole read.
  bool skip_bad_articles = false;
  // When false (the default), an article of a manifest must lie inside the manifest's folder
  // once `..` and symbolic links are resolved: manifests come from other people, and a path
  // such as /etc/passwd or ../../.ssh/id_rsa would otherwise be read and published in the
  // report. The CLI sets it with --allow-outside-paths.
  bool allow_outside_paths = false;
  // Worker threads for ReadAll: files and JSONL lines are parsed, checked and filtered on this
  // many threads (values below 1 mean 1). The result does not depend on it: articles, stories,
  // skipped messages and the error returned are those of reading the inputs in order.
  int threads = 1;
};

// One unit of work found while listing the inputs: a file (or manifest entry) to read.
struct ArticleSource {
  std::string path;
  std::string format;  // txt, html, json, jsonl
  std::string default_id;
  std::string default_source;
  const ManifestEntry* manifest_entry = nullptr;  // owned by ArticleSources::manifests
};

struct ReadResult {
  std::vector<Article> articles;
  std::vector<std::string> skipped;  // one message per article skipped (skip_bad_articles)
  std::vector<std::string>
      stories;        // per article: a story label from the input (JSON "story"), or ""
  std::string title;  // the manifest's title, if any
};

class ArticleReader {
 public:
  ArticleReader(BoilerplateRules rules, ReadOptions options)
      : rules_(std::move(rules)), options_(options) {}

  // Reads every article of every input, in the order given (directories in sorted order).
  // Fails on a missing input, a directory without articles, a manifest path outside its folder
  // (see allow_outside_paths), or (unless skip_bad_articles) a duplicate id across inputs or
  // the first unreadable article in input order; with skip_bad_articles, the later article of
  // a duplicate id is skipped like an unreadable one. Ids and sources are shown visibly
  // (VisibleName, engine/base/visible_text.h), with a warning, when they hold invisible or
  // direction-changing characters. Each file, and each
  // line of a JSONL file, is one unit of work for the options.threads workers; all JSONL files
  // are held in memory until the read ends.
  StatusOr<ReadResult> ReadAll(const std::vector<std::string>& inputs) const;

  // Reads one article file of a known format (txt, html, json). The id and source are left
  // empty unless the file itself names them (JSON `id`, `source_domain`; HTML `og:site_name`).
  StatusOr<std::vector<Article>> ReadFile(const std::string& path, const std::string& format) const;

  // Builds an article from text already in memory (stdin, --lines), through the same checks.
  StatusOr<Article> FromText(std::string text, const std::string& id,
                             const std::string& name) const;

 private:
  struct WorkItem;    // a file, or one line of a JSONL file
  struct WorkResult;  // what reading it gave
  void ReadWorkItem(const WorkItem& item, WorkResult* result) const;
  Status FinishArticle(Article* article, size_t body_start,
                       std::vector<Paragraph> candidates) const;

  BoilerplateRules rules_;
  ReadOptions options_;
};

// The format of a file by its extension ("txt", "html", "json", "jsonl", "yaml"), or "".
std::string FormatOfPath(const std::string& path);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INGEST_ARTICLE_READER_H_
