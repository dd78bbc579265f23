// White-space collapsing as a browser renders inline text.
//
// Runs of white space (ASCII space, tab, CR, LF, FF, and the Unicode spaces NBSP, U+2000-U+200A,
// U+202F, U+205F, U+3000) become one ASCII space, never at the start of a paragraph; a pending
// space is written only when more text follows, so a paragraph never ends in one. Invisible
// characters that split words for the tokenizer (soft hyphen, zero-width space, word joiner,
// byte-order mark) are dropped. Zero-width (non-)joiners stay: Indic and Arabic spelling needs
// them.
//
// Thread safety: pure functions on caller-owned state.
#ifndef PARALLAX_ENGINE_HTML_COLLAPSE_SPACE_H_
#define PARALLAX_ENGINE_HTML_COLLAPSE_SPACE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax {

struct CollapsedText {
  std::string text;
  bool pending_space = false;  // white space seen since the last character written

  // Appends `raw` with white space collapsed; returns the number of characters written that are
  // not spaces (code points, not bytes).
  size_t Append(std::string_view raw);
  // Empties the text for the next paragraph.
  void Clear() {
    text.clear();
    pending_space = false;
  }
};

// Returns the number of characters of `raw` that are neither white space nor invisible.
size_t CountVisibleChars(std::string_view raw);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_COLLAPSE_SPACE_H_
