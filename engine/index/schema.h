// The index schema in code: term prefixes, value slots, metadata keys, and the compact records
// kept in document data and metadata. Internal to engine/index; the public face is
// sentence_index.h, the prose description engine/index/README.md. Changing anything here that
// changes what is on disk means raising kIndexSchemaVersion, except additions that older builds
// ignore and newer builds do without (the entity synonyms: an index without them searches as
// before, only without alias expansion).
//
// Thread safety: pure functions and constants.
#ifndef PARALLAX_ENGINE_INDEX_SCHEMA_H_
#define PARALLAX_ENGINE_INDEX_SCHEMA_H_

#include <cstdint>
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
// Schema 2: + "YYYYMMDD", the article's date (absent if undated). A boolean term rather than
// schema 1's value slot: without value streams and their statistics the index is 12% smaller
// (1,376 -> 1,209 bytes per sentence on BASIL + PolNeAR) and indexing about 6% faster in wall
// and CPU time (bench/index_bench.cc), though instruction counts are the same (callgrind): the
// gain is in memory and I/O. A date range is an OR of the few distinct dates.
inline constexpr std::string_view kDatePrefix = "XD";

// Value slots: none in schema 2. Schema 1 kept the date in slot 0 ("YYYYMMDD", absent if
// undated); indexes of schema 1 are still read and added to that way. The sentence position is
// in the document data, and an article's sentences have ascending document numbers; a
// per-source cap on results is applied while walking the ranked list, not by a collapse key.
inline constexpr unsigned kDateSlot = 0;  // schema 1 only

// Metadata.
inline constexpr std::string_view kSchemaKey = "parallax_schema";  // "1" or "2"
inline constexpr std::string_view kArticleKeyPrefix = "article:";  // + id -> ArticleRecord
inline constexpr std::string_view kTextKeyPrefix = "text:";        // + id -> the article's text
// Fingerprint of the entity synonyms stored (SentenceIndex::SetEntityAliases), so that an
// unchanged alias table is not written again. Absent: no synonyms (indexes written before them).
inline constexpr std::string_view kSynonymsKey = "parallax_synonyms";

// Entity synonyms (Xapian's synonym table): key = a name of an entity as the query parser
// sees it (SynonymKey), value = the entity's term, LabelTerm(kEntityPrefix, FoldLabel(name)).

// Xapian's limit on the length of a term (and metadata key) in bytes, less a margin.
inline constexpr size_t kMaxTermBytes = 240;

// Lower-cases (Unicode, via Xapian's tables) and collapses runs of white space into one space,
// trimming the ends: "  News  Site " -> "news site". Used for sources, tags and entity names,
// at index and at query time alike.
std::string FoldLabel(std::string_view label);

// FNV-1a, 64 bits: stable across builds and platforms, which std::hash is not.
uint64_t StableHash(std::string_view s);

// prefix + value, shortened when longer than kMaxTermBytes: the first bytes (cut at a UTF-8
// character boundary), then "#" and 16 hex digits of a hash of the whole value.
std::string LabelTerm(std::string_view prefix, std::string_view value);

// The synonym key of an entity name: its words as Xapian's query parser makes them (lower-cased,
// unstemmed, inner apostrophes kept) joined by single spaces: "People's Republic of China" ->
// "people's republic of china". "" when the parser would not see the words the name has
// ("U.S." becomes the acronym "us", the pronoun) or the key is longer than kMaxTermBytes.
std::string SynonymKey(std::string_view name);

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
