#include <xapian.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "engine/index/highlight.h"
#include "engine/index/index_dir.h"
#include "engine/index/reader_impl.h"
#include "engine/index/schema.h"
#include "engine/index/sentence_index.h"
#include "engine/index/xapian_status.h"

namespace parallax {
namespace {

// Query-side stop words: dropped from plain word lists (where "the support of China" should not
// demand "the" and "of"), kept inside phrases, which need every position.
constexpr const char* kStopWords[] = {
    "a",    "an",   "and",  "are",  "as",   "at",  "be",   "by",    "for",  "from", "has",
    "have", "in",   "is",   "it",   "its",  "of",  "on",   "or",    "that", "the",  "to",
    "was",  "were", "will", "with", "this", "but", "been", "which", "who",  "had",
};

// Maps `source:News Site` (and tag:, entity:, article:) to the boolean term the index stores,
// folding case the way the writer did.
class LabelField : public Xapian::FieldProcessor {
 public:
  LabelField(std::string_view prefix, bool fold) : prefix_(prefix), fold_(fold) {}
  Xapian::Query operator()(const std::string& value) override {
    if (!fold_) return Xapian::Query(prefix_ + value);
    return Xapian::Query(schema::LabelTerm(prefix_, schema::FoldLabel(value)));
  }

 private:
  std::string prefix_;
  bool fold_;
};

bool IsPrefixed(const std::string& term) {
  return !term.empty() && term[0] >= 'A' && term[0] <= 'Z';
}

Xapian::Query AnyOf(std::string_view prefix, const std::vector<std::string>& labels) {
  std::vector<Xapian::Query> terms;
  for (const std::string& label : labels) {
    terms.emplace_back(schema::LabelTerm(prefix, schema::FoldLabel(label)));
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

void ToIndexedArticle(const std::string& id, const schema::ArticleRecord& r, IndexedArticle* out) {
  out->id = id;
  out->source = r.source;
  out->date = r.date;
  out->title = r.title;
  out->author = r.author;
  out->url = r.url;
  out->tags = r.tags;
  out->sentence_count = r.sentence_count;
}

// The article id of document `doc`: its XA term. Empty if it has none.
std::string ArticleIdOf(const Xapian::Database& db, Xapian::docid doc) {
  const std::string prefix(schema::kArticlePrefix);
  Xapian::TermIterator t = db.termlist_begin(doc);
  t.skip_to(prefix);
  if (t == db.termlist_end(doc) || (*t).compare(0, prefix.size(), prefix) != 0) return "";
  return (*t).substr(prefix.size());
}

// The article records and texts a search or a scan needs, each read once.
class ArticleCache {
 public:
  ArticleCache(const Xapian::Database& db, const std::string& dir) : db_(db), dir_(dir) {}

  struct Entry {
    schema::ArticleRecord record;
    std::string text;
  };

  // The article `id`, or Corruption when its record is missing or damaged.
  StatusOr<const Entry*> Get(const std::string& id) {
    auto it = entries_.find(id);
    if (it != entries_.end()) return &it->second;
    Entry entry;
    if (!schema::DecodeArticle(db_.get_metadata(std::string(schema::kArticleKeyPrefix) + id),
                               &entry.record)) {
      return Status::Corruption(dir_ + ": index is corrupt (missing or bad record for article '" +
                                id + "')");
    }
    entry.text = db_.get_metadata(std::string(schema::kTextKeyPrefix) + id);
    return &entries_.emplace(id, std::move(entry)).first->second;
  }

 private:
  const Xapian::Database& db_;
  const std::string& dir_;
  std::unordered_map<std::string, Entry> entries_;
};

// Sentences of articles dated within [from, to] ("YYYYMMDD" bounds, either may be empty).
// Schema 2 has one XD<date> term per sentence: the filter ORs the index's dates in range,
// of which there are few (one per publication day). Schema 1 kept the date in a value slot.
Xapian::Query DateFilter(const Xapian::Database& db, const std::string& from,
                         const std::string& to) {
  if (db.get_metadata(std::string(schema::kSchemaKey)) == "1") {
    if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, to);
    if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, from);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from, to);
  }
  const std::string prefix(schema::kDatePrefix);
  std::vector<Xapian::Query> dates;
  auto t = db.allterms_begin(prefix);
  if (!from.empty()) t.skip_to(prefix + from);
  for (; t != db.allterms_end(prefix); ++t) {
    if (!to.empty() && (*t).compare(prefix.size(), std::string::npos, to) > 0) break;
    dates.emplace_back(*t);
  }
  if (dates.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, dates.begin(), dates.end());
}

// Entity term -> the stems of the words that name it on their own: the canonical name's words
// and every one-word alias, from the entity synonyms. Words of longer aliases are left out:
// "leadership" (of "Chinese leadership") or "Pakistan" (of "Pakistan Army Chief Asim Munir")
// alone do not name the entity. Stop words never do ("of" in "Bank of China").
using EntityStems = std::unordered_map<std::string, std::unordered_set<std::string>>;

EntityStems EntityNameStems(const Xapian::Database& db, const Xapian::Stem& stemmer) {
  const std::string prefix(schema::kEntityPrefix);
  EntityStems out;
  auto add_words = [&](std::string_view words, std::unordered_set<std::string>* stems) {
    for (size_t start = 0; start < words.size();) {
      size_t end = words.find(' ', start);
      if (end == std::string_view::npos) end = words.size();
      const std::string word(words.substr(start, end - start));
      if (std::find(std::begin(kStopWords), std::end(kStopWords), word) == std::end(kStopWords)) {
        stems->insert(stemmer(word));
      }
      start = end + 1;
    }
  };
  for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
    const std::string& name = *key;
    for (auto syn = db.synonyms_begin(name); syn != db.synonyms_end(name); ++syn) {
      const std::string term = *syn;
      if (term.compare(0, prefix.size(), prefix) != 0) continue;
      auto [entry, added] = out.try_emplace(term);
      // The canonical name, unless LabelTerm shortened it with a hash.
      if (added && term.find('#') == std::string::npos) {
        add_words(std::string_view(term).substr(prefix.size()), &entry->second);
      }
      if (name.find(' ') == std::string::npos) add_words(name, &entry->second);
    }
  }
  return out;
}

}  // namespace

IndexReader::IndexReader(std::string dir, std::unique_ptr<Impl> impl)
    : dir_(std::move(dir)), impl_(std::move(impl)) {}

IndexReader::~IndexReader() = default;

StatusOr<std::unique_ptr<IndexReader>> IndexReader::Open(const std::string& dir) {
  PARALLAX_ASSIGN_OR_RETURN(IndexDirState state, InspectIndexDir(dir));
  if (state == IndexDirState::kMissing) return Status::NotFound(dir + ": no index here");
  if (state == IndexDirState::kEmpty) {
    return Status::InvalidInput(dir + ": not a Parallax index (an empty directory)");
  }
  try {
    Xapian::Database db(dir, Xapian::DB_BACKEND_GLASS);
    PARALLAX_RETURN_IF_ERROR(CheckSchema(db, dir, /*fresh_ok=*/false));
    return std::unique_ptr<IndexReader>(
        new IndexReader(dir, std::make_unique<Impl>(std::move(db))));
  } catch (const Xapian::Error& e) {
    return XapianStatus(e, dir);
  }
}

// Runs `body`; when a writer's commits have overwritten the blocks this reader was reading
// (DatabaseModifiedError), reopens at the latest commit and runs it again.
template <typename Body>
static Status WithReopen(const std::string& dir, Xapian::Database* db, bool can_reopen, Body body) {
  for (int attempt = 0;; ++attempt) {
    try {
      return body();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (!can_reopen || attempt >= 5) return XapianStatus(e, dir);
      try {
        db->reopen();
      } catch (const Xapian::Error& e2) {
        return XapianStatus(e2, dir);
      }
    } catch (const Xapian::Error& e) {
      return XapianStatus(e, dir);
    }
  }
}

Status IndexReader::Refresh() {
  return WithReopen(dir_, &impl_->db, !impl_->shared_with_writer, [&] {
    if (!impl_->shared_with_writer) impl_->db.reopen();
    return CheckSchema(impl_->db, dir_, /*fresh_ok=*/false);
  });
}

StatusOr<std::vector<IndexedArticle>> IndexReader::ListArticles() {
  std::vector<IndexedArticle> articles;
  const std::string prefix(schema::kArticleKeyPrefix);
  Status status = WithReopen(dir_, &impl_->db, !impl_->shared_with_writer, [&] {
    articles.clear();
    const Xapian::Database& db = impl_->db;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      const std::string key = *it;
      schema::ArticleRecord record;
      if (!schema::DecodeArticle(db.get_metadata(key), &record)) {
        return Status::Corruption(dir_ + ": index is corrupt (bad record for " + key + ")");
      }
      ToIndexedArticle(key.substr(prefix.size()), record, &articles.emplace_back());
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return articles;  // metadata keys come sorted, so articles are sorted by id
}

StatusOr<IndexedArticle> IndexReader::GetArticle(const std::string& id) {
  IndexedArticle article;
  Status status = WithReopen(dir_, &impl_->db, !impl_->shared_with_writer, [&] {
    const std::string data = impl_->db.get_metadata(std::string(schema::kArticleKeyPrefix) + id);
    if (data.empty()) return Status::NotFound(dir_ + ": no article '" + id + "' in the index");
    schema::ArticleRecord record;
    if (!schema::DecodeArticle(data, &record)) {
      return Status::Corruption(dir_ + ": index is corrupt (bad record for article '" + id + "')");
    }
    ToIndexedArticle(id, record, &article);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return article;
}

StatusOr<SearchResults> IndexReader::Search(const SearchRequest& request) {
  Xapian::Query filter = Xapian::Query::MatchAll;
  auto add_filter = [&filter](const Xapian::Query& q) {
    filter = filter.get_type() == Xapian::Query::LEAF_MATCH_ALL
                 ? q
                 : Xapian::Query(Xapian::Query::OP_AND, filter, q);
  };
  if (!request.sources.empty()) add_filter(AnyOf(schema::kSourcePrefix, request.sources));
  if (!request.tags.empty()) add_filter(AnyOf(schema::kTagPrefix, request.tags));
  if (!request.entities.empty()) add_filter(AnyOf(schema::kEntityPrefix, request.entities));
  std::string from, to;
  if (!request.from_date.empty() && !schema::DateBound(request.from_date, false, &from)) {
    return Status::InvalidInput("--from: '" + request.from_date +
                                "' is not YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (!request.to_date.empty() && !schema::DateBound(request.to_date, true, &to)) {
    return Status::InvalidInput("--to: '" + request.to_date +
                                "' is not YYYY, YYYY-MM or YYYY-MM-DD");
  }

  SearchResults results;
  Xapian::Stem stemmer("english");
  Status status = WithReopen(dir_, &impl_->db, !impl_->shared_with_writer, [&] {
    results = SearchResults();
    const Xapian::Database& db = impl_->db;
    Xapian::Query query = Xapian::Query::MatchAll;
    Xapian::Query filtered = filter;
    if (!from.empty() || !to.empty()) {
      const Xapian::Query dates = DateFilter(db, from, to);
      filtered = filtered.get_type() == Xapian::Query::LEAF_MATCH_ALL
                     ? dates
                     : Xapian::Query(Xapian::Query::OP_AND, filtered, dates);
    }
    if (request.query.find_first_not_of(" \t\r\n") != std::string::npos) {
      Xapian::QueryParser parser;
      parser.set_database(db);
      parser.set_stemmer(stemmer);
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
      parser.set_stopper(
          (new Xapian::SimpleStopper(std::begin(kStopWords), std::end(kStopWords)))->release());
      parser.set_default_op(request.match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
      parser.add_boolean_prefix("source", (new LabelField(schema::kSourcePrefix, true))->release());
      parser.add_boolean_prefix("tag", (new LabelField(schema::kTagPrefix, true))->release());
      parser.add_boolean_prefix("entity", (new LabelField(schema::kEntityPrefix, true))->release());
      parser.add_boolean_prefix("article",
                                (new LabelField(schema::kArticlePrefix, false))->release());
      // Entity synonyms (SentenceIndex::SetEntityAliases): "Beijing" also matches XEchina,
      // "Asim Munir" (two words) also XEasim munir. Never applied inside quoted phrases.
      const unsigned flags =
          Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
          Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
          Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
          Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
      query = parser.parse_query(request.query, flags);
    }
    if (filtered.get_type() != Xapian::Query::LEAF_MATCH_ALL) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, filtered);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::map<std::string, size_t> group_of_source;  // folded source -> index in groups
    std::map<std::string, size_t> per_source;       // folded source -> hits kept
    ArticleCache articles(db, dir_);
    const std::string entity_prefix(schema::kEntityPrefix);
    std::optional<EntityStems> entity_stems;  // built on the first hit matched by an entity
    size_t kept = 0;
    // Walk the ranked list in pages; with a per-source cap, hits past the cap are skipped and
    // later pages fill the limit.
    const Xapian::doccount page = static_cast<Xapian::doccount>(
        request.per_source > 0 ? std::max<size_t>(4 * request.limit, 100) : request.limit);
    for (Xapian::doccount offset = 0; kept < request.limit;) {
      const Xapian::MSet mset = enquire.get_mset(offset, page);
      if (offset == 0) results.estimated_matches = mset.get_matches_estimated();
      for (auto it = mset.begin(); it != mset.end() && kept < request.limit; ++it) {
        schema::SentenceRecord record;
        if (!schema::DecodeSentence(it.get_document().get_data(), &record)) {
          return Status::Corruption(dir_ + ": index is corrupt (bad data in sentence document " +
                                    std::to_string(*it) + ")");
        }
        std::string article_id = ArticleIdOf(db, *it);
        StatusOr<const ArticleCache::Entry*> article = articles.Get(article_id);
        if (!article.ok()) return article.status();
        const ArticleCache::Entry& entry = **article;
        if (record.span.end > entry.text.size() || record.span.start > record.span.end) {
          return Status::Corruption(dir_ + ": index is corrupt (sentence " +
                                    std::to_string(record.sentence_index) + " of article '" +
                                    article_id + "' lies outside its text)");
        }
        const std::string key = schema::FoldLabel(entry.record.source);
        if (request.per_source > 0 && per_source[key]++ >= request.per_source) continue;
        std::unordered_set<std::string> matched;
        for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it);
             ++t) {
          if (!IsPrefixed(*t)) {
            matched.insert(*t);
          } else if ((*t).compare(0, entity_prefix.size(), entity_prefix) == 0) {
            // Matched through an entity ("Beijing" finding "China"): mark its names.
            if (!entity_stems) entity_stems = EntityNameStems(db, stemmer);
            auto names = entity_stems->find(*t);
            if (names != entity_stems->end())
              matched.insert(names->second.begin(), names->second.end());
          }
        }
        SearchHit hit;
        hit.text.assign(record.span.Of(entry.text));
        hit.highlights = HighlightMatches(hit.text, matched, stemmer);
        hit.title = entry.record.title;
        hit.source = entry.record.source;
        hit.date = entry.record.date;
        hit.article_id = std::move(article_id);
        hit.sentence_index = record.sentence_index;
        hit.span = record.span;
        hit.rank = static_cast<int>(it.get_rank());
        hit.weight = it.get_weight();
        auto group = group_of_source.find(key);
        if (group == group_of_source.end()) {
          group = group_of_source.emplace(key, results.groups.size()).first;
          results.groups.emplace_back().source = hit.source;
        }
        results.groups[group->second].hits.push_back(std::move(hit));
        ++kept;
      }
      if (mset.size() < page) break;
      offset += page;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return results;
}

StatusOr<IndexStats> IndexReader::Stats() {
  IndexStats stats;
  Status status = WithReopen(dir_, &impl_->db, !impl_->shared_with_writer, [&] {
    const Xapian::Database& db = impl_->db;
    const std::string prefix(schema::kArticleKeyPrefix);
    stats.sentences = db.get_doccount();
    stats.last_doc = db.get_lastdocid();
    stats.average_length = db.get_avlength();
    stats.articles = 0;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      ++stats.articles;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return stats;
}

StatusOr<uint32_t> IndexReader::DocFreq(std::string_view stem) {
  uint32_t freq = 0;
  Status status = WithReopen(dir_, &impl_->db, !impl_->shared_with_writer, [&] {
    freq = impl_->db.get_termfreq(std::string(stem));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return freq;
}

Status IndexReader::ForEachSentence(const std::function<void(const SentenceTerms&)>& fn) {
  // Not retried on DatabaseModifiedError: `fn` may already have seen part of the index.
  // Callers that read while a writer commits should Refresh() and start again.
  try {
    const Xapian::Database& db = impl_->db;
    SentenceTerms sentence;
    schema::SentenceRecord record;
    const std::string entity_prefix(schema::kEntityPrefix);
    const std::string article_prefix(schema::kArticlePrefix);
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
      sentence.doc = *doc;
      sentence.stems.clear();
      sentence.entities.clear();
      if (!schema::DecodeSentence(db.get_document(*doc).get_data(), &record)) {
        return Status::Corruption(dir_ + ": index is corrupt (bad data in sentence document " +
                                  std::to_string(*doc) + ")");
      }
      std::string article_id;
      for (auto t = db.termlist_begin(*doc); t != db.termlist_end(*doc); ++t) {
        const std::string& term = *t;
        if (!IsPrefixed(term)) {
          sentence.stems.emplace_back(term, t.get_wdf());
        } else if (term.compare(0, entity_prefix.size(), entity_prefix) == 0) {
          sentence.entities.push_back(term.substr(entity_prefix.size()));
        } else if (term.compare(0, article_prefix.size(), article_prefix) == 0) {
          article_id = term.substr(article_prefix.size());
        }
      }
      if (article_id != sentence.article_id || sentence.source.empty()) {
        schema::ArticleRecord article;
        if (!schema::DecodeArticle(
                db.get_metadata(std::string(schema::kArticleKeyPrefix) + article_id), &article)) {
          return Status::Corruption(
              dir_ + ": index is corrupt (missing or bad record for article '" + article_id + "')");
        }
        sentence.source = std::move(article.source);
      }
      sentence.article_id = std::move(article_id);
      sentence.sentence_index = record.sentence_index;
      fn(sentence);
    }
  } catch (const Xapian::Error& e) {
    return XapianStatus(e, dir_);
  }
  return Status::Ok();
}

Status IndexReader::CheckConsistency() {
  return WithReopen(dir_, &impl_->db, !impl_->shared_with_writer, [&] {
    const Xapian::Database& db = impl_->db;
    const std::string key_prefix(schema::kArticleKeyPrefix);
    const std::string term_prefix(schema::kArticlePrefix);
    uint64_t total = 0;
    std::unordered_set<std::string> recorded;
    for (auto it = db.metadata_keys_begin(key_prefix); it != db.metadata_keys_end(key_prefix);
         ++it) {
      const std::string id = (*it).substr(key_prefix.size());
      schema::ArticleRecord record;
      if (!schema::DecodeArticle(db.get_metadata(*it), &record)) {
        return Status::Corruption(dir_ + ": index is corrupt (bad record for article '" + id +
                                  "')");
      }
      const Xapian::doccount have = db.get_termfreq(term_prefix + id);
      if (have != static_cast<Xapian::doccount>(record.sentence_count)) {
        return Status::Corruption(dir_ + ": article '" + id + "' has " + std::to_string(have) +
                                  " sentences, its record says " +
                                  std::to_string(record.sentence_count));
      }
      if (record.sentence_count > 0 &&
          db.get_metadata(std::string(schema::kTextKeyPrefix) + id).empty()) {
        return Status::Corruption(dir_ + ": article '" + id + "' has sentences but no stored text");
      }
      total += have;
      recorded.insert(id);
    }
    for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it) {
      const std::string id = (*it).substr(term_prefix.size());
      if (!recorded.count(id)) {
        return Status::Corruption(dir_ + ": sentences of article '" + id + "' without its record");
      }
    }
    if (total != db.get_doccount()) {
      return Status::Corruption(dir_ + ": " + std::to_string(db.get_doccount()) +
                                " sentences, the article records account for " +
                                std::to_string(total));
    }
    return Status::Ok();
  });
}

}  // namespace parallax
