#include "engine/base/visible_text.h"

#include <cstdio>

#include "engine/base/utf8.h"

namespace parallax {
namespace {

bool IsCombiningMark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

void AppendCodePointName(char32_t cp, std::string* out) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(cp));
  *out += buf;
}

}  // namespace

bool IsInvisibleOrBidiControl(char32_t cp) {
  return cp == 0x00AD ||                      // soft hyphen
         cp == 0x034F ||                      // combining grapheme joiner
         cp == 0x061C ||                      // Arabic letter mark (bidi)
         cp == 0x115F || cp == 0x1160 ||      // Hangul fillers
         cp == 0x17B4 || cp == 0x17B5 ||      // Khmer inherent vowels
         (cp >= 0x180B && cp <= 0x180F) ||    // Mongolian selectors and vowel separator
         (cp >= 0x200B && cp <= 0x200F) ||    // zero-width space/joiners, LRM, RLM
         (cp >= 0x202A && cp <= 0x202E) ||    // bidi embeddings and overrides
         (cp >= 0x2060 && cp <= 0x206F) ||    // word joiner, invisible operators, bidi isolates
         cp == 0x3164 || cp == 0xFFA0 ||      // Hangul fillers
         (cp >= 0xFE00 && cp <= 0xFE0F) ||    // variation selectors
         cp == 0xFEFF ||                      // byte-order mark / zero-width no-break space
         (cp >= 0xFFF0 && cp <= 0xFFFB) ||    // interlinear annotation, specials
         (cp >= 0x1D173 && cp <= 0x1D17A) ||  // musical format controls
         (cp >= 0xE0000 && cp <= 0xE0FFF);    // tags and variation selectors supplement
}

std::string VisibleName(std::string_view name, size_t* shown) {
  std::string out;
  out.reserve(name.size());
  size_t replaced = 0;
  int marks_in_a_row = 0;
  for (size_t pos = 0; pos < name.size();) {
    size_t length = 1;
    const char32_t cp = DecodeUtf8(name, pos, &length);
    const bool invalid = cp == 0xFFFD && length == 1;
    const bool mark = IsCombiningMark(cp);
    marks_in_a_row = mark ? marks_in_a_row + 1 : 0;
    const bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
    if (!invalid && (control || IsInvisibleOrBidiControl(cp) ||
                     (mark && marks_in_a_row > kMaxCombiningMarksInARow))) {
      AppendCodePointName(cp, &out);
      ++replaced;
    } else {
      out.append(name, pos, length);
    }
    pos += length;
  }
  if (shown != nullptr) *shown = replaced;
  return out;
}

std::string EscapeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      char buf[8];
      switch (byte) {
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case 0x1B:
          out += "\\e";
          break;
        case '\\':
          out += "\\\\";
          break;
        default:
          if (byte < 0x20 || byte == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02X", byte);
            out += buf;
          } else {
            out += static_cast<char>(byte);
          }
      }
      ++pos;
      continue;
    }
    size_t length = 1;
    const char32_t cp = DecodeUtf8(text, pos, &length);
    if (cp == 0xFFFD && length == 1) {
      char buf[8];  // an invalid byte: never passed raw to the terminal
      std::snprintf(buf, sizeof buf, "\\x%02X", byte);
      out += buf;
    } else if (cp >= 0x80 && cp <= 0x9F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
      out += buf;
    } else if (IsInvisibleOrBidiControl(cp)) {
      AppendCodePointName(cp, &out);
    } else {
      out.append(text, pos, length);
    }
    pos += length;
  }
  return out;
}

}  // namespace parallax
