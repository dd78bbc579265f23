#include "engine/lexicon/reported_speech.h"

#include <algorithm>
#include <string_view>

#include "engine/lexicon/grammar_words.h"

namespace parallax {
namespace {

// The gap before token i holds a comma or a quotation mark: "..., officials said".
bool CommaOrQuoteBefore(const SentenceTokens& s, int i) {
  const std::vector<Token>& tokens = *s.tokens;
  if (i <= 0) return false;
  std::string_view gap = Span{tokens[i - 1].span.end, tokens[i].span.start}.Of(s.text);
  return gap.find_first_of(",\"'") != std::string_view::npos ||
         gap.find("\xE2\x80\x9D") != std::string_view::npos ||
         gap.find("\xE2\x80\x99") != std::string_view::npos;
}

// The content tokens after a cue and source ending before token `tail` may be this many, or
// fewer, and still be read as the cue's trailing adjuncts ("said Tuesday", "said in a
// statement") rather than its content.
constexpr int kMaxTrailingAdjunct = 3;

}  // namespace

std::vector<std::pair<int, int>> ReportedContent(const SentenceTokens& sentence,
                                                 const std::vector<AttributionExtent>& attributions,
                                                 const std::vector<Span>& quotes) {
  const std::vector<Token>& tokens = *sentence.tokens;
  const std::vector<char>& break_before = *sentence.break_before;
  const int n = static_cast<int>(tokens.size());
  std::vector<std::pair<int, int>> out;
  // Each attribution's region: its cue and its source together.
  std::vector<std::pair<int, int>> region;
  for (const AttributionExtent& a : attributions) {
    int l = a.cue_begin, r = a.cue_end;
    if (a.source_begin >= 0) l = std::min(l, a.source_begin), r = std::max(r, a.source_end);
    region.emplace_back(l, r);
  }
  for (size_t k = 0; k < attributions.size(); ++k) {
    if (!attributions[k].reports_someone) continue;
    const auto [l, r] = region[k];
    int next = n, previous = 0;  // where the neighbouring attributions start and end
    for (size_t j = 0; j < region.size(); ++j) {
      // A cue that reports nobody ("seems", "reportedly") lies inside the content.
      if (j == k || !attributions[j].reports_someone) continue;
      if (region[j].first >= r) next = std::min(next, region[j].first);
      if (region[j].second <= l) previous = std::max(previous, region[j].second);
    }
    // "lawmakers, who say the case is overblown, ...": to the end of the relative clause.
    if (l > 0 && IsIn(tokens[l - 1].norm, {"who", "which"}) && break_before[l - 1]) {
      int end = r;
      while (end < next && (end == r || !break_before[end])) ++end;
      if (end > r) out.emplace_back(r, end);
      continue;
    }
    // "The case is overblown, officials said Tuesday."
    if (l > previous && r - l > 0 && next - r <= kMaxTrailingAdjunct &&
        CommaOrQuoteBefore(sentence, l)) {
      out.emplace_back(previous, l);
      continue;
    }
    // "The museum, Mr. Bush said, celebrated ...", "And perhaps, he said, it could": an
    // attribution between commas inside the sentence reports the words on both sides.
    if (l > previous && r < next && break_before[l] && break_before[r] &&
        CommaOrQuoteBefore(sentence, l) && CommaOrQuoteBefore(sentence, r)) {
      out.emplace_back(previous, l);
    }
    if (r >= next) continue;
    int end = next;
    // A report with no source in the sentence ("allegations of", "was asked about") reports
    // a phrase of its clause, not the sentence's main clause after it.
    if (attributions[k].source_begin < 0) {
      for (int t = r + 1; t < end; ++t) {
        if (break_before[t]) {
          end = t;
          break;
        }
      }
    }
    // Content that opens with a quotation ends with it.
    for (const Span& q : quotes) {
      if (!q.Contains(tokens[r].span)) continue;
      int last = r;
      while (last + 1 < end && q.Contains(tokens[last + 1].span)) ++last;
      end = last + 1;
    }
    out.emplace_back(r, end);
  }
  return out;
}

}  // namespace parallax
