// Character tests on UTF-8 text for the sentence splitter and the quote finder (internal to
// engine/segment; see sentence_splitter.h for the public face).
//
// Offsets are byte offsets; every function reads at most 4 bytes around the offset it is given,
// so callers stay linear. Letter classes come from ICU (u_isupper, u_islower, u_isalnum).
#ifndef PARALLAX_ENGINE_SEGMENT_CHAR_CLASS_H_
#define PARALLAX_ENGINE_SEGMENT_CHAR_CLASS_H_

#include <cstddef>
#include <string_view>

namespace parallax::segment_internal {

// Byte length of the white-space character starting at `pos` (ASCII white space, no-break and
// other Unicode spaces, zero-width space, byte-order mark), or 0 when there is none.
size_t SpaceAt(std::string_view text, size_t pos);

// Byte length of the white-space character ending just before `pos`, or 0.
size_t SpaceBefore(std::string_view text, size_t pos);

// Returns the first offset >= start and <= end that is not white space.
size_t SkipSpaceForward(std::string_view text, size_t start, size_t end);

// Returns the last offset <= end and >= start such that [.., offset) does not end in white space.
size_t SkipSpaceBackward(std::string_view text, size_t start, size_t end);

// The code point starting at `pos` (U+FFFD for an invalid byte) and its byte length.
char32_t CodePointAt(std::string_view text, size_t pos, size_t* length);

// The code point ending just before `pos`, and its byte length (0 and 0 at offset 0).
char32_t CodePointBefore(std::string_view text, size_t pos, size_t* length);

// Moves `pos` back to the start of the UTF-8 character it falls in (at most 3 bytes back).
size_t CharStartAtOrBefore(std::string_view text, size_t pos);

bool IsLetterOrDigit(char32_t c);
bool IsLower(char32_t c);
bool IsUpper(char32_t c);
bool IsDigit(char32_t c);

// Marks that may follow a sentence's final punctuation: closing quotes and brackets.
bool IsCloser(char32_t c);
// Marks that may precede a sentence's first word: opening quotes and brackets.
bool IsOpener(char32_t c);

}  // namespace parallax::segment_internal

#endif  // PARALLAX_ENGINE_SEGMENT_CHAR_CLASS_H_
