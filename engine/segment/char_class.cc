#include "engine/segment/char_class.h"

#include <unicode/uchar.h>

#include "engine/base/utf8.h"

namespace parallax::segment_internal {
namespace {

bool IsSpaceCodePoint(char32_t c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
    case 0x00A0:  // no-break space
    case 0x1680:
    case 0x200B:  // zero-width space
    case 0x2028:  // line and paragraph separators
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:  // byte-order mark / zero-width no-break space
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

char32_t CodePointAt(std::string_view text, size_t pos, size_t* length) {
  if (pos >= text.size()) {
    *length = 0;
    return 0;
  }
  return DecodeUtf8(text, pos, length);
}

size_t CharStartAtOrBefore(std::string_view text, size_t pos) {
  if (pos >= text.size()) return text.size();
  for (int i = 0; i < 3 && pos > 0 && IsContinuation(text[pos]); ++i) --pos;
  return pos;
}

char32_t CodePointBefore(std::string_view text, size_t pos, size_t* length) {
  if (pos == 0 || pos > text.size()) {
    *length = 0;
    return 0;
  }
  size_t start = pos - 1;
  for (int i = 0; i < 3 && start > 0 && IsContinuation(text[start]); ++i) --start;
  size_t len = 0;
  char32_t c = DecodeUtf8(text, start, &len);
  if (start + len != pos) {  // not a well-formed character ending at pos: take the last byte
    *length = 1;
    return 0xFFFD;
  }
  *length = len;
  return c;
}

size_t SpaceAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  unsigned char b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return IsSpaceCodePoint(b) ? 1 : 0;
  if (b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF) return 0;  // fast reject
  size_t len = 0;
  char32_t c = CodePointAt(text, pos, &len);
  return IsSpaceCodePoint(c) ? len : 0;
}

size_t SpaceBefore(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return 0;
  unsigned char b = static_cast<unsigned char>(text[pos - 1]);
  if (b < 0x80) return IsSpaceCodePoint(b) ? 1 : 0;
  size_t len = 0;
  char32_t c = CodePointBefore(text, pos, &len);
  return IsSpaceCodePoint(c) ? len : 0;
}

size_t SkipSpaceForward(std::string_view text, size_t start, size_t end) {
  while (start < end) {
    size_t n = SpaceAt(text, start);
    if (n == 0 || start + n > end) break;
    start += n;
  }
  return start;
}

size_t SkipSpaceBackward(std::string_view text, size_t start, size_t end) {
  while (end > start) {
    size_t n = SpaceBefore(text, end);
    if (n == 0 || end - n < start) break;
    end -= n;
  }
  return end;
}

bool IsLetterOrDigit(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }
bool IsLower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool IsUpper(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsDigit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }

bool IsCloser(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x2019:  // ’
    case 0x201D:  // ”
    case 0x00BB:  // »
    case 0x203A:  // ›
      return true;
    default:
      return false;
  }
}

bool IsOpener(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x2018:  // ‘
    case 0x201C:  // “
    case 0x00AB:  // «
    case 0x2039:  // ‹
      return true;
    default:
      return false;
  }
}

}  // namespace parallax::segment_internal
