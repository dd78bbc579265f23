#include "reference_matcher.h"

#include <algorithm>

namespace parallax {
namespace {

bool SlotMatches(const PatternSlot& slot, const Token& token) {
  switch (slot.kind) {
    case PatternSlot::Kind::kWords:
      return std::find(slot.words.begin(), slot.words.end(), token.norm) != slot.words.end();
    case PatternSlot::Kind::kAnyToken:
      return true;
    case PatternSlot::Kind::kNumber:
      return token.is_number;
    case PatternSlot::Kind::kGap:
      return false;
  }
  return false;
}

void Walk(int entry, const Pattern& p, const std::vector<Token>& tokens, size_t slot, int start,
          int pos, int gap_begin, int gap_end, std::vector<TokenMatch>* out) {
  if (slot == p.slots.size()) {
    TokenMatch m;
    m.entry = entry;
    m.begin = start;
    m.end = pos;
    m.cue_begin = start + p.leading_context;
    m.cue_end = pos - p.trailing_context;
    m.gap_begin = gap_begin;
    m.gap_end = gap_end;
    out->push_back(m);
    return;
  }
  const PatternSlot& s = p.slots[slot];
  if (s.optional) Walk(entry, p, tokens, slot + 1, start, pos, gap_begin, gap_end, out);
  if (s.kind == PatternSlot::Kind::kGap) {
    for (int n = 1; n <= kMaxGapTokens && pos + n <= static_cast<int>(tokens.size()); ++n) {
      bool first = gap_begin < 0;
      Walk(entry, p, tokens, slot + 1, start, pos + n, first ? pos : gap_begin,
           first ? pos + n : gap_end, out);
    }
    return;
  }
  if (pos < static_cast<int>(tokens.size()) && SlotMatches(s, tokens[pos])) {
    Walk(entry, p, tokens, slot + 1, start, pos + 1, gap_begin, gap_end, out);
  }
}

}  // namespace

std::vector<TokenMatch> BruteForceMatch(const std::vector<LexiconEntry>& entries,
                                        const std::vector<Token>& tokens) {
  std::vector<TokenMatch> out;
  for (size_t e = 0; e < entries.size(); ++e) {
    for (int start = 0; start < static_cast<int>(tokens.size()); ++start) {
      Walk(static_cast<int>(e), entries[e].pattern, tokens, 0, start, start, -1, -1, &out);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace parallax
