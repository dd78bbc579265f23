// Small formatting helpers shared by the report renderers: numbers that do not depend on the
// locale, CSS-safe class names, URL screening, text shortening at character boundaries.
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_REPORT_FORMAT_H_
#define PARALLAX_ENGINE_REPORT_FORMAT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax {

// Returns `value` with exactly `decimals` digits after the point ("4.20"), in the C locale
// whatever the process locale is. Non-finite values print as zero ("0.0").
std::string FormatFixed(double value, int decimals);

// Returns `n` with thousands separated by commas ("12,345").
std::string FormatCount(long long n);

// Returns a token safe as an HTML class name or id part: ASCII letters and digits kept
// (lower-cased), '_' and '-' kept, every other byte becomes '-'; "" becomes "none".
std::string ClassToken(std::string_view name);

// Returns true iff `url` may become a link: it starts (after leading spaces) with "http://" or
// "https://" in any letter case, or is a relative reference — no scheme before its first '/',
// '?' or '#' — holding no control character. "javascript:", "data:", "vbscript:" and every
// other scheme are refused, also when disguised with spaces, tabs or newlines inside.
bool IsSafeLinkTarget(std::string_view url);

// Returns true iff `url` is an absolute http(s) URL (see above).
bool IsHttpUrl(std::string_view url);

// Returns how a report labels claim `id` everywhere it shows it ("c8" -> "C8"), so the HTML,
// the JSON, the CSV and the batch index name a claim alike; other ids are returned as they are
// (cleaned as CleanUtf8 does).
std::string ClaimLabel(std::string_view id);

// Returns `text` cut to at most `max_bytes` bytes at a UTF-8 character boundary, with "…"
// appended when cut. Invalid UTF-8 bytes are replaced by U+FFFD first.
std::string ShortenUtf8(std::string_view text, size_t max_bytes);

// Returns `text` with invalid UTF-8 replaced by U+FFFD (a copy when already valid).
std::string CleanUtf8(std::string_view text);

// Returns how many characters (Unicode code points) CleanUtf8 makes of the first `bytes` bytes
// of `text`, with `bytes` first moved to a character boundary: down to the start of the
// character it falls in, or up to its end when `round_up`. This is the offset Python's str
// indexing gives the same place. REQUIRES: bytes <= text.size().
size_t CharacterOffset(std::string_view text, size_t bytes, bool round_up);

// Returns `text` with runs of ASCII whitespace collapsed to one space and the ends trimmed.
std::string CollapseSpaces(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_FORMAT_H_
