#include "engine/lexicon/mark.h"

namespace parallax {
namespace {

constexpr std::string_view kCategoryNames[kNumMarkCategories] = {"hedge", "booster", "attribution",
                                                                 "evaluative", "scare_quote"};
constexpr std::string_view kStanceNames[kNumStances] = {"neutral", "distancing", "endorsing",
                                                        "emphatic", "concessive"};
constexpr std::string_view kSourceKindNames[kNumSourceKinds] = {"named", "anonymous", "none"};
constexpr std::string_view kPolarityNames[kNumPolarities] = {"negative", "positive"};
constexpr std::string_view kVoiceNames[] = {"outlet", "quoted"};
constexpr std::string_view kSpeechNames[] = {"direct", "reported"};

// Sets *value to the enum whose name in `names` is `name`; returns false when none is.
template <typename Enum, size_t N>
bool ParseName(const std::string_view (&names)[N], std::string_view name, Enum* value) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) {
      *value = static_cast<Enum>(i);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view CategoryName(MarkCategory category) {
  return kCategoryNames[static_cast<int>(category)];
}

bool ParseCategory(std::string_view name, MarkCategory* category) {
  return ParseName(kCategoryNames, name, category);
}

std::string_view StanceName(Stance stance) { return kStanceNames[static_cast<int>(stance)]; }

bool ParseStance(std::string_view name, Stance* stance) {
  return ParseName(kStanceNames, name, stance);
}

std::string_view SourceKindName(SourceKind kind) {
  return kSourceKindNames[static_cast<int>(kind)];
}

bool ParseSourceKind(std::string_view name, SourceKind* kind) {
  return ParseName(kSourceKindNames, name, kind);
}

std::string_view PolarityName(Polarity polarity) {
  return kPolarityNames[static_cast<int>(polarity)];
}

bool ParsePolarity(std::string_view name, Polarity* polarity) {
  return ParseName(kPolarityNames, name, polarity);
}

Polarity Opposite(Polarity polarity) {
  return polarity == Polarity::kNegative ? Polarity::kPositive : Polarity::kNegative;
}

std::string_view VoiceName(Voice voice) { return kVoiceNames[static_cast<int>(voice)]; }

bool ParseVoice(std::string_view name, Voice* voice) { return ParseName(kVoiceNames, name, voice); }

std::string_view SpeechName(Speech speech) { return kSpeechNames[static_cast<int>(speech)]; }

bool ParseSpeech(std::string_view name, Speech* speech) {
  return ParseName(kSpeechNames, name, speech);
}

std::string_view StanceName(std::optional<Stance> stance) {
  return stance ? StanceName(*stance) : "";
}

std::string_view SourceKindName(std::optional<SourceKind> kind) {
  return kind ? SourceKindName(*kind) : "";
}

std::string_view PolarityName(std::optional<Polarity> polarity) {
  return polarity ? PolarityName(*polarity) : "";
}

std::string_view SpeechName(std::optional<Speech> speech) {
  return speech ? SpeechName(*speech) : "";
}

}  // namespace parallax
