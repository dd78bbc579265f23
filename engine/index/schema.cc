#include "engine/index/schema.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace parallax::schema {
namespace {

constexpr char kSentenceFormat = 'S';  // document data, schema 1
constexpr char kArticleFormat = 'A';   // article record, schema 1

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

// Reads from the front of `in`, advancing it; false when truncated.
bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in->empty()) return false;
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

bool GetInt(std::string_view* in, int* v) {
  uint64_t u;
  if (!GetVarint(in, &u) || u > 0x7fffffff) return false;
  *v = static_cast<int>(u);
  return true;
}

bool GetSize(std::string_view* in, size_t* v) {
  uint64_t u;
  if (!GetVarint(in, &u)) return false;
  *v = static_cast<size_t>(u);
  return true;
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t n;
  if (!GetVarint(in, &n) || n > in->size()) return false;
  s->assign(in->substr(0, n));
  in->remove_prefix(n);
  return true;
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

uint64_t StableHash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string FoldLabel(std::string_view label) {
  std::string lower = Xapian::Unicode::tolower(std::string(label));
  std::string out;
  bool pending_space = false;
  for (char c : lower) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string LabelTerm(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) {
    term.append(value);
    return term;
  }
  size_t keep = kMaxTermBytes - prefix.size() - 17;
  // Do not cut a UTF-8 sequence: back up over continuation bytes.
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xc0) == 0x80) --keep;
  char hash[20];
  std::snprintf(hash, sizeof hash, "#%016llx", static_cast<unsigned long long>(StableHash(value)));
  term.append(value.substr(0, keep));
  term.append(hash);
  return term;
}

std::string SynonymKey(std::string_view name) {
  // Xapian's TermGenerator splits words as the query parser does; without a stemmer it emits
  // each word once, lower-cased, at its position.
  Xapian::Document doc;
  Xapian::TermGenerator generator;
  generator.set_document(doc);
  generator.index_text(Xapian::Utf8Iterator(name.data(), name.size()));
  std::vector<std::pair<Xapian::termpos, std::string>> words;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      words.emplace_back(*p, *t);
    }
  }
  std::sort(words.begin(), words.end());
  // Each word must be written as is in the name, in order: an acronym ("U.S." -> "us") is not.
  const std::string lower = Xapian::Unicode::tolower(std::string(name));
  std::string key;
  size_t at = 0;
  for (const auto& [position, word] : words) {
    const size_t found = lower.find(word, at);
    if (found == std::string::npos) return "";
    at = found + word.size();
    if (!key.empty()) key.push_back(' ');
    key.append(word);
  }
  return key.size() <= kMaxTermBytes ? key : "";
}

std::string DateValue(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return "";
  std::string out;
  out.append(date.substr(0, 4)).append(date.substr(5, 2)).append(date.substr(8, 2));
  return IsDigits(out) ? out : "";
}

bool DateBound(std::string_view date, bool upper, std::string* out) {
  std::string digits;
  if (date.size() == 4) {
    digits = std::string(date) + (upper ? "9999" : "0000");
  } else if (date.size() == 7 && date[4] == '-') {
    digits =
        std::string(date.substr(0, 4)) + std::string(date.substr(5, 2)) + (upper ? "99" : "00");
  } else if (date.size() == 10) {
    digits = DateValue(date);
    if (digits.empty()) return false;
  } else {
    return false;
  }
  if (!IsDigits(digits)) return false;
  *out = digits;
  return true;
}

std::string EncodeSentence(const SentenceRecord& r) {
  std::string out;
  out.reserve(16);
  out.push_back(kSentenceFormat);
  PutVarint(static_cast<uint64_t>(r.sentence_index), &out);
  PutVarint(r.span.start, &out);
  PutVarint(r.span.end - r.span.start, &out);
  PutVarint(static_cast<uint64_t>(r.paragraph), &out);
  out.push_back(r.heading ? 1 : 0);
  return out;
}

bool DecodeSentence(std::string_view in, SentenceRecord* r) {
  if (in.empty() || in.front() != kSentenceFormat) return false;
  in.remove_prefix(1);
  size_t length = 0;
  if (!GetInt(&in, &r->sentence_index) || !GetSize(&in, &r->span.start) || !GetSize(&in, &length) ||
      !GetInt(&in, &r->paragraph) || in.empty()) {
    return false;
  }
  r->span.end = r->span.start + length;
  r->heading = in.front() != 0;
  in.remove_prefix(1);
  return in.empty();
}

std::string EncodeArticle(const ArticleRecord& r) {
  std::string out;
  out.push_back(kArticleFormat);
  PutString(r.source, &out);
  PutString(r.date, &out);
  PutString(r.title, &out);
  PutString(r.author, &out);
  PutString(r.url, &out);
  PutVarint(r.tags.size(), &out);
  for (const std::string& tag : r.tags) PutString(tag, &out);
  PutVarint(static_cast<uint64_t>(r.sentence_count), &out);
  return out;
}

bool DecodeArticle(std::string_view in, ArticleRecord* r) {
  if (in.empty() || in.front() != kArticleFormat) return false;
  in.remove_prefix(1);
  size_t tags = 0;
  if (!GetString(&in, &r->source) || !GetString(&in, &r->date) || !GetString(&in, &r->title) ||
      !GetString(&in, &r->author) || !GetString(&in, &r->url) || !GetSize(&in, &tags) ||
      tags > in.size()) {
    return false;
  }
  r->tags.assign(tags, "");
  for (std::string& tag : r->tags) {
    if (!GetString(&in, &tag)) return false;
  }
  return GetInt(&in, &r->sentence_count) && in.empty();
}

}  // namespace parallax::schema
