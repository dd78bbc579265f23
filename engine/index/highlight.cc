#include "engine/index/highlight.h"

#include "engine/base/utf8.h"

namespace parallax {
namespace {

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u201b'; }
bool IsHyphen(char32_t c) { return c == U'-' || (c >= U'\u2010' && c <= U'\u2013'); }

}  // namespace

std::vector<Span> HighlightMatches(std::string_view text,
                                   const std::unordered_set<std::string>& stems,
                                   const Xapian::Stem& stemmer) {
  std::vector<Span> spans;
  if (stems.empty()) return spans;
  size_t pos = 0;
  std::string word;
  while (pos < text.size()) {
    size_t length = 0;
    char32_t c = DecodeUtf8(text, pos, &length);
    if (!Xapian::Unicode::is_wordchar(c)) {
      pos += length;
      continue;
    }
    const size_t start = pos;
    word.clear();
    while (pos < text.size()) {
      c = DecodeUtf8(text, pos, &length);
      if (Xapian::Unicode::is_wordchar(c)) {
        Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(c));
        pos += length;
        continue;
      }
      // An apostrophe between word characters stays in the word, as in TermGenerator.
      if (IsApostrophe(c) && pos + length < text.size()) {
        size_t next_length = 0;
        if (Xapian::Unicode::is_wordchar(DecodeUtf8(text, pos + length, &next_length))) {
          word.push_back('\'');
          pos += length;
          continue;
        }
      }
      break;
    }
    if (!stems.count(stemmer(word))) continue;
    // Join to the previous highlight when only hyphens lie between them.
    if (!spans.empty()) {
      size_t gap = spans.back().end;
      bool hyphens_only = gap < start;
      while (gap < start && hyphens_only) {
        size_t gap_length = 0;
        hyphens_only = IsHyphen(DecodeUtf8(text, gap, &gap_length));
        gap += gap_length;
      }
      if (hyphens_only) {
        spans.back().end = pos;
        continue;
      }
    }
    spans.push_back({start, pos});
  }
  return spans;
}

}  // namespace parallax
