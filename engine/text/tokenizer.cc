#include "engine/text/tokenizer.h"

#include <libstemmer.h>

#include "engine/base/utf8.h"

namespace parallax {
namespace {

enum class CharClass { kSeparator, kLetter, kDigit, kApostrophe, kHyphen, kNumberPunct };

CharClass Classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp == '\'') return CharClass::kApostrophe;
    if (cp == '-') return CharClass::kHyphen;
    if (cp == '.' || cp == ',') return CharClass::kNumberPunct;
    return CharClass::kSeparator;
  }
  if (cp == 0x2019 || cp == 0x2018) return CharClass::kApostrophe;
  if (cp == 0x2010 || cp == 0x2011) return CharClass::kHyphen;
  if (cp >= 0x80 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) {
    return CharClass::kSeparator;  // Latin-1 controls, NBSP, punctuation and symbols
  }
  if (cp == 0xD7 || cp == 0xF7) return CharClass::kSeparator;      // × ÷
  if (cp >= 0x2000 && cp <= 0x206F) return CharClass::kSeparator;  // General Punctuation
  if (cp >= 0x2190 && cp <= 0x2BFF) return CharClass::kSeparator;  // arrows, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return CharClass::kSeparator;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE6F) return CharClass::kSeparator;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return CharClass::kSeparator;
  if (cp == 0xFFFD || cp == 0xFEFF) return CharClass::kSeparator;
  return CharClass::kLetter;
}

bool IsWordChar(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

void AppendLower(char32_t cp, std::string* out) {
  if (cp >= 'A' && cp <= 'Z')
    cp += 32;
  else if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
    cp += 32;
  else if (cp >= 0x100 && cp <= 0x17F && (cp % 2 == 0))
    cp += 1;  // most of Latin Extended-A
  if (cp == 0x2019 || cp == 0x2018) cp = '\'';
  if (cp == 0x2010 || cp == 0x2011) cp = '-';
  AppendUtf8(cp, out);
}

bool IsUpper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

}  // namespace

void Tokenize(std::string_view text, size_t base, std::vector<Token>* out) {
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    size_t len;
    char32_t cp = DecodeUtf8(text, pos, &len);
    CharClass cls = Classify(cp);
    if (!IsWordChar(cls)) {
      pos += len;
      continue;
    }
    Token token;
    token.span.start = base + pos;
    token.is_number = cls == CharClass::kDigit;
    token.capitalized = IsUpper(cp);
    size_t end = pos;
    int letters = 0;
    int upper_letters = 0;
    // Extend over word characters, and over one joiner (apostrophe, hyphen, or . , inside a
    // number) when a word character follows it.
    while (end < n) {
      size_t clen;
      char32_t c = DecodeUtf8(text, end, &clen);
      CharClass cc = Classify(c);
      if (IsWordChar(cc)) {
        if (cc == CharClass::kLetter) {
          ++letters;
          if (IsUpper(c)) ++upper_letters;
        }
        AppendLower(c, &token.norm);
        end += clen;
        continue;
      }
      bool joiner = cc == CharClass::kApostrophe || cc == CharClass::kHyphen ||
                    (cc == CharClass::kNumberPunct && token.is_number);
      if (!joiner || end + clen >= n) break;
      size_t nlen;
      char32_t next = DecodeUtf8(text, end + clen, &nlen);
      CharClass ncls = Classify(next);
      bool continues = cc == CharClass::kNumberPunct ? ncls == CharClass::kDigit : IsWordChar(ncls);
      if (!continues) break;
      AppendLower(c, &token.norm);
      end += clen;
    }
    token.span.end = base + end;
    token.all_caps = letters >= 2 && upper_letters == letters;
    out->push_back(std::move(token));
    pos = end;
  }
}

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;
};

Stemmer::Stemmer() : impl_(std::make_unique<Impl>()) {
  impl_->stemmer = sb_stemmer_new("english", "UTF_8");
}

Stemmer::~Stemmer() {
  if (impl_->stemmer != nullptr) sb_stemmer_delete(impl_->stemmer);
}

std::string Stemmer::Stem(std::string_view norm) {
  if (impl_->stemmer == nullptr) return std::string(norm);
  const sb_symbol* s =
      sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(norm.data()),
                      static_cast<int>(norm.size()));
  if (s == nullptr) return std::string(norm);  // out of memory: fall back to the word itself
  return std::string(reinterpret_cast<const char*>(s),
                     static_cast<size_t>(sb_stemmer_length(impl_->stemmer)));
}

}  // namespace parallax
