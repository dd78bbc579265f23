// Span: a half-open byte range [start, end) into an article's text.
//
// Every stage keeps spans into the text the article was read as (see ingest/article.h), never
// into a normalised copy, so that a report can highlight exactly the bytes a mark covers.
#ifndef PARALLAX_ENGINE_BASE_SPAN_H_
#define PARALLAX_ENGINE_BASE_SPAN_H_

#include <cstddef>
#include <string_view>

namespace parallax {

struct Span {
  size_t start = 0;
  size_t end = 0;

  size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool Contains(const Span& other) const { return start <= other.start && other.end <= end; }
  bool Overlaps(const Span& other) const { return start < other.end && other.start < end; }
  std::string_view Of(std::string_view text) const { return text.substr(start, end - start); }

  friend bool operator==(const Span& a, const Span& b) = default;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_SPAN_H_
