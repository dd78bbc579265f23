// Showing strings from outside (source names, ids, titles) so that what a reader sees is what
// the bytes say.
//
// Two kinds of characters let a crawled page lie about a name without changing how it looks:
//   - invisible ones: zero-width spaces and joiners, the byte-order mark, soft hyphens,
//     variation selectors, tag characters, Hangul fillers ("Reuters" + U+200B reads "Reuters"
//     but is another source);
//   - direction controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C), which reorder
//     what follows: U+202E + "moc.sretuer" is shown as "reuters.com".
// Long runs of combining marks are a third: twenty marks stacked on one letter hide it and spill
// over the table around it. VisibleName replaces each such character with "<U+XXXX>", so that
// two names that differ only by them also look different, and the bidi ones cannot reorder the
// page or the terminal.
//
// Terminal output (search, index list) also has to keep control characters from acting:
// ESC sequences can hide text, retitle the window or, in some terminals, write the clipboard,
// and a tab or newline inside a field forges columns and rows of a TSV listing.
// EscapeForTerminal shows them as C-style escapes.
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_BASE_VISIBLE_TEXT_H_
#define PARALLAX_ENGINE_BASE_VISIBLE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax {

// Combining marks allowed in a row on one letter (Vietnamese stacks two); the rest are shown.
inline constexpr int kMaxCombiningMarksInARow = 2;

// Returns true iff `cp` is invisible or changes the text's direction (see above).
bool IsInvisibleOrBidiControl(char32_t cp);

// Returns `name` with every invisible or direction-control character, every control character
// and every combining mark beyond kMaxCombiningMarksInARow replaced by "<U+XXXX>" (upper-case
// hex, at least 4 digits). Sets *shown (when not null) to the number replaced. Invalid UTF-8
// bytes are kept as they are (ingest has repaired text before this is called).
std::string VisibleName(std::string_view name, size_t* shown = nullptr);

// Returns `text` safe to print on a terminal, one field of a tab-separated line: C0 controls
// and DEL as \t, \n, \r, \e or \xNN, a backslash as \\, C1 controls (U+0080-U+009F) as
// \u0080 ..., and invisible or direction-control characters as "<U+XXXX>". Printable text,
// including all other non-ASCII letters, is unchanged.
std::string EscapeForTerminal(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_VISIBLE_TEXT_H_
