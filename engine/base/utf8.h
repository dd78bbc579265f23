// UTF-8 checks and repairs for text read from outside.
//
// Parallax works on UTF-8 bytes throughout. Text from the web is often not clean: it may carry a
// byte-order mark, Windows line ends, stray Latin-1 bytes, overlong encodings or NUL bytes. These
// helpers find such bytes so that ingest can say exactly where they are.
#ifndef PARALLAX_ENGINE_BASE_UTF8_H_
#define PARALLAX_ENGINE_BASE_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parallax {

// Returns the byte offset of the first byte that does not start a valid, shortest-form UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are invalid), or nullopt
// iff `text` is valid UTF-8.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// Returns `text` with each invalid byte replaced by U+FFFD (3 bytes), and sets *replaced to the
// number of replacements. Valid input is returned unchanged.
std::string RepairUtf8(std::string_view text, size_t* replaced);

// Decodes the code point starting at text[pos] (valid UTF-8 assumed) and sets *length to its
// byte length (1 for an invalid byte, which is returned as U+FFFD).
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* length);

// Appends the UTF-8 encoding of code point `cp` (REQUIRES: cp <= U+10FFFF) to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Returns true iff `text` starts with a UTF-16 byte-order mark (FF FE or FE FF).
bool HasUtf16Bom(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_UTF8_H_
