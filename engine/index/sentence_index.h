// The lasting sentence index: every sentence of every article in one Xapian database.
//
// This is the public face of engine/index and the only module that uses Xapian; no Xapian type
// or exception crosses this header. The schema (terms, prefixes, values, document data) is
// documented in engine/index/README.md.
//
// Writing (SentenceIndex):
//   * AddArticle replaces every sentence of an article with the same id, so re-adding a corpus
//     never duplicates anything. Each AddArticle is one Xapian transaction: its changes reach
//     the disk whole or not at all.
//   * Commit() makes everything added so far durable. A writer killed at any point (kill -9)
//     leaves the index opening with exactly the articles committed before, each whole.
//   * One writer per index: a second OpenForWrite fails with Status::Locked
//     ("<dir>: index is locked by another process") while the first is open.
// Reading (IndexReader) works while a writer adds: a reader sees the last commit as of Open or
// Refresh(), and Search reopens by itself when the writer's commits overtake it.
//
// Errors: a directory that is not a Parallax index is InvalidInput; a damaged index or one of
// another schema version is Corruption; a missing index is NotFound (readers only). Every
// message names the directory.
//
// Thread safety: neither class is thread-safe; use one object per thread (several readers,
// in any processes, may be open on one index at once).
#ifndef PARALLAX_ENGINE_INDEX_SENTENCE_INDEX_H_
#define PARALLAX_ENGINE_INDEX_SENTENCE_INDEX_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/span.h"
#include "engine/base/status.h"
#include "engine/ingest/article.h"
#include "engine/segment/sentence.h"

namespace parallax {

// The schema version this build writes into new indexes (metadata key "parallax_schema").
// It also reads and adds to indexes of kOldestIndexSchemaVersion, in their own schema
// (engine/index/README.md, "Schema versions").
inline constexpr int kIndexSchemaVersion = 2;
inline constexpr int kOldestIndexSchemaVersion = 1;

// Article ids, sources and tags are stored in Xapian terms, which are limited to 245 bytes.
// Ids longer than this are refused (they cannot be shortened without risking two articles
// sharing one); longer sources and tags are shortened with a hash, which is invisible to users.
inline constexpr size_t kMaxArticleIdBytes = 200;

struct IndexOptions {
  // Create the index when `dir` does not exist or is an empty directory. A non-empty directory
  // that is not a Parallax index is never written into.
  bool create_if_missing = true;
  // Commit by itself, at an article boundary, once this many sentences have been added since
  // the last commit (0: only on Commit() and when the writer is destroyed). Commits cost an
  // fsync each; larger batches index faster, smaller ones lose less work to a crash.
  size_t commit_every_sentences = 20000;
};

class IndexReader;

// One name of an entity and the entity's canonical name: {"Beijing", "China"}.
struct EntityAlias {
  std::string phrase;
  std::string canonical;
};

// Writes articles' sentences into an index.
class SentenceIndex {
 public:
  // Opens (or creates, see IndexOptions) the index in `dir` for writing.
  static StatusOr<std::unique_ptr<SentenceIndex>> OpenForWrite(const std::string& dir,
                                                               const IndexOptions& options = {});
  // A throw-away index for one-shot reports, in a fresh temporary directory that is removed
  // when the writer is destroyed. Same behaviour as an index on disk; never Locked.
  static StatusOr<std::unique_ptr<SentenceIndex>> OpenTemporary();

  // Commits what was added (whole articles only) and releases the write lock. Errors at this
  // point are lost: call Commit() first to see them.
  ~SentenceIndex();
  SentenceIndex(const SentenceIndex&) = delete;
  SentenceIndex& operator=(const SentenceIndex&) = delete;

  // Indexes `sentences` (spans into article.text) of `article`, replacing any article with
  // the same id. `entities[i]` are the canonical entity names found in sentences[i] (see
  // FindEntityNames below); `entities` may be empty (no entities) or has one entry per sentence.
  // Fails with InvalidInput (nothing written) when the id is empty or longer than
  // kMaxArticleIdBytes, a span lies outside the text, or `entities` has the wrong size.
  Status AddArticle(const Article& article, const std::vector<Sentence>& sentences,
                    const std::vector<std::vector<std::string>>& entities = {});

  // Removes every sentence of article `id`. NotFound when the index has no such article.
  Status RemoveArticle(const std::string& id);

  // Makes plain query words that name an entity match it by any of its names: a search for
  // "Beijing" also finds sentences indexed with the entity China (its XE term), as does
  // "People's Republic of China"; "COAS" finds "Asim Munir". Stored once per index as Xapian
  // synonyms (each phrase, its possessive and each canonical name -> the entity term), which
  // replace any stored before; Search expands query words with them, never inside "quoted
  // phrases". Writes nothing when the same list is already stored (a fingerprint in the
  // metadata), so callers may pass the table on every open. Pass the table that found the
  // entities given to AddArticle (see EntityAliases). Durable with the next commit.
  Status SetEntityAliases(const std::vector<EntityAlias>& aliases);

  // Makes every change so far durable (one fsync).
  Status Commit();

  // A reader over this writer's database, seeing its uncommitted changes too (the way to
  // search a temporary index). It must not outlive the writer nor be used while the writer
  // is being used.
  StatusOr<std::unique_ptr<IndexReader>> NewReader();

  // Sentences in the index, committed or not.
  uint64_t sentence_count() const;
  const std::string& dir() const { return dir_; }

 private:
  struct Impl;
  SentenceIndex(std::string dir, IndexOptions options, std::unique_ptr<Impl> impl);
  // After a failed change: cancels the open transaction, if any.
  void Undo();

  std::string dir_;
  IndexOptions options_;
  std::unique_ptr<Impl> impl_;
  size_t uncommitted_sentences_ = 0;
};

// One article as the index knows it (from its article record, without reading any file).
struct IndexedArticle {
  std::string id;
  std::string source;
  std::string date;  // YYYY-MM-DD or ""
  std::string title;
  std::string author;
  std::string url;
  std::vector<std::string> tags;
  int sentence_count = 0;
};

struct SearchRequest {
  // Xapian query syntax: words (all must match unless match_all is false), "quoted phrases",
  // AND / OR / NOT / XOR, parentheses, +word / -word, trailing * wildcards, and the filters
  // source:NAME, tag:NAME, entity:NAME, article:ID (quote values with spaces: source:"News site").
  // Words are stemmed (english), so "supported" finds "support". Empty: every sentence.
  std::string query;
  bool match_all = true;
  // Filters; values are matched ignoring case. Several values of one kind are alternatives;
  // kinds combine with AND.
  std::vector<std::string> sources;
  std::vector<std::string> tags;
  std::vector<std::string> entities;  // canonical entity names
  // Inclusive date range on the article's date: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty for
  // no bound. Sentences of undated articles never pass a date filter.
  std::string from_date;
  std::string to_date;
  // At most `limit` sentences in all, and at most `per_source` from one source (0: no cap).
  size_t limit = 20;
  size_t per_source = 0;
};

struct SearchHit {
  std::string article_id;
  std::string source;
  std::string date;
  std::string title;
  int sentence_index = 0;
  Span span;         // the sentence's bytes in its article's text
  std::string text;  // the sentence itself
  // Words of `text` that match the query, as byte spans into `text` (not into the article:
  // add span.start for that), in order, never overlapping.
  std::vector<Span> highlights;
  int rank = 0;  // 0-based rank among all hits
  double weight = 0;
};

struct SourceGroup {
  std::string source;
  std::vector<SearchHit> hits;  // in rank order
};

struct SearchResults {
  uint64_t estimated_matches = 0;  // Xapian's estimate of all matching sentences
  // Ordered by each source's best hit; the hits of all groups together are the top `limit`.
  std::vector<SourceGroup> groups;
};

// What the aligner needs of one sentence: its identity and its stemmed terms.
struct SentenceTerms {
  uint32_t doc = 0;  // the sentence's document number: dense-ish, stable until re-indexed
  std::string article_id;
  std::string source;
  int sentence_index = 0;
  std::vector<std::pair<std::string, uint32_t>> stems;  // (stem, within-sentence count), sorted
  std::vector<std::string> entities;                    // canonical names, lower-cased, sorted
};

struct IndexStats {
  uint64_t sentences = 0;
  uint64_t articles = 0;
  uint32_t last_doc = 0;      // largest document number in use (size a matrix with it)
  double average_length = 0;  // terms per sentence
};

// Reads and searches an index. Not thread-safe: one reader per thread.
class IndexReader {
 public:
  // NotFound when `dir` does not exist; InvalidInput when it is not a Parallax index;
  // Corruption when damaged or of another schema version.
  static StatusOr<std::unique_ptr<IndexReader>> Open(const std::string& dir);

  ~IndexReader();
  IndexReader(const IndexReader&) = delete;
  IndexReader& operator=(const IndexReader&) = delete;

  // Moves to the writer's latest commit.
  Status Refresh();

  // Articles sorted by id.
  StatusOr<std::vector<IndexedArticle>> ListArticles();
  StatusOr<IndexedArticle> GetArticle(const std::string& id);

  StatusOr<SearchResults> Search(const SearchRequest& request);

  StatusOr<IndexStats> Stats();
  // Number of sentences holding `stem` (a term as the index stores it, e.g. "support").
  StatusOr<uint32_t> DocFreq(std::string_view stem);
  // Calls `fn` once per sentence, in document-number order, with its terms. This is the bulk
  // access the aligner builds its sparse term matrix from.
  Status ForEachSentence(const std::function<void(const SentenceTerms&)>& fn);

  // Checks that every article is whole: its sentence count matches its record, every sentence
  // belongs to a recorded article. Corruption naming the first mismatch otherwise.
  Status CheckConsistency();

  const std::string& dir() const { return dir_; }

 private:
  friend class SentenceIndex;
  struct Impl;
  IndexReader(std::string dir, std::unique_ptr<Impl> impl);

  std::string dir_;
  std::unique_ptr<Impl> impl_;
};

// Every name of every entity of `aliases` (AliasTable::Names: canonical names included, names
// listed under `case_sensitive` left out, since the query parser lower-cases queries and "US"
// or "Chinese" folded to "us" or "chinese" would expand words that do not name the entity),
// ready for SentenceIndex::SetEntityAliases. Defined in entities.cc.
class AliasTable;
std::vector<EntityAlias> EntityAliases(const AliasTable& aliases);

// The canonical entity names per sentence, found by `aliases` (see text/aliases.h), ready for
// SentenceIndex::AddArticle. Declared here so callers need no other header; defined in
// entities.cc.
std::vector<std::vector<std::string>> FindEntityNames(const AliasTable& aliases,
                                                      const Article& article,
                                                      const std::vector<Sentence>& sentences);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INDEX_SENTENCE_INDEX_H_
