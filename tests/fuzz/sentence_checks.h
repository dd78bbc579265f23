// The contract of SentenceSplitter::Split (sentence_splitter.h), checked on fuzzed input.
#ifndef PARALLAX_TESTS_FUZZ_SENTENCE_CHECKS_H_
#define PARALLAX_TESTS_FUZZ_SENTENCE_CHECKS_H_

#include <string_view>
#include <vector>

#include "engine/ingest/article.h"
#include "engine/segment/sentence.h"
#include "tests/fuzz/fuzz_util.h"

namespace parallax::fuzz {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Sentences are numbered from 0, in order, never empty or overlapping, inside the text and
// their paragraph, trimmed of ASCII white space, at most `max_bytes` long; quotes lie inside
// their sentence.
inline void CheckSentences(std::string_view text, const std::vector<Paragraph>& paragraphs,
                           const std::vector<Sentence>& sentences, size_t max_bytes) {
  size_t previous_end = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    FUZZ_CHECK(s.index == static_cast<int>(i));
    FUZZ_CHECK(!s.span.empty());
    FUZZ_CHECK(s.span.size() <= max_bytes);
    FUZZ_CHECK(s.span.end <= text.size());
    FUZZ_CHECK(s.span.start >= previous_end);
    previous_end = s.span.end;
    FUZZ_CHECK(s.paragraph >= 0 && static_cast<size_t>(s.paragraph) < paragraphs.size());
    const Span& p = paragraphs[s.paragraph].span;
    FUZZ_CHECK(p.start <= s.span.start && s.span.end <= p.end);
    FUZZ_CHECK(!IsAsciiSpace(text[s.span.start]));
    FUZZ_CHECK(!IsAsciiSpace(text[s.span.end - 1]));
    size_t previous_quote_end = s.span.start;
    for (const Span& q : s.quotes) {
      FUZZ_CHECK(!q.empty());
      FUZZ_CHECK(s.span.Contains(q));
      FUZZ_CHECK(q.start >= previous_quote_end);
      previous_quote_end = q.end;
    }
  }
}

}  // namespace parallax::fuzz

#endif  // PARALLAX_TESTS_FUZZ_SENTENCE_CHECKS_H_
