#include "engine/report/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "engine/base/utf8.h"

namespace parallax {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  return s;
}

}  // namespace

std::string FormatFixed(double value, int decimals) {
  if (!std::isfinite(value)) value = 0;
  // Rounding can give "-0.00" for tiny negative values; a report never means that.
  const double scale = std::pow(10.0, decimals);
  if (std::round(value * scale) == 0) value = 0;
  char buffer[64];
  auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed, decimals);
  if (ec != std::errc()) return "0";
  return std::string(buffer, end);
}

std::string FormatCount(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string ClassToken(std::string_view name) {
  if (name.empty()) return "none";
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
      out += c;
    } else {
      out += '-';
    }
  }
  return out;
}

bool IsHttpUrl(std::string_view url) {
  for (char c : url) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  url = TrimLeft(url);
  return (StartsWithNoCase(url, "http://") || StartsWithNoCase(url, "https://")) &&
         url.find(' ') == std::string_view::npos;
}

bool IsSafeLinkTarget(std::string_view url) {
  for (char c : url) {
    // Browsers strip tabs and newlines inside URLs ("java\tscript:"), so refuse them outright.
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  if (IsHttpUrl(url)) return true;
  std::string_view trimmed = TrimLeft(url);
  if (trimmed.empty()) return false;
  // A relative reference has no ':' before its first '/', '?' or '#'.
  const size_t stop = trimmed.find_first_of("/?#");
  const size_t colon = trimmed.find(':');
  if (colon != std::string_view::npos && (stop == std::string_view::npos || colon < stop)) {
    return false;
  }
  // "//host/path" is protocol-relative (browsers read '\\' as '/'): it would leave the file.
  auto is_slash = [](char c) { return c == '/' || c == '\\'; };
  return !(trimmed.size() >= 2 && is_slash(trimmed[0]) && is_slash(trimmed[1]));
}

std::string CleanUtf8(std::string_view text) {
  if (!FindInvalidUtf8(text).has_value()) return std::string(text);
  size_t replaced = 0;
  return RepairUtf8(text, &replaced);
}

size_t CharacterOffset(std::string_view text, size_t bytes, bool round_up) {
  auto inside = [&](size_t at) {
    return at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
  };
  for (int i = 0; i < 3 && inside(bytes); ++i) bytes += round_up ? 1 : -1;
  const std::string clean = CleanUtf8(text.substr(0, bytes));
  return std::count_if(clean.begin(), clean.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::string ShortenUtf8(std::string_view text, size_t max_bytes) {
  std::string clean = CleanUtf8(text);
  if (clean.size() <= max_bytes) return clean;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80) --cut;
  while (cut > 0 && IsAsciiSpace(clean[cut - 1])) --cut;
  return clean.substr(0, cut) + "\xE2\x80\xA6";  // U+2026
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string ClaimLabel(std::string_view id) {
  const bool numbered =
      id.size() > 1 && id[0] == 'c' &&
      std::all_of(id.begin() + 1, id.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (numbered) return "C" + std::string(id.substr(1));
  return CleanUtf8(id);
}

}  // namespace parallax
