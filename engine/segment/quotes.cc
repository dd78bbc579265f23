#include "engine/segment/quotes.h"

#include <algorithm>
#include <limits>

#include "engine/segment/char_class.h"

namespace parallax {
namespace {

using segment_internal::CodePointAt;
using segment_internal::CodePointBefore;
using segment_internal::IsLetterOrDigit;
using segment_internal::SkipSpaceBackward;
using segment_internal::SpaceAt;

constexpr size_t kNone = std::numeric_limits<size_t>::max();

enum class Mark {
  kNone,
  kDoubleOpen,
  kDoubleClose,
  kDoubleStraight,
  kSingleOpen,
  kSingleClose,
  kSingleStraight
};

Mark Classify(char32_t c) {
  switch (c) {
    case 0x201C:  // “
    case 0x00AB:  // «
      return Mark::kDoubleOpen;
    case 0x201D:  // ”
    case 0x00BB:  // »
      return Mark::kDoubleClose;
    case '"':
      return Mark::kDoubleStraight;
    case 0x2018:  // ‘
      return Mark::kSingleOpen;
    case 0x2019:  // ’
      return Mark::kSingleClose;
    case '\'':
      return Mark::kSingleStraight;
    default:
      return Mark::kNone;
  }
}

}  // namespace

std::vector<QuotedStretch> FindQuotedStretches(std::string_view text, Span paragraph) {
  std::vector<QuotedStretch> found;
  const size_t end = std::min(paragraph.end, text.size());
  size_t double_open = kNone;
  bool double_straight = false;
  size_t single_open = kNone;
  bool single_straight = false;
  char32_t prev = 0;  // the code point before `pos`; 0 at the paragraph's start
  for (size_t pos = std::min(paragraph.start, end); pos < end;) {
    size_t len = 0;
    char32_t c = CodePointAt(text, pos, &len);
    Mark mark = Classify(c);
    if (mark == Mark::kNone) {
      prev = c;
      pos += len;
      continue;
    }
    size_t next_len = 0;
    char32_t next = pos + len < end ? CodePointAt(text, pos + len, &next_len) : 0;
    const bool next_is_space = next == 0 || SpaceAt(text, pos + len) > 0;
    const bool prev_is_space =
        prev == 0 || (pos > 0 && segment_internal::SpaceBefore(text, pos) > 0);
    const bool after_word = prev != 0 && IsLetterOrDigit(prev);
    const bool before_word = next != 0 && IsLetterOrDigit(next);
    switch (mark) {
      case Mark::kDoubleOpen:
        // A second opening mark while one is open: the first was never closed; end it here.
        if (double_open != kNone) {
          found.push_back({{double_open, SkipSpaceBackward(text, double_open, pos)}, false});
        }
        double_open = pos;
        double_straight = false;
        break;
      case Mark::kDoubleClose:
        if (double_open != kNone && !double_straight) {
          found.push_back({{double_open, pos + len}, true});
          double_open = kNone;
        }
        break;
      case Mark::kDoubleStraight:
        if (double_open != kNone && double_straight) {
          found.push_back({{double_open, pos + len}, true});
          double_open = kNone;
        } else if (double_open == kNone && !next_is_space) {
          double_open = pos;
          double_straight = true;
        }
        break;
      case Mark::kSingleOpen:
      case Mark::kSingleClose:
      case Mark::kSingleStraight: {
        const bool straight = mark == Mark::kSingleStraight;
        const bool can_open = mark != Mark::kSingleClose && !after_word && !next_is_space;
        const bool can_close = mark != Mark::kSingleOpen && !prev_is_space && !before_word;
        if (single_open != kNone && single_straight == straight && can_close) {
          found.push_back({{single_open, pos + len}, true});
          single_open = kNone;
        } else if (can_open) {
          single_open = pos;
          single_straight = straight;
        }
        break;
      }
      case Mark::kNone:
        break;
    }
    prev = c;
    pos += len;
  }
  if (double_open != kNone) {
    Span tail{double_open, SkipSpaceBackward(text, double_open, end)};
    if (!tail.empty()) found.push_back({tail, false});
  }
  // Closing order differs from opening order when stretches nest; report outer ones only.
  std::sort(found.begin(), found.end(), [](const QuotedStretch& a, const QuotedStretch& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  std::vector<QuotedStretch> out;
  for (const QuotedStretch& q : found) {
    if (!out.empty() && q.span.start < out.back().span.end) continue;
    out.push_back(q);
  }
  return out;
}

std::vector<Span> FindQuotes(std::string_view text, Span paragraph) {
  std::vector<Span> out;
  for (const QuotedStretch& q : FindQuotedStretches(text, paragraph)) out.push_back(q.span);
  return out;
}

std::vector<Span> FindBracketPairs(std::string_view text, Span paragraph) {
  std::vector<Span> out;
  const size_t end = std::min(paragraph.end, text.size());
  // Open brackets, innermost last. Deep nesting is not prose: past kMaxDepth, brackets are
  // ignored, which keeps the stack small.
  constexpr size_t kMaxDepth = 16;
  std::vector<std::pair<size_t, char>> open;
  for (size_t pos = std::min(paragraph.start, end); pos < end; ++pos) {
    const char c = text[pos];
    if (c == '(' || c == '[') {
      if (open.size() < kMaxDepth) open.push_back({pos, c == '(' ? ')' : ']'});
    } else if (c == ')' || c == ']') {
      if (open.empty() || open.back().second != c) continue;  // unmatched: ignore it
      const size_t start = open.back().first;
      open.pop_back();
      if (open.empty()) out.push_back({start, pos + 1});
    }
  }
  return out;
}

}  // namespace parallax
