#include "engine/align/certainty.h"

namespace parallax {

const char* AssertionName(Assertion assertion) {
  switch (assertion) {
    case Assertion::kUnknown:
      return "unknown";
    case Assertion::kStated:
      return "stated";
    case Assertion::kAttributed:
      return "attributed";
    case Assertion::kHedged:
      return "hedged";
  }
  return "unknown";
}

std::optional<Discrepancy> FindCertaintyDrift(const SentenceCertainty& a,
                                              const SentenceCertainty& b) {
  if (a.assertion == Assertion::kUnknown || b.assertion == Assertion::kUnknown) return {};
  const bool a_stated = a.assertion == Assertion::kStated;
  const bool b_stated = b.assertion == Assertion::kStated;
  if (a_stated == b_stated) return {};
  Discrepancy d;
  d.kind = Discrepancy::Kind::kAttribution;
  d.a_spans = a.cues;
  d.b_spans = b.cues;
  d.a_text = a.cue_text;
  d.b_text = b.cue_text;
  return d;
}

}  // namespace parallax
