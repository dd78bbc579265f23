// The closed sets of mark.h: every value's name parses back to it, and a name outside the set
// is refused, leaving the output untouched.
#include "engine/lexicon/mark.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace parallax {
namespace {

// Round-trips every value of Enum through Name and Parse, and checks the names against
// `names` (the spelling files and JSON use).
template <typename Enum, size_t N>
void ExpectRoundTrip(std::string_view (*name)(Enum), bool (*parse)(std::string_view, Enum*),
                     const std::string_view (&names)[N]) {
  for (size_t i = 0; i < N; ++i) {
    const Enum value = static_cast<Enum>(i);
    EXPECT_EQ(name(value), names[i]);
    Enum parsed = static_cast<Enum>(N - 1 - i);
    ASSERT_TRUE(parse(names[i], &parsed)) << names[i];
    EXPECT_EQ(parsed, value) << names[i];
  }
}

// Unknown names, near misses and "" are refused and leave *value as it was.
template <typename Enum>
void ExpectRefused(bool (*parse)(std::string_view, Enum*), Enum untouched) {
  for (std::string_view bad : {"", "Neutral", "outlet ", "sceptical", "unknown", "none\n"}) {
    Enum value = untouched;
    EXPECT_FALSE(parse(bad, &value)) << "'" << bad << "'";
    EXPECT_EQ(value, untouched) << "'" << bad << "'";
  }
}

TEST(MarkNamesTest, CategoryRoundTripsAndRefusesUnknown) {
  constexpr std::string_view kNames[] = {"hedge", "booster", "attribution", "evaluative",
                                         "scare_quote"};
  static_assert(std::size(kNames) == kNumMarkCategories);
  ExpectRoundTrip<MarkCategory>(CategoryName, ParseCategory, kNames);
  ExpectRefused<MarkCategory>(ParseCategory, MarkCategory::kBooster);
}

TEST(MarkNamesTest, StanceRoundTripsAndRefusesUnknown) {
  constexpr std::string_view kNames[] = {"neutral", "distancing", "endorsing", "emphatic",
                                         "concessive"};
  static_assert(std::size(kNames) == kNumStances);
  ExpectRoundTrip<Stance>(StanceName, ParseStance, kNames);
  ExpectRefused<Stance>(ParseStance, Stance::kEmphatic);
}

TEST(MarkNamesTest, SourceKindRoundTripsAndRefusesUnknown) {
  constexpr std::string_view kNames[] = {"named", "anonymous", "none"};
  static_assert(std::size(kNames) == kNumSourceKinds);
  ExpectRoundTrip<SourceKind>(SourceKindName, ParseSourceKind, kNames);
  ExpectRefused<SourceKind>(ParseSourceKind, SourceKind::kAnonymous);
}

TEST(MarkNamesTest, PolarityRoundTripsAndRefusesUnknown) {
  constexpr std::string_view kNames[] = {"negative", "positive"};
  static_assert(std::size(kNames) == kNumPolarities);
  ExpectRoundTrip<Polarity>(PolarityName, ParsePolarity, kNames);
  ExpectRefused<Polarity>(ParsePolarity, Polarity::kPositive);
}

TEST(MarkNamesTest, VoiceRoundTripsAndRefusesUnknown) {
  constexpr std::string_view kNames[] = {"outlet", "quoted"};
  ExpectRoundTrip<Voice>(VoiceName, ParseVoice, kNames);
  ExpectRefused<Voice>(ParseVoice, Voice::kQuoted);
}

TEST(MarkNamesTest, SpeechRoundTripsAndRefusesUnknown) {
  constexpr std::string_view kNames[] = {"direct", "reported"};
  ExpectRoundTrip<Speech>(SpeechName, ParseSpeech, kNames);
  ExpectRefused<Speech>(ParseSpeech, Speech::kReported);
}

// A field that does not apply to a mark's category has no value and an empty name, which is
// how the report model and the JSON writers leave it out.
TEST(MarkNamesTest, AbsentValueHasEmptyName) {
  EXPECT_EQ(StanceName(std::optional<Stance>()), "");
  EXPECT_EQ(SourceKindName(std::optional<SourceKind>()), "");
  EXPECT_EQ(PolarityName(std::optional<Polarity>()), "");
  EXPECT_EQ(SpeechName(std::optional<Speech>()), "");
  EXPECT_EQ(StanceName(std::optional<Stance>(Stance::kDistancing)), "distancing");
  EXPECT_EQ(SourceKindName(std::optional<SourceKind>(SourceKind::kNone)), "none");
}

TEST(MarkNamesTest, OppositePolarityFlips) {
  EXPECT_EQ(Opposite(Polarity::kNegative), Polarity::kPositive);
  EXPECT_EQ(Opposite(Polarity::kPositive), Polarity::kNegative);
}

}  // namespace
}  // namespace parallax
