// Voice: who a sentence says is speaking, so that two versions of one claim can be compared for
// a different speaker ("Obama said" / "Boehner said") or for one side attributing what the other
// states as fact ("X, officials said" / "X").
//
// Cues are report verbs and phrases (said, says, told, claimed, according to, described as,
// reportedly, ...), taken from the sentence's words. A speaker is the run of capitalised words
// right before a report verb ("Mr. Steele said", "Gen. Munir also said"), or right after it when
// inverted ("said Mr. Steele") or after "according to". A speaker is named by its alias-table
// canonical name when an entity covers it ("COAS" = "Asim Munir"), else by its last word
// ("Michael Steele" = "Mr. Steele" = "steele"); titles and pronouns are not speakers. A single
// capitalised word that opens the sentence and that WordNet knows ("Officials said") is taken
// as a common noun, not a name.
//
// This is the aligner's own light-weight detector: the lexicon module finds attributions more
// completely (lexicons/attribution.yaml) but runs after alignment; callers that have its marks
// may build SentenceVoice values from them instead.
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_ALIGN_VOICE_H_
#define PARALLAX_ENGINE_ALIGN_VOICE_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/align/discrepancy.h"
#include "engine/align/sentence_features.h"
#include "engine/base/span.h"

namespace parallax {

struct Speaker {
  std::string name;  // canonical entity name, or the lower-cased last word of the name
  Span span;         // the name as it stands in the text
};

struct SentenceVoice {
  std::vector<Span> cues;         // report verbs / phrases, in order
  std::string cue_text;           // their lower-cased words, ", "-separated ("according to")
  std::vector<Speaker> speakers;  // distinct by name, in order
  bool attributed() const { return !cues.empty(); }
};

// Returns the voice of a sentence. `text` is the sentence text the features were computed from
// and `base` the offset given to Featurize (spans in `features` are offset by it).
SentenceVoice FindVoice(const SentenceFeatures& features, std::string_view text, size_t base);

// Returns at most one kSpeaker discrepancy (both name speakers, none in common) and at most one
// kAttribution discrepancy (exactly one side has a cue: a_text / b_text hold the cues, "" for
// the side that states it as fact).
std::vector<Discrepancy> FindVoiceDiscrepancies(const SentenceVoice& a, const SentenceVoice& b);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_VOICE_H_
