#include "engine/html/collapse_space.h"

namespace parallax {
namespace {

enum class Kind { kSpace, kInvisible, kVisible };

// Classifies the character starting at raw[i] and sets *length to its byte length.
Kind Classify(std::string_view raw, size_t i, size_t* length) {
  unsigned char c = static_cast<unsigned char>(raw[i]);
  *length = 1;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return Kind::kSpace;
  if (c < 0x80) return Kind::kVisible;
  if (c >= 0xC0 && c < 0xE0) *length = 2;
  if (c >= 0xE0 && c < 0xF0) *length = 3;
  if (c >= 0xF0) *length = 4;
  if (i + *length > raw.size()) {
    *length = 1;  // a truncated sequence: gumbo never makes one, but keep going byte by byte
    return Kind::kVisible;
  }
  unsigned char c1 = static_cast<unsigned char>(raw[i + 1]);
  if (c == 0xC2) {
    if (c1 == 0xA0) return Kind::kSpace;      // NBSP
    if (c1 == 0xAD) return Kind::kInvisible;  // soft hyphen
  }
  if (c == 0xE2 && c1 == 0x80) {
    unsigned char c2 = static_cast<unsigned char>(raw[i + 2]);
    if (c2 <= 0x8A || c2 == 0xAF) return Kind::kSpace;  // U+2000-U+200A, U+202F
    if (c2 == 0x8B) return Kind::kInvisible;            // zero-width space
  }
  if (c == 0xE2 && c1 == 0x81) {
    unsigned char c2 = static_cast<unsigned char>(raw[i + 2]);
    if (c2 == 0x9F) return Kind::kSpace;      // U+205F
    if (c2 == 0xA0) return Kind::kInvisible;  // word joiner
  }
  if (c == 0xE3 && c1 == 0x80 && static_cast<unsigned char>(raw[i + 2]) == 0x80) {
    return Kind::kSpace;  // U+3000
  }
  if (c == 0xEF && c1 == 0xBB && static_cast<unsigned char>(raw[i + 2]) == 0xBF) {
    return Kind::kInvisible;  // byte-order mark
  }
  return Kind::kVisible;
}

}  // namespace

size_t CollapsedText::Append(std::string_view raw) {
  size_t visible = 0;
  size_t i = 0;
  while (i < raw.size()) {
    size_t length;
    Kind kind = Classify(raw, i, &length);
    if (kind == Kind::kSpace) {
      pending_space = true;
    } else if (kind == Kind::kVisible) {
      if (pending_space && !text.empty()) text.push_back(' ');
      pending_space = false;
      text.append(raw.substr(i, length));
      ++visible;
    }
    i += length;
  }
  return visible;
}

size_t CountVisibleChars(std::string_view raw) {
  size_t visible = 0;
  size_t i = 0;
  while (i < raw.size()) {
    size_t length;
    if (Classify(raw, i, &length) == Kind::kVisible) ++visible;
    i += length;
  }
  return visible;
}

}  // namespace parallax
