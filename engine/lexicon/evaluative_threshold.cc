#include "engine/lexicon/evaluative_threshold.h"

#include <algorithm>
#include <cstddef>

namespace parallax {
namespace {

bool SameEntry(const Mark& a, const Mark& b) {
  return a.entry == b.entry && a.lexicon == b.lexicon;
}

double Counted(const Mark& m, double quoted_factor) {
  return m.voice == Voice::kQuoted ? m.weight * quoted_factor : m.weight;
}

}  // namespace

double EvaluativeWeight(const std::vector<Mark>& marks, double quoted_factor) {
  double total = 0;
  for (size_t i = 0; i < marks.size(); ++i) {
    if (marks[i].category != MarkCategory::kEvaluative) continue;
    // A sentence has a handful of marks: scans are cheaper than a map. The first mark of an
    // entry adds the largest weight any of its marks counts for.
    bool seen = false;
    for (size_t j = 0; j < i && !seen; ++j) {
      seen = marks[j].category == MarkCategory::kEvaluative && SameEntry(marks[i], marks[j]);
    }
    if (seen) continue;
    double best = Counted(marks[i], quoted_factor);
    for (size_t j = i + 1; j < marks.size(); ++j) {
      if (marks[j].category == MarkCategory::kEvaluative && SameEntry(marks[i], marks[j])) {
        best = std::max(best, Counted(marks[j], quoted_factor));
      }
    }
    total += best;
  }
  return total;
}

int ApplyEvaluativeThreshold(const EvaluativeThreshold& threshold, std::vector<Mark>* marks) {
  if (threshold.min_weight <= 0) return 0;
  // Weights are sums of short decimals (0.5 + 0.5): compare with a little slack so that two
  // halves make a whole.
  constexpr double kSlack = 1e-9;
  if (EvaluativeWeight(*marks, threshold.quoted_factor) + kSlack >= threshold.min_weight) {
    return 0;
  }
  const size_t before = marks->size();
  std::erase_if(*marks, [](const Mark& m) { return m.category == MarkCategory::kEvaluative; });
  return static_cast<int>(before - marks->size());
}

}  // namespace parallax
