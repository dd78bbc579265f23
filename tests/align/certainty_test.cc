#include "engine/align/certainty.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

SentenceCertainty Make(Assertion assertion, std::string cue) {
  SentenceCertainty c;
  c.assertion = assertion;
  c.cue_text = std::move(cue);
  if (!c.cue_text.empty()) c.cues.push_back({0, 4});
  return c;
}

TEST(CertaintyTest, DriftIsStatedAgainstAttributedOrHedged) {
  struct Case {
    Assertion a;
    Assertion b;
    bool drift;
  };
  const Case cases[] = {
      {Assertion::kStated, Assertion::kAttributed, true},
      {Assertion::kHedged, Assertion::kStated, true},
      {Assertion::kStated, Assertion::kStated, false},
      {Assertion::kAttributed, Assertion::kHedged, false},  // neither states it as fact
      {Assertion::kAttributed, Assertion::kAttributed, false},
      {Assertion::kUnknown, Assertion::kAttributed, false},  // no marks given: no judgement
  };
  for (const Case& c : cases) {
    const std::optional<Discrepancy> d =
        FindCertaintyDrift(Make(c.a, c.a == Assertion::kStated ? "" : "said"),
                           Make(c.b, c.b == Assertion::kStated ? "" : "may"));
    EXPECT_EQ(d.has_value(), c.drift) << AssertionName(c.a) << " / " << AssertionName(c.b);
    if (d.has_value()) {
      EXPECT_EQ(d->kind, Discrepancy::Kind::kAttribution);
    }
  }
}

TEST(CertaintyTest, DriftNamesTheCueOfTheQualifyingSide) {
  const std::optional<Discrepancy> d =
      FindCertaintyDrift(Make(Assertion::kStated, ""), Make(Assertion::kHedged, "is expected to"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->a_text, "");
  EXPECT_EQ(d->b_text, "is expected to");
  EXPECT_TRUE(d->a_spans.empty());
  EXPECT_EQ(d->b_spans.size(), 1u);
}

}  // namespace
}  // namespace parallax
