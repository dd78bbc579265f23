#include "engine/report/highlight.h"

#include <algorithm>
#include <numeric>

namespace parallax {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Layer indices in (start, longer first, index) order.
std::vector<int> OuterFirstOrder(const std::vector<Span>& layers) {
  std::vector<int> order(layers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (layers[a].start != layers[b].start) return layers[a].start < layers[b].start;
    return layers[a].end > layers[b].end;
  });
  return order;
}

}  // namespace

Span SnapToCharacters(std::string_view text, Span range, Span span) {
  size_t start = std::clamp(span.start, range.start, range.end);
  size_t end = std::clamp(span.end, range.start, range.end);
  if (end < start) end = start;
  while (start > range.start && start < text.size() && IsContinuationByte(text[start])) --start;
  while (end < range.end && end < text.size() && IsContinuationByte(text[end])) ++end;
  return Span{start, end};
}

std::vector<HighlightSegment> SplitIntoSegments(std::string_view text, Span range,
                                                const std::vector<Span>& layers) {
  std::vector<Span> clipped(layers.size());
  std::vector<size_t> cuts = {range.start, range.end};
  for (size_t i = 0; i < layers.size(); ++i) {
    clipped[i] = SnapToCharacters(text, range, layers[i]);
    if (clipped[i].empty()) continue;
    cuts.push_back(clipped[i].start);
    cuts.push_back(clipped[i].end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  const std::vector<int> order = OuterFirstOrder(clipped);
  std::vector<HighlightSegment> segments;
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    HighlightSegment segment;
    segment.span = Span{cuts[c], cuts[c + 1]};
    for (int i : order) {
      if (!clipped[i].empty() && clipped[i].Contains(segment.span)) segment.layers.push_back(i);
    }
    segments.push_back(std::move(segment));
  }
  return segments;
}

std::vector<int> AssignNestingLevels(const std::vector<Span>& layers) {
  std::vector<int> level(layers.size(), 0);
  std::vector<int> placed;
  for (int i : OuterFirstOrder(layers)) {
    std::vector<bool> taken;
    for (int j : placed) {
      if (!layers[i].Overlaps(layers[j])) continue;
      if (static_cast<size_t>(level[j]) >= taken.size()) taken.resize(level[j] + 1, false);
      taken[level[j]] = true;
    }
    int l = 0;
    while (static_cast<size_t>(l) < taken.size() && taken[l]) ++l;
    level[i] = l;
    placed.push_back(i);
  }
  return level;
}

}  // namespace parallax
