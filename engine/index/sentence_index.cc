#include "engine/index/sentence_index.h"

#include <stdlib.h>
#include <xapian.h>

#include <filesystem>
#include <system_error>
#include <unordered_map>

#include "engine/index/entity_synonyms.h"
#include "engine/index/index_dir.h"
#include "engine/index/reader_impl.h"
#include "engine/index/schema.h"
#include "engine/index/xapian_status.h"

namespace parallax {

struct SentenceIndex::Impl {
  Impl(Xapian::WritableDatabase database, int version)
      : db(std::move(database)), schema_version(version), stemmer("english") {
    // Every word is indexed as its stem, with positions, so phrase searches work on stems
    // ("consistent support" also finds "consistently supported") and the aligner reads stems
    // straight from the term lists. No stop list at index time: phrases need every position.
    generator.set_stemmer(stemmer);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  }

  // The entity term of each canonical name seen so far: names repeat in most articles, and
  // folding one costs a Unicode lower-casing and a few allocations.
  const std::string& EntityTerm(const std::string& name) {
    auto it = entity_terms.find(name);
    if (it != entity_terms.end()) return it->second;
    if (entity_terms.size() >= 10000) entity_terms.clear();  // bounded whatever the input
    return entity_terms
        .emplace(name, schema::LabelTerm(schema::kEntityPrefix, schema::FoldLabel(name)))
        .first->second;
  }

  Xapian::WritableDatabase db;
  // The index's schema (1 or 2), which is also the one this writer adds documents in.
  int schema_version;
  std::unordered_map<std::string, std::string> entity_terms;
  Xapian::Stem stemmer;
  Xapian::TermGenerator generator;
  // For OpenTemporary: the directory to remove once the database is closed.
  std::string temporary_dir;
};

SentenceIndex::SentenceIndex(std::string dir, IndexOptions options, std::unique_ptr<Impl> impl)
    : dir_(std::move(dir)), options_(options), impl_(std::move(impl)) {}

SentenceIndex::~SentenceIndex() {
  try {
    impl_->db.close();  // commits pending (whole-article) changes, releases the lock
  } catch (const Xapian::Error&) {
    // Nothing to report to: the header tells callers to Commit() to see errors.
  }
  if (!impl_->temporary_dir.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(impl_->temporary_dir, ec);
  }
}

StatusOr<std::unique_ptr<SentenceIndex>> SentenceIndex::OpenForWrite(const std::string& dir,
                                                                     const IndexOptions& options) {
  PARALLAX_ASSIGN_OR_RETURN(IndexDirState state, InspectIndexDir(dir));
  int flags = Xapian::DB_OPEN;
  if (state != IndexDirState::kDatabase) {
    if (!options.create_if_missing) return Status::NotFound(dir + ": no index here");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::IoError(dir + ": cannot create the index directory: " + ec.message());
    flags = Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS;
  }
  try {
    Xapian::WritableDatabase db(dir, flags);
    int version = 0;
    PARALLAX_RETURN_IF_ERROR(CheckSchema(db, dir, /*fresh_ok=*/true, &version));
    if (version == 0) {
      version = kIndexSchemaVersion;
      db.set_metadata(std::string(schema::kSchemaKey), std::to_string(version));
      db.commit();
    }
    return std::unique_ptr<SentenceIndex>(
        new SentenceIndex(dir, options, std::make_unique<Impl>(std::move(db), version)));
  } catch (const Xapian::Error& e) {
    return XapianStatus(e, dir);
  }
}

StatusOr<std::unique_ptr<SentenceIndex>> SentenceIndex::OpenTemporary() {
  // A glass database in a fresh temporary directory rather than Xapian's in-memory backend,
  // which has neither transactions nor metadata iteration: one code path for both kinds.
  std::error_code ec;
  std::string pattern =
      (std::filesystem::temp_directory_path(ec) / "parallax-index-XXXXXX").string();
  if (ec || mkdtemp(pattern.data()) == nullptr) {
    return Status::IoError("cannot create a temporary index directory in " + pattern);
  }
  IndexOptions options;
  options.commit_every_sentences = 0;  // nothing needs to last
  auto index = OpenForWrite(pattern, options);
  if (!index.ok()) {
    std::filesystem::remove_all(pattern, ec);
    return index.status();
  }
  (*index)->impl_->temporary_dir = pattern;
  return index;
}

Status SentenceIndex::AddArticle(const Article& article, const std::vector<Sentence>& sentences,
                                 const std::vector<std::vector<std::string>>& entities) {
  const std::string where = dir_ + ": article '" + article.id + "'";
  if (article.id.empty()) return Status::InvalidInput(dir_ + ": an article without an id");
  if (article.id.size() > kMaxArticleIdBytes) {
    return Status::InvalidInput(where + ": id longer than " + std::to_string(kMaxArticleIdBytes) +
                                " bytes");
  }
  if (!entities.empty() && entities.size() != sentences.size()) {
    return Status::InvalidInput(where + ": " + std::to_string(entities.size()) +
                                " entity lists for " + std::to_string(sentences.size()) +
                                " sentences");
  }
  for (const Sentence& s : sentences) {
    if (s.span.start > s.span.end || s.span.end > article.text.size()) {
      return Status::InvalidInput(where + ": sentence " + std::to_string(s.index) +
                                  " lies outside the text");
    }
  }

  // Terms and values shared by every sentence of the article.
  const std::string article_term = std::string(schema::kArticlePrefix) + article.id;
  const std::string source_term =
      schema::LabelTerm(schema::kSourcePrefix, schema::FoldLabel(article.source));
  std::vector<std::string> tag_terms;
  for (const std::string& tag : article.tags) {
    tag_terms.push_back(schema::LabelTerm(schema::kTagPrefix, schema::FoldLabel(tag)));
  }
  const std::string date_value = schema::DateValue(article.date);
  const std::string date_term =
      date_value.empty() ? "" : std::string(schema::kDatePrefix) + date_value;
  const bool date_in_value = impl_->schema_version == 1;

  schema::ArticleRecord article_record;
  article_record.source = article.source;
  article_record.date = article.date;
  article_record.title = article.title;
  article_record.author = article.author;
  article_record.url = article.url;
  article_record.tags = article.tags;
  article_record.sentence_count = static_cast<int>(sentences.size());

  schema::SentenceRecord record;

  Xapian::WritableDatabase& db = impl_->db;
  Xapian::TermGenerator& generator = impl_->generator;
  try {
    // Not flushed: the transaction makes the article atomic (Xapian never auto-commits inside
    // one), and Commit() decides when batches of whole articles reach the disk.
    db.begin_transaction(/*flushed=*/false);
    db.delete_document(article_term);
    for (size_t i = 0; i < sentences.size(); ++i) {
      const Sentence& s = sentences[i];
      const std::string_view text = s.span.Of(article.text);
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(Xapian::Utf8Iterator(text.data(), text.size()));
      doc.add_boolean_term(source_term);
      doc.add_boolean_term(article_term);
      for (const std::string& term : tag_terms) doc.add_boolean_term(term);
      if (!entities.empty()) {
        for (const std::string& name : entities[i]) doc.add_boolean_term(impl_->EntityTerm(name));
      }
      if (!date_value.empty()) {
        if (date_in_value) {
          doc.add_value(schema::kDateSlot, date_value);
        } else {
          doc.add_boolean_term(date_term);
        }
      }
      record.sentence_index = s.index;
      record.span = s.span;
      record.paragraph = s.paragraph;
      record.heading = s.heading;
      doc.set_data(schema::EncodeSentence(record));
      db.add_document(doc);
    }
    db.set_metadata(std::string(schema::kArticleKeyPrefix) + article.id,
                    schema::EncodeArticle(article_record));
    // Set even when empty (which deletes the key), so a shorter re-added article leaves no
    // stale text behind.
    db.set_metadata(std::string(schema::kTextKeyPrefix) + article.id, article.text);
    db.commit_transaction();
  } catch (const Xapian::Error& e) {
    Undo();
    return XapianStatus(e, dir_);
  }
  uncommitted_sentences_ += sentences.size();
  if (options_.commit_every_sentences > 0 &&
      uncommitted_sentences_ >= options_.commit_every_sentences) {
    return Commit();
  }
  return Status::Ok();
}

Status SentenceIndex::RemoveArticle(const std::string& id) {
  const std::string article_term = std::string(schema::kArticlePrefix) + id;
  const std::string key = std::string(schema::kArticleKeyPrefix) + id;
  Xapian::WritableDatabase& db = impl_->db;
  try {
    if (id.empty() || id.size() > kMaxArticleIdBytes ||
        (db.get_metadata(key).empty() && !db.term_exists(article_term))) {
      return Status::NotFound(dir_ + ": no article '" + id + "' in the index");
    }
    db.begin_transaction(/*flushed=*/false);
    db.delete_document(article_term);
    db.set_metadata(key, "");  // an empty value deletes the key
    db.set_metadata(std::string(schema::kTextKeyPrefix) + id, "");
    db.commit_transaction();
  } catch (const Xapian::Error& e) {
    Undo();
    return XapianStatus(e, dir_);
  }
  ++uncommitted_sentences_;
  return Status::Ok();
}

Status SentenceIndex::SetEntityAliases(const std::vector<EntityAlias>& aliases) {
  const SynonymList synonyms = EntitySynonyms(aliases);
  const std::string fingerprint = SynonymsFingerprint(synonyms);
  const std::string fingerprint_key(schema::kSynonymsKey);
  Xapian::WritableDatabase& db = impl_->db;
  try {
    if (db.get_metadata(fingerprint_key) == fingerprint) return Status::Ok();
    db.begin_transaction(/*flushed=*/false);
    // Replace, not merge: an alias removed from the table must stop expanding queries.
    std::vector<std::string> stale(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const std::string& key : stale) db.clear_synonyms(key);
    for (const auto& [key, term] : synonyms) db.add_synonym(key, term);
    db.set_metadata(fingerprint_key, fingerprint);
    db.commit_transaction();
  } catch (const Xapian::Error& e) {
    Undo();
    return XapianStatus(e, dir_);
  }
  return Status::Ok();
}

void SentenceIndex::Undo() {
  Xapian::WritableDatabase& db = impl_->db;
  try {
    db.cancel_transaction();
  } catch (const Xapian::Error&) {
    // No transaction open (begin_transaction itself failed): nothing to undo.
  }
}

Status SentenceIndex::Commit() {
  try {
    impl_->db.commit();
  } catch (const Xapian::Error& e) {
    return XapianStatus(e, dir_);
  }
  uncommitted_sentences_ = 0;
  return Status::Ok();
}

StatusOr<std::unique_ptr<IndexReader>> SentenceIndex::NewReader() {
  auto impl = std::make_unique<IndexReader::Impl>(impl_->db);
  impl->shared_with_writer = true;
  return std::unique_ptr<IndexReader>(new IndexReader(dir_, std::move(impl)));
}

uint64_t SentenceIndex::sentence_count() const {
  try {
    return impl_->db.get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace parallax
