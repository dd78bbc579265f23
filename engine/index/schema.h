// The index schema in code: term prefixes, value slots, metadata keys, and the compact records
// kept in document data and metadata. Internal to engine/index; the public face is
// sentence_index.h, the prose description engine/index/README.md. Changing anything here that
// changes what is on disk means raising kIndexSchemaVersion.
//
// Thread safety: pure functions and constants.
#ifndef PARALLAX_ENGINE_INDEX_SCHEMA_H_
#define PARALLAX_ENGINE_INDEX_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/span.h"

namespace parallax::schema {

// Boolean (filter) term prefixes. Free-text terms are unprefixed stems, and never start with an
// upper-case ASCII letter, so prefixed terms never collide with them.
inline constexpr std::string_view kSourcePrefix = "XS";   // + folded source name
inline constexpr std::string_view kArticlePrefix = "XA";  // + article id (exact)
// No unique per-sentence term ("Q<id>#<n>"): it would add one posting-list key per sentence
// (measured: several percent of indexing time) and nothing needs it, since XA<id> together
// with the position value names a sentence.
inline constexpr std::string_view kTagPrefix = "XT";     // + folded tag
inline constexpr std::string_view kEntityPrefix = "XE";  // + folded canonical entity name

// Value slots. Only the date, for range filters: each further slot cost about 5% of indexing
// throughput (measured), and neither candidate earns it. The sentence position is in the
// document data, and an article's sentences have ascending document numbers; a per-source cap
// on results is applied while walking the ranked list rather than by a collapse key.
inline constexpr unsigned kDateSlot = 0;  // "YYYYMMDD" (sorts as a string); absent if undated

// Metadata.
inline constexpr std::string_view kSchemaKey = "parallax_schema";  // "1"
inline constexpr std::string_view kArticleKeyPrefix = "article:";  // + id -> ArticleRecord
inline constexpr std::string_view kTextKeyPrefix = "text:";        // + id -> the article's text

// Xapian's limit on the length of a term (and metadata key) in bytes, less a margin.
inline constexpr size_t kMaxTermBytes = 240;

// Lower-cases (Unicode, via Xapian's tables) and collapses runs of white space into one space,
// trimming the ends: "  News  Site " -> "news site". Used for sources, tags and entity names,
// at index and at query time alike.
std::string FoldLabel(std::string_view label);

// prefix + value, shortened when longer than kMaxTermBytes: the first bytes (cut at a UTF-8
// character boundary), then "#" and 16 hex digits of a hash of the whole value.
std::string LabelTerm(std::string_view prefix, std::string_view value);

// "YYYY-MM-DD" -> "YYYYMMDD"; "" when `date` is not of that form.
std::string DateValue(std::string_view date);

// Date-range bounds: "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> "YYYYMMDD", completed downwards
// ("2025" -> "20250000") for a lower bound, upwards ("2025" -> "20259999") for an upper one.
// Returns false when `date` has none of these forms.
bool DateBound(std::string_view date, bool upper, std::string* out);

// Document data: which bytes of its article the sentence is, in a few bytes. The article id is
// the document's XA term; the sentence's text is span.Of(metadata "text:<id>"); its source,
// date and title come from the article record. Text and article fields are stored once per
// article rather than once per sentence because Xapian zlib-compresses every document-data
// item: a per-sentence copy of the text cost about a quarter of the indexing throughput, and
// the article id alone (BASIL ids are 50 bytes) several percent (measured with
// bench/index_bench.cc).
struct SentenceRecord {
  int sentence_index = 0;
  Span span;  // in the article's text
  int paragraph = 0;
  bool heading = false;
};

// Metadata "article:<id>": one per article, written in the same transaction as its sentences.
struct ArticleRecord {
  std::string source;
  std::string date;
  std::string title;
  std::string author;
  std::string url;
  std::vector<std::string> tags;
  int sentence_count = 0;
};

// Records are a format byte, then unsigned LEB128 varints and length-prefixed strings in a fixed
// order. Decode* return false on anything truncated, trailing or of another format byte.
std::string EncodeSentence(const SentenceRecord& record);
bool DecodeSentence(std::string_view data, SentenceRecord* record);
std::string EncodeArticle(const ArticleRecord& record);
bool DecodeArticle(std::string_view data, ArticleRecord* record);

}  // namespace parallax::schema

#endif  // PARALLAX_ENGINE_INDEX_SCHEMA_H_
