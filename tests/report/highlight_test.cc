#include "engine/report/highlight.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace parallax {
namespace {

// Reference: the set of layers covering each byte, compared with what the segments say.
std::vector<std::vector<int>> CoverPerByte(const std::vector<HighlightSegment>& segments,
                                           Span range) {
  std::vector<std::vector<int>> cover(range.size());
  for (const HighlightSegment& segment : segments) {
    for (size_t b = segment.span.start; b < segment.span.end; ++b) {
      cover[b - range.start] = segment.layers;
      std::sort(cover[b - range.start].begin(), cover[b - range.start].end());
    }
  }
  return cover;
}

std::vector<std::vector<int>> NaiveCoverPerByte(const std::string& text, Span range,
                                                const std::vector<Span>& layers) {
  std::vector<std::vector<int>> cover(range.size());
  for (size_t b = range.start; b < range.end; ++b) {
    for (size_t i = 0; i < layers.size(); ++i) {
      const Span s = SnapToCharacters(text, range, layers[i]);
      if (s.start <= b && b < s.end) cover[b - range.start].push_back(i);
    }
  }
  return cover;
}

TEST(HighlightTest, SplitsOverlappingAndNestedLayersTable) {
  const std::string text = "abcdefghij";
  struct Case {
    std::vector<Span> layers;
    std::vector<HighlightSegment> want;
  };
  const std::vector<Case> cases = {
      {{}, {{{0, 10}, {}}}},
      {{{2, 5}}, {{{0, 2}, {}}, {{2, 5}, {0}}, {{5, 10}, {}}}},
      // Overlap: [2,6) and [4,8).
      {{{2, 6}, {4, 8}},
       {{{0, 2}, {}}, {{2, 4}, {0}}, {{4, 6}, {0, 1}}, {{6, 8}, {1}}, {{8, 10}, {}}}},
      // Nesting, listed inner first: the outer range still comes first in each segment.
      {{{3, 4}, {1, 9}},
       {{{0, 1}, {}}, {{1, 3}, {1}}, {{3, 4}, {1, 0}}, {{4, 9}, {1}}, {{9, 10}, {}}}},
      // Identical ranges; an empty one is ignored; one past the end is clipped.
      {{{0, 3}, {0, 3}, {5, 5}, {8, 40}}, {{{0, 3}, {0, 1}}, {{3, 8}, {}}, {{8, 10}, {3}}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitIntoSegments(text, Span{0, 10}, c.layers), c.want);
  }
}

TEST(HighlightTest, NeverCutsInsideMultiByteCharacter) {
  // "a—b": the em dash is 3 bytes at [1, 4).
  const std::string text =
      "a\xE2\x80\x94"
      "b";
  // A layer starting and ending inside the dash widens to the whole character.
  const auto segments = SplitIntoSegments(text, Span{0, 5}, {Span{2, 3}});
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_EQ(segments[1].span, (Span{1, 4}));
  EXPECT_EQ(segments[1].layers, std::vector<int>{0});
  for (const HighlightSegment& s : segments) {
    EXPECT_NE(static_cast<unsigned char>(text[s.span.start]) & 0xC0, 0x80u);
  }
}

TEST(HighlightTest, MatchesPerByteReferenceOnRandomLayers) {
  // Mixed ASCII and 2-, 3- and 4-byte characters.
  std::string text;
  const char* pieces[] = {"a", "b ", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "z"};
  std::mt19937 rng(7);
  for (int i = 0; i < 60; ++i) text += pieces[rng() % 6];
  for (int round = 0; round < 500; ++round) {
    const size_t a = rng() % text.size(), b = rng() % text.size();
    const Span range{std::min(a, b), std::max(a, b)};
    std::vector<Span> layers;
    const int n = rng() % 6;
    for (int i = 0; i < n; ++i) {
      const size_t x = rng() % (text.size() + 4), y = rng() % (text.size() + 4);
      layers.push_back(Span{std::min(x, y), std::max(x, y)});
    }
    const auto segments = SplitIntoSegments(text, range, layers);
    // Contiguous cover of the range.
    size_t at = range.start;
    for (const HighlightSegment& s : segments) {
      ASSERT_EQ(s.span.start, at);
      ASSERT_LT(s.span.start, s.span.end);
      at = s.span.end;
    }
    ASSERT_EQ(at, range.empty() ? range.start : range.end);
    EXPECT_EQ(CoverPerByte(segments, range), NaiveCoverPerByte(text, range, layers))
        << "round " << round;
  }
}

TEST(HighlightTest, NestingLevelsSeparateOverlappingLayers) {
  const std::vector<Span> layers = {{0, 10}, {2, 4}, {3, 8}, {12, 14}, {2, 4}};
  const std::vector<int> levels = AssignNestingLevels(layers);
  EXPECT_EQ(levels, (std::vector<int>{0, 1, 3, 0, 2}));
  for (size_t i = 0; i < layers.size(); ++i) {
    for (size_t j = i + 1; j < layers.size(); ++j) {
      if (layers[i].Overlaps(layers[j])) {
        EXPECT_NE(levels[i], levels[j]) << i << " " << j;
      }
    }
  }
}

}  // namespace
}  // namespace parallax
